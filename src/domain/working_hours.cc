#include "domain/working_hours.h"

#include <cstdio>
#include <utility>

namespace hotline {

WorkingHours::WorkingHours()
    : WorkingHours(std::vector<WorkPeriod>{{9 * 3600, 12 * 3600}, {13 * 3600 + 1800, 17 * 3600 + 1800}}) {}

WorkingHours::WorkingHours(std::vector<WorkPeriod> periods) : periods_(std::move(periods)) {
  for (const WorkPeriod& p : periods_) seconds_per_day_ += p.end - p.start;
}

Result<WorkingHours> WorkingHours::Make(std::vector<WorkPeriod> periods) {
  if (periods.empty()) return Status::InvalidArgument("working_hours", "at least one working period is needed");
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const WorkPeriod& p = periods[i];
    const std::string field = "working_hours[" + std::to_string(i) + "]";
    const std::string shown = FormatClockTime(p.start) + "-" + FormatClockTime(p.end);
    if (p.start < 0 || p.end > 86400 || p.start >= p.end)
      return Status::InvalidArgument(field, "period " + shown + " must start before it ends, within 00:00-24:00");
    if (i > 0 && p.start < periods[i - 1].end)
      return Status::InvalidArgument(field, "period " + shown + " must start after the previous one ends");
  }
  return WorkingHours(std::move(periods));
}

std::optional<int> ParseClockTime(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (std::size_t i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int hours = (s[0] - '0') * 10 + (s[1] - '0');
  const int minutes = (s[3] - '0') * 10 + (s[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 3600 + minutes * 60;
}

std::string FormatClockTime(int seconds) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", seconds / 3600, seconds % 3600 / 60);
  return buf;
}

}  // namespace hotline

#include "domain/calendar_coverage.h"

#include <algorithm>
#include <string>

#include "domain/work_calendar.h"

namespace hotline {

std::optional<CalendarGap> MissingCalendarYear(const std::vector<int>& years, UnixSeconds now) {
  const UnixSeconds local = now + WorkCalendar::kUtcOffsetSeconds;
  const int day = static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  const std::string date = CivilFromDays(day);  // YYYY-MM-DD
  const int year = std::stoi(date.substr(0, 4));
  const int month = std::stoi(date.substr(5, 2));
  const auto covered = [&](int y) { return std::find(years.begin(), years.end(), y) != years.end(); };
  if (!covered(year)) return CalendarGap{year, true};
  if (month >= 11 && !covered(year + 1)) return CalendarGap{year + 1, false};
  return std::nullopt;
}

}  // namespace hotline

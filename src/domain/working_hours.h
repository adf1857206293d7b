// WorkingHours: the periods of a working day during which limits counted in
// working hours run, in the city's local time (Asia/Shanghai, UTC+8), as seconds
// since local midnight. Make() accepts one or more periods, each with start < end,
// sorted, not overlapping, within 00:00-24:00; the error names the period.
// The default, 09:00-12:00 and 13:30-17:30 (7 hours), is the office day most
// Chinese government offices keep; a center sets its own in
// data/policies/working_hours.csv.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace hotline {

struct WorkPeriod {
  int start = 0;  // seconds since local midnight
  int end = 0;    // exclusive; 86400 = midnight at the end of the day
  bool operator==(const WorkPeriod&) const = default;
};

class WorkingHours {
 public:
  WorkingHours();  // the default above
  static Result<WorkingHours> Make(std::vector<WorkPeriod> periods);

  const std::vector<WorkPeriod>& periods() const { return periods_; }
  // Working seconds in one working day.
  int seconds_per_day() const { return seconds_per_day_; }

 private:
  explicit WorkingHours(std::vector<WorkPeriod> periods);
  std::vector<WorkPeriod> periods_;
  int seconds_per_day_ = 0;
};

// "HH:MM" (00:00-24:00) as seconds since midnight, and back.
std::optional<int> ParseClockTime(std::string_view hh_mm);
std::string FormatClockTime(int seconds_since_midnight);

}  // namespace hotline

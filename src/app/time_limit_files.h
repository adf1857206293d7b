// Reads a center's time-limit setup from the data directory (issue 10):
//   policies/time_limits.csv   the rules (columns rule, appeal_type, category,
//                              urgency, channel, enterprise, sign, contact, reply,
//                              handle, callback, note; the file's header comment
//                              explains them; domain/time_limit_policy.h the matching)
//   policies/working_hours.csv the working periods of a day (start,end as HH:MM)
//   calendar/cn_holidays.csv   which years the holiday calendar covers (none when
//                              it cannot be read: the server then counts weekends only)
// Errors name the file, the line and the field; a rule refused by
// TimeLimitPolicy::Make is reported at its own line.
#pragma once

#include <string>
#include <vector>

#include "domain/time_limit_policy.h"
#include "domain/working_hours.h"

namespace hotline::app {

struct TimeLimitFiles {
  TimeLimitPolicy policy;
  WorkingHours working_hours;
  std::vector<int> calendar_years;  // ascending
};

Result<TimeLimitPolicy> LoadTimeLimitPolicyFile(const std::string& path);
Result<WorkingHours> LoadWorkingHoursFile(const std::string& path);
// The years with at least one entry in a holiday calendar file (date,kind).
Result<std::vector<int>> LoadCalendarYears(const std::string& path);
Result<TimeLimitFiles> LoadTimeLimitFiles(const std::string& data_dir);

}  // namespace hotline::app

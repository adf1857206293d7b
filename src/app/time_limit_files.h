// Reads a center's time-limit setup from the data directory (issue 10):
//   policies/time_limits.csv   the rules (columns rule, appeal_type, category,
//                              urgency, channel, enterprise, sign, contact, reply,
//                              handle, callback, note; the file's header comment
//                              explains them; domain/time_limit_policy.h the matching)
//   policies/working_hours.csv the working periods of a day (start,end as HH:MM)
//   calendar/cn_holidays.csv   which years the holiday calendar covers (none when
//                              it cannot be read: the server then counts weekends only)
// Errors name the file, the line and the field; a rule refused by
// TimeLimitPolicy::Make is reported at its own line. The cells are parsed by
// domain/time_limit_text.h, the same parser as an admin's edit in the console.
// These files are the seed and the default: once an admin has edited the rules
// and working hours, or uploaded a calendar year, the store's version wins
// (service/time_limits.h).
#pragma once

#include <string>
#include <vector>

#include "domain/calendar_year.h"
#include "domain/time_limit_policy.h"
#include "domain/time_limit_text.h"
#include "domain/working_hours.h"

namespace hotline::app {

struct TimeLimitFiles {
  TimeLimitPolicy policy;
  WorkingHours working_hours;
  std::vector<int> calendar_years;  // ascending
  std::vector<CalendarDay> calendar_days;  // the file's, in file order (empty when unreadable)
};

Result<TimeLimitPolicy> LoadTimeLimitPolicyFile(const std::string& path);
Result<WorkingHours> LoadWorkingHoursFile(const std::string& path);
// The years with at least one entry in a holiday calendar file (date,kind).
Result<std::vector<int>> LoadCalendarYears(const std::string& path);
// The days of a holiday calendar file (date,kind), in file order.
Result<std::vector<CalendarDay>> LoadCalendarDays(const std::string& path);
// One year's calendar uploaded as CSV text in the file's format (a date,kind
// header, '#' comments): CheckCalendarYear's checks, errors naming the line of
// the text and the field (params "line", "value").
Result<std::vector<CalendarDay>> ParseCalendarYearCsv(const std::string& text, int year);
Result<TimeLimitFiles> LoadTimeLimitFiles(const std::string& data_dir);

}  // namespace hotline::app

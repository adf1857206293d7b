// The time limits as text (issue 10): one rule as the cells of a row of
// data/policies/time_limits.csv (the same columns, the same words), one working
// period as "HH:MM" cells. The one parser and validator of rules and working
// hours, whichever way they arrive: the data directory's files
// (app/time_limit_files), the admin's edit (PUT /api/v1/policies) and the rows the
// store keeps once an admin has edited them (the store holds the text exactly as
// given, so the console shows back what was written).
//
// Errors name the column as field (e.g. "sign", "enterprise", "start"), carry the
// reason invalid_value (or the reason TimeLimitPolicy / WorkingHours gave) and
// the param "rule" (a rule's position in the list, from 0) or "period" (a
// working period's, from 0): callers turn the position into a line.
// Pure: no I/O.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "domain/time_limit_policy.h"
#include "domain/working_hours.h"

namespace hotline {

struct TimeLimitRuleText {
  std::string rule, appeal_type, category, urgency, channel, enterprise;
  std::string sign, contact, reply, handle, callback;  // "AMOUNT UNIT" or empty
  std::string note;
  bool operator==(const TimeLimitRuleText&) const = default;
};

// The columns, in file order.
inline constexpr std::array<std::string_view, 12> kTimeLimitColumns = {
    "rule", "appeal_type", "category", "urgency", "channel", "enterprise",
    "sign", "contact",     "reply",    "handle",  "callback", "note"};

// The cell of `column` (one of kTimeLimitColumns); null for another name.
std::string* CellOf(TimeLimitRuleText& row, std::string_view column);
const std::string* CellOf(const TimeLimitRuleText& row, std::string_view column);

// One rule from its cells (the checks of one row; TimeLimitPolicy::Make checks the set).
Result<TimeLimitRule> ParseTimeLimitRule(const TimeLimitRuleText& row);
// The cells of a rule (enterprise as yes/no/empty, limits as "AMOUNT UNIT").
TimeLimitRuleText FormatTimeLimitRule(const TimeLimitRule& rule);
// Every row, then the set (TimeLimitPolicy::Make); errors carry param "rule".
Result<TimeLimitPolicy> ParseTimeLimitPolicy(const std::vector<TimeLimitRuleText>& rows);

struct WorkPeriodText {
  std::string start, end;  // "HH:MM"
  bool operator==(const WorkPeriodText&) const = default;
};

// Every period, then the day (WorkingHours::Make); errors carry param "period".
Result<WorkingHours> ParseWorkingHours(const std::vector<WorkPeriodText>& periods);
std::vector<WorkPeriodText> FormatWorkingHours(const WorkingHours& hours);

}  // namespace hotline

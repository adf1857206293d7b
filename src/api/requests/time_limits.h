// Requests that change the time limits (issue 10, admin):
//   PUT /api/v1/policies        {version, rules: [{rule, appeal_type, category, urgency,
//                                channel, enterprise, sign, contact, reply, handle,
//                                callback, note}], working_hours: [{start, end}]}
//   PUT /api/v1/calendar/{year} {days: [{date, kind}]}  (or the CSV text, not decoded here)
// Each rule's fields are the cells of a row of data/policies/time_limits.csv, as
// strings (absent = empty); whether they make a rule is the service's to check with
// the files' parser. Only these fields: anything else is refused with 400 naming it
// (rules[3].foo; reason unknown_field). "version" is the one GET /api/v1/policies
// gave (required: a save without it would overwrite blind).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "domain/calendar_year.h"
#include "domain/status.h"
#include "domain/time_limit_text.h"

namespace hotline::api::requests {

struct TimeLimitsChange {
  int version = 0;
  std::vector<TimeLimitRuleText> rules;
  std::vector<WorkPeriodText> working_hours;
};

Result<TimeLimitsChange> DecodeTimeLimitsChange(const nlohmann::json& body);
// The days with their place in the list (from 1) as their line.
Result<std::vector<CalendarRow>> DecodeCalendarDays(const nlohmann::json& body);

}  // namespace hotline::api::requests

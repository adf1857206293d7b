// Test helpers for time-limit rules (issue 10): a limit from its text and the two
// rules most policy tests start from. Tests only.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include "domain/time_limit_policy.h"

namespace hotline::testing {

// "24 natural_hours" → the limit; the text must be valid.
inline TimeLimit L(const char* text) { return ParseTimeLimit(text).value(); }

// The rule without conditions every policy needs: sign 24 natural hours, contact 1
// working day, reply 7 natural days, callback 2 working days, and `handle`.
inline TimeLimitRule DefaultRule(const char* handle) {
  TimeLimitRule d;
  d.id = "default";
  d.limit(DeadlineKind::kSign) = L("24 natural_hours");
  d.limit(DeadlineKind::kContact) = L("1 working_days");
  d.limit(DeadlineKind::kReply) = L("7 natural_days");
  d.limit(DeadlineKind::kHandle) = L(handle);
  d.limit(DeadlineKind::kCallback) = L("2 working_days");
  return d;
}

// 2110 for company appeals: contact within 2 hours, an answer within 1 working
// day, solved within 10 working days.
inline TimeLimitRule Company2110Rule() {
  TimeLimitRule company;
  company.id = "enterprise-2110";
  company.enterprise = true;
  company.limit(DeadlineKind::kContact) = L("2 natural_hours");
  company.limit(DeadlineKind::kReply) = L("1 working_days");
  company.limit(DeadlineKind::kHandle) = L("10 working_days");
  return company;
}

}  // namespace hotline::testing

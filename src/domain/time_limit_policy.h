// TimeLimitPolicy: a center's time-limit rules (issue 10), chosen for an appeal by
// its type, category, urgency, channel and enterprise flag. A rule sets any of
// these conditions (unset = any; category is a taxonomy code at any level and
// covers every category under it, since codes extend their parent's) and gives
// limits for any of the five deadline kinds.
//
// Lookup: for each deadline kind, the most specific matching rule that gives a
// limit for that kind wins; a rule may give only some kinds (the 2110 rule gives
// contact, reply and handle; sign and callback come from less specific rules).
// Specificity, compared in this order:
//   1. more conditions beat fewer;
//   2. with as many conditions: a rule on urgency beats one without, then the
//      enterprise flag, then category (a deeper code beats a shallower one), then
//      appeal type, then channel.
// Make() refuses two rules with the same conditions, so two matching rules never
// tie; it also requires one default rule (no conditions) giving all five kinds, so
// every lookup finds five limits. It refuses an empty, malformed or repeated id, a
// rule without limits, a limit outside 1..kMaxLimitAmount and a malformed
// category code. Errors name the field and carry params "rule" (the rule's
// position from 0) and "id". Pure: no I/O (app/time_limit_files reads the file).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "domain/time_limit.h"
#include "domain/vocabulary.h"

namespace hotline {

struct TimeLimitRule {
  std::string id;  // stable name: letters, digits, '-', '_', '.'
  // Conditions (unset or empty = any).
  std::optional<AppealType> appeal_type;
  std::string category;
  std::optional<Urgency> urgency;
  std::optional<Channel> channel;
  std::optional<bool> enterprise;
  // Limits by DeadlineKind (index = the enum's value).
  std::array<std::optional<TimeLimit>, kDeadlineKinds> limits;
  std::string note;  // why the rule exists, for people

  int conditions() const;
  const std::optional<TimeLimit>& limit(DeadlineKind kind) const { return limits[static_cast<std::size_t>(kind)]; }
  std::optional<TimeLimit>& limit(DeadlineKind kind) { return limits[static_cast<std::size_t>(kind)]; }
};

// What a rule is matched against: the facts of one appeal.
struct AppealFacts {
  AppealType appeal_type = AppealType::kConsultation;
  std::string_view category;  // the appeal's category code, may be empty
  Urgency urgency = Urgency::kNormal;
  Channel channel = Channel::kPhone;
  bool enterprise = false;
};

// The limit of one deadline kind and the rule that gave it.
struct ChosenLimit {
  TimeLimit limit;
  const TimeLimitRule* rule = nullptr;  // points into the policy
};
using ChosenLimits = std::array<ChosenLimit, kDeadlineKinds>;

// The limit chosen for `kind`.
inline const TimeLimit& LimitOf(const ChosenLimits& limits, DeadlineKind kind) {
  return limits[static_cast<std::size_t>(kind)].limit;
}

class TimeLimitPolicy {
 public:
  static Result<TimeLimitPolicy> Make(std::vector<TimeLimitRule> rules);

  // The five limits for `facts` (index = DeadlineKind).
  ChosenLimits Lookup(const AppealFacts& facts) const;
  static bool Matches(const TimeLimitRule& rule, const AppealFacts& facts);
  // True when `a` is more specific than `b` (the order above).
  static bool MoreSpecific(const TimeLimitRule& a, const TimeLimitRule& b);

  // The rules as given (file order).
  const std::vector<TimeLimitRule>& rules() const { return rules_; }

  // A policy is a value, but ChosenLimit points into it: copies re-point.
  TimeLimitPolicy(const TimeLimitPolicy& other) : TimeLimitPolicy(other.rules_) {}
  TimeLimitPolicy& operator=(const TimeLimitPolicy& other);
  TimeLimitPolicy(TimeLimitPolicy&&) noexcept = default;
  TimeLimitPolicy& operator=(TimeLimitPolicy&&) noexcept = default;

 private:
  explicit TimeLimitPolicy(std::vector<TimeLimitRule> rules);
  std::vector<TimeLimitRule> rules_;
  std::vector<const TimeLimitRule*> by_specificity_;  // most specific first
};

}  // namespace hotline

#include "domain/time_limit_policy.h"

#include <algorithm>
#include <tuple>

namespace hotline {
namespace {

// Larger is more specific; see the header for the order.
auto SpecificityKey(const TimeLimitRule& r) {
  return std::make_tuple(r.conditions(), r.urgency.has_value(), r.enterprise.has_value(), r.category.size(),
                         r.appeal_type.has_value(), r.channel.has_value());
}

bool SameConditions(const TimeLimitRule& a, const TimeLimitRule& b) {
  return a.appeal_type == b.appeal_type && a.category == b.category && a.urgency == b.urgency &&
         a.channel == b.channel && a.enterprise == b.enterprise;
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

bool IsCodeChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

Status RuleError(std::size_t index, const TimeLimitRule& rule, const std::string& field, const std::string& message) {
  const std::string who = rule.id.empty() ? "rule " + std::to_string(index + 1) : "rule '" + rule.id + "'";
  return Status::InvalidArgument(field, who + ": " + message)
      .WithParam("rule", static_cast<long long>(index))
      .WithParam("id", rule.id);
}

Status CheckRule(std::size_t index, const TimeLimitRule& rule) {
  constexpr std::size_t kMaxIdBytes = 64;
  if (rule.id.empty() || rule.id.size() > kMaxIdBytes || !std::all_of(rule.id.begin(), rule.id.end(), IsIdChar))
    return RuleError(index, rule, "rule", "the id must be 1-64 letters, digits, '-', '_' or '.'");
  if (!rule.category.empty() && !std::all_of(rule.category.begin(), rule.category.end(), IsCodeChar))
    return RuleError(index, rule, "category", "'" + rule.category + "' is not a category code");
  bool any = false;
  for (DeadlineKind kind : kAllDeadlineKinds) {
    const auto& limit = rule.limit(kind);
    if (!limit) continue;
    any = true;
    if (limit->amount <= 0 || limit->amount > kMaxLimitAmount)
      return RuleError(index, rule, std::string(Name(kind)),
                       "the amount must be 1-" + std::to_string(kMaxLimitAmount) + ", not " +
                           std::to_string(limit->amount));
  }
  if (!any) return RuleError(index, rule, "limits", "gives no limit (sign, contact, reply, handle or callback)");
  return Status::Ok();
}

}  // namespace

int TimeLimitRule::conditions() const {
  return appeal_type.has_value() + !category.empty() + urgency.has_value() + channel.has_value() +
         enterprise.has_value();
}

TimeLimitPolicy::TimeLimitPolicy(std::vector<TimeLimitRule> rules) : rules_(std::move(rules)) {
  for (const TimeLimitRule& r : rules_) by_specificity_.push_back(&r);
  std::stable_sort(by_specificity_.begin(), by_specificity_.end(),
                   [](const TimeLimitRule* a, const TimeLimitRule* b) { return MoreSpecific(*a, *b); });
}

TimeLimitPolicy& TimeLimitPolicy::operator=(const TimeLimitPolicy& other) {
  if (this != &other) *this = TimeLimitPolicy(other.rules_);
  return *this;
}

Result<TimeLimitPolicy> TimeLimitPolicy::Make(std::vector<TimeLimitRule> rules) {
  std::optional<std::size_t> default_rule;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(CheckRule(i, rules[i]));
    for (std::size_t j = 0; j < i; ++j) {
      if (rules[j].id == rules[i].id) return RuleError(i, rules[i], "rule", "the id is used twice");
      if (SameConditions(rules[j], rules[i]))
        return RuleError(i, rules[i], "rule", "has the same conditions as rule '" + rules[j].id + "'");
    }
    if (rules[i].conditions() == 0) default_rule = i;
  }
  if (!default_rule)
    return Status::InvalidArgument("rules", "a default rule (no conditions) giving all five limits is required");
  for (DeadlineKind kind : kAllDeadlineKinds)
    if (!rules[*default_rule].limit(kind))
      return RuleError(*default_rule, rules[*default_rule], std::string(Name(kind)),
                       "the default rule must give every limit; " + std::string(Name(kind)) + " is missing");
  return TimeLimitPolicy(std::move(rules));
}

bool TimeLimitPolicy::MoreSpecific(const TimeLimitRule& a, const TimeLimitRule& b) {
  return SpecificityKey(a) > SpecificityKey(b);
}

bool TimeLimitPolicy::Matches(const TimeLimitRule& r, const AppealFacts& f) {
  return (!r.appeal_type || *r.appeal_type == f.appeal_type) && (!r.urgency || *r.urgency == f.urgency) &&
         (!r.channel || *r.channel == f.channel) && (!r.enterprise || *r.enterprise == f.enterprise) &&
         f.category.substr(0, r.category.size()) == r.category;
}

ChosenLimits TimeLimitPolicy::Lookup(const AppealFacts& facts) const {
  ChosenLimits chosen{};
  std::size_t left = kDeadlineKinds;
  for (const TimeLimitRule* rule : by_specificity_) {
    if (!Matches(*rule, facts)) continue;
    for (std::size_t k = 0; k < kDeadlineKinds; ++k) {
      if (chosen[k].rule || !rule->limits[k]) continue;
      chosen[k] = {*rule->limits[k], rule};
      --left;
    }
    if (left == 0) break;  // the default rule guarantees we get here
  }
  return chosen;
}

}  // namespace hotline

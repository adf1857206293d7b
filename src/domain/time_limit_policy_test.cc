#include "domain/time_limit_policy.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>

#include "domain/time_limit_testing.h"

namespace hotline {
namespace {

using testing::L;

TimeLimitRule Rule(std::string id) {
  TimeLimitRule r;
  r.id = std::move(id);
  return r;
}

// In the spirit of the shipped data/policies/time_limits.csv, but fixed here so
// that a change to the data cannot hide a change in the matching.
std::vector<TimeLimitRule> SampleRules() {
  std::vector<TimeLimitRule> rules;
  rules.push_back(testing::DefaultRule("7 natural_days"));

  TimeLimitRule urgent = Rule("urgent");
  urgent.urgency = Urgency::kUrgent;
  urgent.limit(DeadlineKind::kSign) = L("1 natural_hours");
  urgent.limit(DeadlineKind::kReply) = L("2 natural_hours");
  urgent.limit(DeadlineKind::kHandle) = L("24 natural_hours");
  rules.push_back(urgent);

  rules.push_back(testing::Company2110Rule());

  TimeLimitRule complaint = Rule("complaint");
  complaint.appeal_type = AppealType::kComplaint;
  complaint.limit(DeadlineKind::kHandle) = L("5 working_days");
  rules.push_back(complaint);

  TimeLimitRule utilities = Rule("utilities");  // 12 供水供电供气供热
  utilities.category = "12";
  utilities.limit(DeadlineKind::kContact) = L("4 working_hours");
  utilities.limit(DeadlineKind::kHandle) = L("3 working_days");
  rules.push_back(utilities);

  TimeLimitRule outage = Rule("water-outage");  // 120101 停水
  outage.category = "120101";
  outage.limit(DeadlineKind::kHandle) = L("24 natural_hours");
  rules.push_back(outage);

  TimeLimitRule web_complaint = Rule("web-complaint");
  web_complaint.appeal_type = AppealType::kComplaint;
  web_complaint.channel = Channel::kWeb;
  web_complaint.limit(DeadlineKind::kCallback) = L("3 working_days");
  rules.push_back(web_complaint);

  TimeLimitRule sms = Rule("sms");
  sms.channel = Channel::kSms;
  sms.limit(DeadlineKind::kContact) = L("2 working_days");
  rules.push_back(sms);
  return rules;
}

AppealFacts Facts(AppealType type, std::string_view category = "", Urgency urgency = Urgency::kNormal,
                  Channel channel = Channel::kPhone, bool enterprise = false) {
  return {type, category, urgency, channel, enterprise};
}

const ChosenLimit& Of(const ChosenLimits& chosen, DeadlineKind kind) { return chosen[static_cast<std::size_t>(kind)]; }

class TimeLimitPolicyTest : public ::testing::Test {
 protected:
  TimeLimitPolicy policy_ = TimeLimitPolicy::Make(SampleRules()).value();
  std::string RuleOf(const AppealFacts& facts, DeadlineKind kind) const {
    return Of(policy_.Lookup(facts), kind).rule->id;
  }
};

TEST_F(TimeLimitPolicyTest, TheDefaultGivesEveryLimitNothingElseGives) {
  const ChosenLimits chosen = policy_.Lookup(Facts(AppealType::kConsultation));
  for (DeadlineKind kind : kAllDeadlineKinds) {
    EXPECT_EQ(Of(chosen, kind).rule->id, "default") << Name(kind);
    EXPECT_EQ(Of(chosen, kind).limit, *policy_.rules()[0].limit(kind)) << Name(kind);
  }
}

TEST_F(TimeLimitPolicyTest, EachKindFallsBackToTheNextRuleThatGivesIt) {
  // The urgent rule says nothing about contact and callback.
  const ChosenLimits chosen = policy_.Lookup(Facts(AppealType::kHelp, "", Urgency::kUrgent));
  EXPECT_EQ(Of(chosen, DeadlineKind::kSign).rule->id, "urgent");
  EXPECT_EQ(Of(chosen, DeadlineKind::kSign).limit, L("1 natural_hours"));
  EXPECT_EQ(Of(chosen, DeadlineKind::kHandle).limit, L("24 natural_hours"));
  EXPECT_EQ(Of(chosen, DeadlineKind::kContact).rule->id, "default");
  EXPECT_EQ(Of(chosen, DeadlineKind::kCallback).rule->id, "default");
}

TEST_F(TimeLimitPolicyTest, EnterpriseAppealsGetThe2110Limits) {
  const ChosenLimits chosen = policy_.Lookup(Facts(AppealType::kComplaint, "0101", Urgency::kNormal, Channel::kPhone, true));
  EXPECT_EQ(Of(chosen, DeadlineKind::kContact).limit, L("2 natural_hours"));
  EXPECT_EQ(Of(chosen, DeadlineKind::kReply).limit, L("1 working_days"));
  // Enterprise outranks appeal type at one condition each: 10 working days, not the complaint's 5.
  EXPECT_EQ(Of(chosen, DeadlineKind::kHandle).limit, L("10 working_days"));
  EXPECT_EQ(Of(chosen, DeadlineKind::kHandle).rule->id, "enterprise-2110");
  EXPECT_EQ(Of(chosen, DeadlineKind::kSign).rule->id, "default");
  // The same appeal from a citizen: the complaint rule.
  EXPECT_EQ(RuleOf(Facts(AppealType::kComplaint, "0101"), DeadlineKind::kHandle), "complaint");
}

TEST_F(TimeLimitPolicyTest, UrgencyOutranksTheEnterpriseFlag) {
  const AppealFacts urgent_company = Facts(AppealType::kHelp, "", Urgency::kUrgent, Channel::kPhone, true);
  EXPECT_EQ(RuleOf(urgent_company, DeadlineKind::kHandle), "urgent");
  EXPECT_EQ(RuleOf(urgent_company, DeadlineKind::kReply), "urgent");
  EXPECT_EQ(RuleOf(urgent_company, DeadlineKind::kContact), "enterprise-2110");  // urgent gives none
}

TEST_F(TimeLimitPolicyTest, CategoryRulesCoverTheCodesBelowThemAndTheDeeperWins) {
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "120201"), DeadlineKind::kHandle), "utilities");
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "12"), DeadlineKind::kContact), "utilities");
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "120101"), DeadlineKind::kHandle), "water-outage");
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "120101"), DeadlineKind::kContact), "utilities");
  // A prefix of the code, not of the rule: "1" and "2112" are not under "12".
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "1"), DeadlineKind::kHandle), "default");
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "2112"), DeadlineKind::kHandle), "default");
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, ""), DeadlineKind::kHandle), "default");
  // Category outranks appeal type at one condition each.
  EXPECT_EQ(RuleOf(Facts(AppealType::kComplaint, "120201"), DeadlineKind::kHandle), "utilities");
}

TEST_F(TimeLimitPolicyTest, MoreConditionsBeatFewer) {
  // web-complaint (type + channel) gives the callback; complaint (type) still the handle.
  const AppealFacts facts = Facts(AppealType::kComplaint, "", Urgency::kNormal, Channel::kWeb);
  EXPECT_EQ(RuleOf(facts, DeadlineKind::kCallback), "web-complaint");
  EXPECT_EQ(RuleOf(facts, DeadlineKind::kHandle), "complaint");
  EXPECT_EQ(RuleOf(Facts(AppealType::kComplaint), DeadlineKind::kCallback), "default");
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "", Urgency::kNormal, Channel::kSms), DeadlineKind::kContact), "sms");
  // Category outranks channel at one condition each.
  EXPECT_EQ(RuleOf(Facts(AppealType::kHelp, "1201", Urgency::kNormal, Channel::kSms), DeadlineKind::kContact),
            "utilities");
}

TEST_F(TimeLimitPolicyTest, SpecificityOrder) {
  const auto& r = policy_.rules();
  const auto rule = [&](const char* id) -> const TimeLimitRule& {
    for (const auto& x : r)
      if (x.id == id) return x;
    throw std::runtime_error(id);
  };
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("web-complaint"), rule("urgent")));
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("urgent"), rule("enterprise-2110")));
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("enterprise-2110"), rule("water-outage")));
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("water-outage"), rule("utilities")));
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("utilities"), rule("complaint")));
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("complaint"), rule("sms")));
  EXPECT_TRUE(TimeLimitPolicy::MoreSpecific(rule("sms"), rule("default")));
  EXPECT_FALSE(TimeLimitPolicy::MoreSpecific(rule("default"), rule("default")));
}

TEST_F(TimeLimitPolicyTest, CopiesLookUpInTheirOwnRules) {
  TimeLimitPolicy copy = policy_;
  const ChosenLimits chosen = copy.Lookup(Facts(AppealType::kComplaint));
  EXPECT_EQ(Of(chosen, DeadlineKind::kHandle).rule, &copy.rules()[3]);
  policy_ = TimeLimitPolicy::Make({SampleRules()[0]}).value();
  EXPECT_EQ(Of(copy.Lookup(Facts(AppealType::kComplaint)), DeadlineKind::kHandle).rule->id, "complaint");
}

// --- validation -------------------------------------------------------------------------

Status MakeError(std::vector<TimeLimitRule> rules) { return TimeLimitPolicy::Make(std::move(rules)).status(); }

std::string ParamOf(const Status& s, const std::string& key) {
  for (const auto& [k, v] : s.params())
    if (k == key) return v;
  return "";
}

TEST(TimeLimitPolicyValidation, RequiresADefaultRuleWithAllFiveLimits) {
  auto rules = SampleRules();
  rules.erase(rules.begin());
  EXPECT_EQ(MakeError(rules).field(), "rules");

  rules = SampleRules();
  rules[0].limit(DeadlineKind::kCallback).reset();
  const Status s = MakeError(rules);
  EXPECT_EQ(s.field(), "callback");
  EXPECT_NE(s.message().find("rule 'default'"), std::string::npos) << s.message();
  EXPECT_EQ(ParamOf(s, "rule"), "0");
}

TEST(TimeLimitPolicyValidation, RefusesRulesThatWouldTie) {
  auto rules = SampleRules();
  TimeLimitRule again = rules[1];
  again.id = "urgent-again";
  rules.push_back(again);
  const Status s = MakeError(rules);
  EXPECT_EQ(s.field(), "rule");
  EXPECT_NE(s.message().find("same conditions as rule 'urgent'"), std::string::npos) << s.message();
  EXPECT_EQ(ParamOf(s, "rule"), std::to_string(rules.size() - 1));
  EXPECT_EQ(ParamOf(s, "id"), "urgent-again");
}

TEST(TimeLimitPolicyValidation, RefusesBadRules) {
  auto with = [](const std::function<void(TimeLimitRule&)>& spoil) {
    auto rules = SampleRules();
    spoil(rules[2]);
    return MakeError(rules);
  };
  EXPECT_EQ(with([](TimeLimitRule& r) { r.id = "urgent"; }).field(), "rule");   // used twice
  EXPECT_EQ(with([](TimeLimitRule& r) { r.id = ""; }).field(), "rule");
  EXPECT_EQ(with([](TimeLimitRule& r) { r.id = "two words"; }).field(), "rule");
  EXPECT_EQ(with([](TimeLimitRule& r) { r.category = "12;"; }).field(), "category");
  EXPECT_EQ(with([](TimeLimitRule& r) { r.limits = {}; }).field(), "limits");
  EXPECT_EQ(with([](TimeLimitRule& r) { r.limit(DeadlineKind::kReply) = TimeLimit{0, LimitUnit::kWorkingDays}; })
                .field(),
            "reply");
  EXPECT_EQ(with([](TimeLimitRule& r) { r.limit(DeadlineKind::kHandle)->amount = kMaxLimitAmount + 1; }).field(),
            "handle");
  EXPECT_TRUE(with([](TimeLimitRule& r) { r.limit(DeadlineKind::kHandle)->amount = kMaxLimitAmount; }).ok());
}

}  // namespace
}  // namespace hotline

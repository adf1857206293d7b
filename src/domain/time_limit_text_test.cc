#include "domain/time_limit_text.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TimeLimitRuleText Default() {
  TimeLimitRuleText r;
  r.rule = "default";
  r.sign = "24 natural_hours";
  r.contact = "1 working_days";
  r.reply = "7 natural_days";
  r.handle = "7 natural_days";
  r.callback = "2 working_days";
  return r;
}

std::string Param(const Status& s, const std::string& key) {
  for (const auto& [k, v] : s.params())
    if (k == key) return v;
  return "";
}

TEST(TimeLimitText, RuleRoundTripsThroughItsCells) {
  TimeLimitRuleText row = Default();
  row.rule = "ent";
  row.urgency = "urgent";
  row.enterprise = "yes";
  row.category = "12";
  row.channel = "web";
  row.appeal_type = "complaint";
  row.sign.clear();
  row.note = "说明";
  auto rule = ParseTimeLimitRule(row);
  ASSERT_TRUE(rule.ok()) << rule.status().ToString();
  EXPECT_EQ(rule->urgency, Urgency::kUrgent);
  EXPECT_EQ(rule->enterprise, std::optional<bool>(true));
  EXPECT_FALSE(rule->limit(DeadlineKind::kSign));
  EXPECT_EQ(FormatTimeLimitRule(*rule), row);
}

TEST(TimeLimitText, AnyEnterpriseIsEmpty) {
  TimeLimitRuleText row = Default();
  row.enterprise = "any";
  auto rule = ParseTimeLimitRule(row);
  ASSERT_TRUE(rule.ok());
  EXPECT_FALSE(rule->enterprise);
}

TEST(TimeLimitText, BadCellNamesItsColumnAndRule) {
  TimeLimitRuleText bad = Default();
  bad.rule = "second";
  bad.urgency = "urgent";
  bad.handle = "3 fortnights";
  auto policy = ParseTimeLimitPolicy({Default(), bad});
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.status().field(), "handle");
  EXPECT_EQ(policy.status().reason(), Reasons::kInvalidValue);
  EXPECT_EQ(Param(policy.status(), "rule"), "1");
  EXPECT_EQ(Param(policy.status(), "id"), "second");

  bad.handle = "3 working_days";
  bad.enterprise = "maybe";
  policy = ParseTimeLimitPolicy({Default(), bad});
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.status().field(), "enterprise");
}

TEST(TimeLimitText, SetChecksComeFromThePolicy) {
  // Two rules with the same conditions: TimeLimitPolicy::Make refuses, naming the rule.
  TimeLimitRuleText twin = Default();
  twin.rule = "twin";
  auto policy = ParseTimeLimitPolicy({Default(), twin});
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(Param(policy.status(), "rule"), "1");
  EXPECT_FALSE(ParseTimeLimitPolicy({}).ok());  // no default rule
}

TEST(TimeLimitText, WorkingHours) {
  auto hours = ParseWorkingHours({{"09:00", "12:00"}, {"13:30", "17:30"}});
  ASSERT_TRUE(hours.ok());
  EXPECT_EQ(hours->seconds_per_day(), 7 * 3600);
  EXPECT_EQ(FormatWorkingHours(*hours), (std::vector<WorkPeriodText>{{"09:00", "12:00"}, {"13:30", "17:30"}}));
  auto bad = ParseWorkingHours({{"09:00", "12:00"}, {"9h", "17:30"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "start");
  EXPECT_EQ(Param(bad.status(), "period"), "1");
  auto overlap = ParseWorkingHours({{"09:00", "12:00"}, {"11:00", "17:30"}});
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(Param(overlap.status(), "period"), "1");
  EXPECT_FALSE(ParseWorkingHours({}).ok());
}

}  // namespace
}  // namespace hotline

#include "api/requests/time_limits.h"

#include <gtest/gtest.h>

namespace hotline::api::requests {
namespace {

using nlohmann::json;

TEST(TimeLimitsRequest, DecodesRulesAndHoursAsText) {
  auto change = DecodeTimeLimitsChange(json::parse(R"({"version":3,
    "rules":[{"rule":"default","sign":"24 natural_hours","note":"说明"},{"rule":"u","urgency":"urgent","enterprise":"any"}],
    "working_hours":[{"start":"09:00","end":"12:00"}]})"));
  ASSERT_TRUE(change.ok()) << change.status().ToString();
  EXPECT_EQ(change->version, 3);
  ASSERT_EQ(change->rules.size(), 2u);
  EXPECT_EQ(change->rules[0].sign, "24 natural_hours");
  EXPECT_EQ(change->rules[0].note, "说明");
  EXPECT_EQ(change->rules[1].enterprise, "any");  // the service's parser decides
  EXPECT_EQ(change->working_hours[0].end, "12:00");
}

TEST(TimeLimitsRequest, RefusesUnknownFieldsAndAMissingVersion) {
  auto unknown = DecodeTimeLimitsChange(json::parse(R"({"version":1,"rules":[{"rule":"d","limits":{}}],"working_hours":[]})"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().field(), "rules[0].limits");
  EXPECT_EQ(unknown.status().reason(), Reasons::kUnknownField);
  auto blind = DecodeTimeLimitsChange(json::parse(R"({"rules":[],"working_hours":[]})"));
  ASSERT_FALSE(blind.ok());
  EXPECT_EQ(blind.status().field(), "version");
  auto number = DecodeTimeLimitsChange(json::parse(R"({"version":1,"rules":[{"rule":5}],"working_hours":[]})"));
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.status().field(), "rules[0].rule");
}

TEST(TimeLimitsRequest, CalendarDaysCarryTheirPlaceAsLine) {
  auto days = DecodeCalendarDays(json::parse(R"({"days":[{"date":"2027-01-01","kind":"holiday"},{"date":"2027-02-14","kind":"workday"}]})"));
  ASSERT_TRUE(days.ok());
  EXPECT_EQ((*days)[1].line, 2u);
  EXPECT_EQ((*days)[1].day.kind, "workday");
  EXPECT_FALSE(DecodeCalendarDays(json::parse(R"({"days":[{"date":"2027-01-01","type":"holiday"}]})")).ok());
}

}  // namespace
}  // namespace hotline::api::requests

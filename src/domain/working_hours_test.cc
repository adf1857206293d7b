#include "domain/working_hours.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(WorkingHours, DefaultIsTheOfficeDay) {
  const WorkingHours hours;
  ASSERT_EQ(hours.periods().size(), 2u);
  EXPECT_EQ(FormatClockTime(hours.periods()[0].start), "09:00");
  EXPECT_EQ(FormatClockTime(hours.periods()[0].end), "12:00");
  EXPECT_EQ(FormatClockTime(hours.periods()[1].start), "13:30");
  EXPECT_EQ(FormatClockTime(hours.periods()[1].end), "17:30");
  EXPECT_EQ(hours.seconds_per_day(), 7 * 3600);
}

TEST(WorkingHours, MakeChecksThePeriods) {
  auto t = [](const char* s) { return *ParseClockTime(s); };
  auto ok = WorkingHours::Make({{t("08:30"), t("12:00")}, {t("14:00"), t("18:00")}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->seconds_per_day(), 7 * 3600 + 1800);
  EXPECT_TRUE(WorkingHours::Make({{t("00:00"), t("24:00")}}).ok());
  EXPECT_EQ(WorkingHours::Make({}).status().field(), "working_hours");
  EXPECT_EQ(WorkingHours::Make({{t("12:00"), t("09:00")}}).status().field(), "working_hours[0]");
  EXPECT_EQ(WorkingHours::Make({{t("09:00"), t("09:00")}}).status().field(), "working_hours[0]");
  const Status overlap = WorkingHours::Make({{t("09:00"), t("12:00")}, {t("11:00"), t("17:00")}}).status();
  EXPECT_EQ(overlap.field(), "working_hours[1]");
  EXPECT_NE(overlap.message().find("11:00-17:00"), std::string::npos) << overlap.message();
  EXPECT_EQ(WorkingHours::Make({{t("13:00"), t("17:00")}, {t("09:00"), t("12:00")}}).status().field(),
            "working_hours[1]");  // out of order
}

TEST(WorkingHours, ClockTimes) {
  EXPECT_EQ(ParseClockTime("00:00"), 0);
  EXPECT_EQ(ParseClockTime("13:30"), 13 * 3600 + 1800);
  EXPECT_EQ(ParseClockTime("24:00"), 86400);
  for (const char* bad : {"", "9:00", "09:60", "24:01", "25:00", "09-00", "0900", "09:00 ", "ab:cd"})
    EXPECT_FALSE(ParseClockTime(bad)) << bad;
  EXPECT_EQ(FormatClockTime(17 * 3600 + 1800), "17:30");
}

}  // namespace
}  // namespace hotline

#include "triage/appeal_time.h"

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

TEST(AppealTime, Iso8601Forms) {
  EXPECT_EQ(ParseAppealTime("1970-01-01"), 0);
  EXPECT_EQ(ParseAppealTime("2019-02-28 11:25:05"), 1551353105);
  EXPECT_EQ(ParseAppealTime("2019-02-28T11:25:05Z"), 1551353105);
  EXPECT_EQ(ParseAppealTime("2019-02-28T19:25:05+08:00"), 1551353105);
  EXPECT_EQ(ParseAppealTime("2019-02-28T19:25:05+0800"), 1551353105);
  EXPECT_EQ(ParseAppealTime("2019-02-28T19:25:05+08"), 1551353105);
  EXPECT_EQ(ParseAppealTime("2019-02-28T03:25:05.123-08:00"), 1551353105);
  EXPECT_EQ(ParseAppealTime("2019-02-28T11:25"), 1551353100);
  EXPECT_EQ(ParseAppealTime("2020-02-29"), 1582934400);  // leap day
}

TEST(AppealTime, RefusesWhatIsNotATime) {
  for (const char* bad : {"", "2019", "2019-2-28", "2019-02-30", "2019-13-01", "2019-02-28 24:00",
                          "2019-02-28T11:25:05 ", "2019-02-28T11:25:05+8", "1551353105", "1969-12-31",
                          "2019-02-28T11:25:05.", "2019-02-28X11:25", "2021-02-29"})
    EXPECT_FALSE(ParseAppealTime(bad).has_value()) << bad;
}

}  // namespace
}  // namespace hotline::triage

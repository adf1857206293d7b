#include "domain/work_calendar.h"

#include <gtest/gtest.h>

#include "domain/calendar_testing.h"

namespace hotline {
namespace {

// 2026-09-30 10:00 +08:00 is a Wednesday.
UnixSeconds Local(int y, unsigned m, unsigned d, int hour) {
  return static_cast<UnixSeconds>(DaysFromCivil(y, m, d)) * 86400 + hour * 3600 - WorkCalendar::kUtcOffsetSeconds;
}

TEST(WorkCalendar, CivilDatesRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(CivilFromDays(DaysFromCivil(2026, 2, 28)), "2026-02-28");
  EXPECT_EQ(CivilFromDays(DaysFromCivil(2024, 2, 29) + 1), "2024-03-01");
}

TEST(WorkCalendar, SkipsWeekends) {
  WorkCalendar cal;
  // Friday 2026-11-20 09:00 + 1 working day = Monday 2026-11-23 09:00.
  EXPECT_EQ(cal.AddWorkingDays(Local(2026, 11, 20, 9), 1), Local(2026, 11, 23, 9));
  // Saturday counts from Monday's start.
  EXPECT_EQ(cal.AddWorkingDays(Local(2026, 11, 21, 15), 1), Local(2026, 11, 24, 0));
}

TEST(WorkCalendar, HolidaysAndMakeUpDays) {
  WorkCalendar cal;
  for (int d = 1; d <= 7; ++d) ASSERT_TRUE(cal.AddDay("2026-10-0" + std::to_string(d), "holiday").ok());
  ASSERT_TRUE(cal.AddDay("2026-10-10", "workday").ok());  // a Saturday worked in exchange
  EXPECT_EQ(cal.AddWorkingDays(Local(2026, 9, 30, 10), 1), Local(2026, 10, 8, 10));
  EXPECT_EQ(cal.AddWorkingDays(Local(2026, 10, 9, 10), 1), Local(2026, 10, 10, 10));
}

TEST(WorkCalendar, RejectsBadDates) {
  WorkCalendar cal;
  EXPECT_EQ(cal.AddDay("2026-13-01", "holiday").field(), "date");
  EXPECT_EQ(cal.AddDay("2026-10-01", "vacation").field(), "kind");
}

// The shipped calendar (data/calendar/cn_holidays.csv): Spring Festival 2024, with
// Sundays 4 and 18 February worked and New Year's Eve (9 February) a working day.
TEST(WorkCalendar, ShippedCalendarAcrossTheSpringFestival2024) {
  const WorkCalendar cal = testing::ShippedCalendar();
  EXPECT_TRUE(cal.IsWorkingDay(DaysFromCivil(2024, 2, 4)));
  EXPECT_EQ(cal.AddWorkingDays(Local(2024, 2, 8, 10), 1), Local(2024, 2, 9, 10));
  EXPECT_EQ(cal.AddWorkingDays(Local(2024, 2, 8, 10), 2), Local(2024, 2, 18, 10));
  EXPECT_EQ(cal.AddWorkingDays(Local(2024, 2, 8, 10), 3), Local(2024, 2, 19, 10));
  // 2020: the Spring Festival extended to 2 February; Saturday 1 February not worked.
  EXPECT_FALSE(cal.IsWorkingDay(DaysFromCivil(2020, 2, 1)));
  EXPECT_EQ(cal.AddWorkingDays(Local(2020, 1, 23, 10), 1), Local(2020, 2, 3, 10));
}

}  // namespace
}  // namespace hotline

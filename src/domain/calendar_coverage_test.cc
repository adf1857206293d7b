#include "domain/calendar_coverage.h"

#include <gtest/gtest.h>

#include "domain/calendar_testing.h"

namespace hotline {
namespace {

using testing::LocalTime;

const std::vector<int> kYears = {2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026};

TEST(CalendarCoverage, WarnsFromNovemberFirstWhenNextYearIsMissing) {
  FakeClock clock(LocalTime(2026, 10, 31, 23, 59, 59));
  EXPECT_FALSE(MissingCalendarYear(kYears, clock.Now()));
  clock.Advance(1);  // 1 November 00:00 in the city (still 31 October 16:00 UTC)
  const auto gap = MissingCalendarYear(kYears, clock.Now());
  ASSERT_TRUE(gap);
  EXPECT_EQ(gap->year, 2027);
  EXPECT_FALSE(gap->current_year);
  clock.Set(LocalTime(2026, 12, 31, 23, 59));
  EXPECT_TRUE(MissingCalendarYear(kYears, clock.Now()));
  // Once next year is added, no warning.
  std::vector<int> with_next = kYears;
  with_next.push_back(2027);
  EXPECT_FALSE(MissingCalendarYear(with_next, clock.Now()));
}

TEST(CalendarCoverage, WarnsWhenThisYearIsMissing) {
  FakeClock clock(LocalTime(2027, 1, 1, 0));
  const auto gap = MissingCalendarYear(kYears, clock.Now());
  ASSERT_TRUE(gap);
  EXPECT_EQ(gap->year, 2027);
  EXPECT_TRUE(gap->current_year);
  EXPECT_FALSE(MissingCalendarYear(kYears, LocalTime(2019, 6, 1, 12)));
  const auto before = MissingCalendarYear(kYears, LocalTime(2018, 11, 2, 12));
  ASSERT_TRUE(before);
  EXPECT_EQ(before->year, 2018);
}

}  // namespace
}  // namespace hotline

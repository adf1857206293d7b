#include "domain/work_time.h"

#include <gtest/gtest.h>

#include "domain/calendar_testing.h"

namespace hotline {
namespace {

using testing::LocalTime;

TimeLimit Hours(int n) { return {n, LimitUnit::kNaturalHours}; }
TimeLimit WorkingHoursOf(int n) { return {n, LimitUnit::kWorkingHours}; }
TimeLimit WorkingDays(int n) { return {n, LimitUnit::kWorkingDays}; }
TimeLimit Days(int n) { return {n, LimitUnit::kNaturalDays}; }

class WorkTimeTest : public ::testing::Test {
 protected:
  // The shipped calendar with the default working hours (09:00-12:00, 13:30-17:30).
  WorkTime time_{testing::ShippedCalendar(), WorkingHours()};
};

// Every unit across a weekend, the Spring Festival and National Day with their
// make-up working days, and New Year: the clock stands at the start (a dispatch
// at 16:00) and each limit falls due where the calendar puts it.
struct Crossing {
  const char* what;
  UnixSeconds start;
  TimeLimit limit;
  UnixSeconds due;
};

TEST_F(WorkTimeTest, EveryUnitAcrossWeekendFestivalsAndNewYear) {
  const UnixSeconds friday = LocalTime(2026, 11, 20, 16);
  const UnixSeconds before_spring_festival = LocalTime(2026, 2, 13, 16);  // Friday; 14 Feb (Sat) worked
  const UnixSeconds before_national_day = LocalTime(2025, 9, 30, 16);     // Tuesday; 1-8 Oct off, 11 Oct worked
  const UnixSeconds new_years_eve = LocalTime(2025, 12, 31, 16);          // 1-3 Jan off, 4 Jan (Sun) worked
  const Crossing crossings[] = {
      {"weekend", friday, Hours(24), LocalTime(2026, 11, 21, 16)},
      {"weekend", friday, Days(2), LocalTime(2026, 11, 22, 16)},
      {"weekend", friday, WorkingDays(1), LocalTime(2026, 11, 23, 16)},
      {"weekend", friday, WorkingHoursOf(2), LocalTime(2026, 11, 23, 9, 30)},
      {"spring festival", before_spring_festival, Hours(48), LocalTime(2026, 2, 15, 16)},
      {"spring festival", before_spring_festival, Days(10), LocalTime(2026, 2, 23, 16)},
      {"spring festival", before_spring_festival, WorkingDays(2), LocalTime(2026, 2, 24, 16)},
      {"spring festival", before_spring_festival, WorkingHoursOf(9), LocalTime(2026, 2, 24, 9, 30)},
      {"national day", before_national_day, Hours(72), LocalTime(2025, 10, 3, 16)},
      {"national day", before_national_day, Days(8), LocalTime(2025, 10, 8, 16)},
      {"national day", before_national_day, WorkingDays(1), LocalTime(2025, 10, 9, 16)},
      {"national day", before_national_day, WorkingDays(3), LocalTime(2025, 10, 11, 16)},
      {"national day", before_national_day, WorkingHoursOf(2), LocalTime(2025, 10, 9, 9, 30)},
      {"new year", new_years_eve, Hours(24), LocalTime(2026, 1, 1, 16)},
      {"new year", new_years_eve, Days(3), LocalTime(2026, 1, 3, 16)},
      {"new year", new_years_eve, WorkingDays(1), LocalTime(2026, 1, 4, 16)},
      {"new year", new_years_eve, WorkingHoursOf(4), LocalTime(2026, 1, 4, 11, 30)},
  };
  for (const Crossing& c : crossings) {
    FakeClock clock(c.start);
    EXPECT_EQ(time_.DueAt(clock.Now(), c.limit), c.due) << c.what << ", " << FormatTimeLimit(c.limit);
  }
}

// --- natural hours and natural days: the calendar does not matter -----------------

TEST_F(WorkTimeTest, NaturalHoursRunThroughNightsWeekendsAndHolidays) {
  // Friday 22:00 + 5 hours = Saturday 03:00.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 20, 22), Hours(5)), LocalTime(2026, 11, 21, 3));
  // The eve of National Day + 24 hours = 1 October, a holiday.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 9, 30, 20), Hours(24)), LocalTime(2026, 10, 1, 20));
}

TEST_F(WorkTimeTest, NaturalDaysCrossNewYearAtTheSameLocalTime) {
  EXPECT_EQ(time_.DueAt(LocalTime(2025, 12, 30, 10, 15), Days(3)), LocalTime(2026, 1, 2, 10, 15));
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 20, 16), Days(7)), LocalTime(2026, 11, 27, 16));
}

// --- working days -------------------------------------------------------------------

TEST_F(WorkTimeTest, WorkingDaysSkipTheWeekend) {
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 20, 10), WorkingDays(1)), LocalTime(2026, 11, 23, 10));
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 20, 10), WorkingDays(5)), LocalTime(2026, 11, 27, 10));
  // A start on Saturday counts from Monday's start: one working day is Monday, whole.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 21, 15), WorkingDays(1)), LocalTime(2026, 11, 24, 0));
}

TEST_F(WorkTimeTest, WorkingDaysAcrossTheSpringFestivalWithItsMakeUpDays) {
  // 2026: holidays 15-23 February; Saturdays 14 and 28 February are worked.
  const UnixSeconds friday = LocalTime(2026, 2, 13, 10);
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(1)), LocalTime(2026, 2, 14, 10));  // the make-up Saturday
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(2)), LocalTime(2026, 2, 24, 10));  // the first day after
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(5)), LocalTime(2026, 2, 27, 10));
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(6)), LocalTime(2026, 2, 28, 10));  // the second make-up Saturday
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(7)), LocalTime(2026, 3, 2, 10));
}

TEST_F(WorkTimeTest, WorkingDaysAcrossNationalDayWithItsMakeUpDays) {
  // 2025: holidays 1-8 October; Sunday 28 September and Saturday 11 October are worked.
  const UnixSeconds friday = LocalTime(2025, 9, 26, 15);
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(1)), LocalTime(2025, 9, 28, 15));
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(3)), LocalTime(2025, 9, 30, 15));
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(4)), LocalTime(2025, 10, 9, 15));
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(6)), LocalTime(2025, 10, 11, 15));
  EXPECT_EQ(time_.DueAt(friday, WorkingDays(7)), LocalTime(2025, 10, 13, 15));
}

TEST_F(WorkTimeTest, WorkingDaysAcrossNewYear) {
  // 1-3 January 2026 are holidays; Sunday 4 January is worked.
  EXPECT_EQ(time_.DueAt(LocalTime(2025, 12, 31, 10), WorkingDays(1)), LocalTime(2026, 1, 4, 10));
  EXPECT_EQ(time_.DueAt(LocalTime(2025, 12, 31, 10), WorkingDays(2)), LocalTime(2026, 1, 5, 10));
}

// --- working hours ------------------------------------------------------------------

TEST_F(WorkTimeTest, WorkingHoursCountOnlyTheOfficeDay) {
  const UnixSeconds monday = LocalTime(2026, 11, 23, 0);
  EXPECT_EQ(time_.DueAt(monday + 7 * 3600, WorkingHoursOf(1)), LocalTime(2026, 11, 23, 10));   // waits for 09:00
  EXPECT_EQ(time_.DueAt(monday + 10 * 3600, WorkingHoursOf(2)), LocalTime(2026, 11, 23, 12));  // ends at 12:00, not 13:30
  EXPECT_EQ(time_.DueAt(monday + 11 * 3600, WorkingHoursOf(2)), LocalTime(2026, 11, 23, 14, 30));  // lunch skipped
  EXPECT_EQ(time_.DueAt(monday + 12 * 3600 + 1800, WorkingHoursOf(1)), LocalTime(2026, 11, 23, 14, 30));
  EXPECT_EQ(time_.DueAt(monday + 9 * 3600, WorkingHoursOf(7)), LocalTime(2026, 11, 23, 17, 30));  // a whole day
  EXPECT_EQ(time_.DueAt(monday + 9 * 3600, WorkingHoursOf(8)), LocalTime(2026, 11, 24, 10));
}

TEST_F(WorkTimeTest, WorkingHoursAcrossTheWeekend) {
  // Friday 16:30: one hour left that day, the second on Monday morning.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 20, 16, 30), WorkingHoursOf(2)), LocalTime(2026, 11, 23, 10));
  // Sent on Saturday: Monday's first two hours.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 21, 11), WorkingHoursOf(2)), LocalTime(2026, 11, 23, 11));
}

TEST_F(WorkTimeTest, WorkingHoursAcrossTheSpringFestivalWithItsMakeUpDays) {
  // Friday 13 February 2026 17:00: half an hour that day, then the make-up Saturday.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 2, 13, 17), WorkingHoursOf(2)), LocalTime(2026, 2, 14, 10, 30));
  // From the make-up Saturday at 17:00: half an hour, nine days of holiday, a whole
  // Tuesday (7 hours), then half an hour on Wednesday.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 2, 14, 17), WorkingHoursOf(8)), LocalTime(2026, 2, 25, 9, 30));
}

TEST_F(WorkTimeTest, WorkingHoursAcrossNationalDay) {
  // 2024: holidays 1-7 October; Sunday 29 September and Saturday 12 October are worked.
  EXPECT_EQ(time_.DueAt(LocalTime(2024, 9, 30, 16), WorkingHoursOf(3)), LocalTime(2024, 10, 8, 10, 30));
  EXPECT_EQ(time_.DueAt(LocalTime(2024, 9, 28, 12), WorkingHoursOf(1)), LocalTime(2024, 9, 29, 10));
}

TEST_F(WorkTimeTest, WorkingHoursAcrossNewYear) {
  // Wednesday 31 December 2025 16:00: 1.5 hours, the holidays, then Sunday 4 January (worked).
  EXPECT_EQ(time_.DueAt(LocalTime(2025, 12, 31, 16), WorkingHoursOf(4)), LocalTime(2026, 1, 4, 11, 30));
}

TEST_F(WorkTimeTest, LongWorkingHourLimitsSkipWholeDays) {
  // 100 hours = 14 days of 7 hours + 2: from Monday 23 November 09:00 to Friday 11 December 11:00.
  EXPECT_EQ(time_.DueAt(LocalTime(2026, 11, 23, 9), WorkingHoursOf(100)), LocalTime(2026, 12, 11, 11));
}

TEST_F(WorkTimeTest, IsWorkingTime) {
  EXPECT_TRUE(time_.IsWorkingTime(LocalTime(2026, 11, 23, 9)));
  EXPECT_FALSE(time_.IsWorkingTime(LocalTime(2026, 11, 23, 12)));  // periods end before their end time
  EXPECT_FALSE(time_.IsWorkingTime(LocalTime(2026, 11, 21, 10)));  // Saturday
  EXPECT_TRUE(time_.IsWorkingTime(LocalTime(2026, 2, 14, 10)));    // a make-up Saturday
  EXPECT_FALSE(time_.IsWorkingTime(LocalTime(2026, 10, 5, 10)));   // National Day
}

// The fast path (whole days at once) against a minute-by-minute walk, for starts
// spread over 2019-2026 and limits of 1-60 working hours, with two sets of hours.
TEST_F(WorkTimeTest, WorkingHoursAgreeWithAMinuteByMinuteWalk) {
  const WorkingHours split = WorkingHours::Make({{8 * 3600 + 1800, 12 * 3600}, {14 * 3600, 18 * 3600}}).value();
  for (const WorkTime& wt : {time_, WorkTime(time_.calendar(), split)}) {
    std::uint64_t seed = 12345;
    const auto next = [&seed](std::uint64_t bound) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      return (seed >> 33) % bound;
    };
    const UnixSeconds first = LocalTime(2019, 1, 1, 0);
    const UnixSeconds span_minutes = (LocalTime(2026, 12, 1, 0) - first) / 60;
    for (int sample = 0; sample < 150; ++sample) {
      const UnixSeconds start = first + static_cast<UnixSeconds>(next(span_minutes)) * 60;
      const int hours = 1 + static_cast<int>(next(60));
      UnixSeconds t = start;
      for (int minutes = hours * 60; minutes > 0; t += 60)
        if (wt.IsWorkingTime(t)) --minutes;
      ASSERT_EQ(wt.DueAt(start, WorkingHoursOf(hours)), t) << "start " << start << " + " << hours << " h";
    }
  }
}

// --- measuring a limit's time (pauses) ------------------------------------------------

TEST_F(WorkTimeTest, TimeInCountsOnlyTheUnitsTime) {
  const UnixSeconds friday = LocalTime(2026, 11, 20, 16), monday = LocalTime(2026, 11, 23, 10);
  EXPECT_EQ(time_.TimeIn(friday, monday, LimitUnit::kNaturalHours), monday - friday);
  EXPECT_EQ(time_.TimeIn(friday, monday, LimitUnit::kNaturalDays), monday - friday);
  // Friday 16:00-17:30 and Monday 09:00-10:00.
  EXPECT_EQ(time_.TimeIn(friday, monday, LimitUnit::kWorkingHours), 2 * 3600 + 1800);
  // Friday's last 8 hours and Monday's first 10: the weekend does not count.
  EXPECT_EQ(time_.TimeIn(friday, monday, LimitUnit::kWorkingDays), 18 * 3600);
  EXPECT_EQ(time_.TimeIn(monday, friday, LimitUnit::kWorkingDays), 0) << "backwards is nothing";
  // Across the Spring Festival: only the make-up Saturday 14 February counts.
  EXPECT_EQ(time_.TimeIn(LocalTime(2026, 2, 14, 0), LocalTime(2026, 2, 24, 0), LimitUnit::kWorkingDays), 86400);
  EXPECT_EQ(time_.TimeIn(LocalTime(2026, 2, 14, 0), LocalTime(2026, 2, 24, 0), LimitUnit::kWorkingHours), 7 * 3600);
}

TEST_F(WorkTimeTest, AddTimeUndoesTimeInForEveryUnit) {
  // What a limit leaves between a start and its due instant, added back to the
  // start, gives the due instant: across a weekend, the Spring Festival, National
  // Day and New Year.
  const UnixSeconds starts[] = {LocalTime(2026, 11, 20, 16), LocalTime(2026, 2, 13, 11), LocalTime(2025, 9, 30, 16),
                                LocalTime(2025, 12, 31, 9, 30), LocalTime(2026, 11, 21, 15)};
  const TimeLimit limits[] = {Hours(30), Days(4), WorkingDays(1), WorkingDays(7), WorkingHoursOf(3), WorkingHoursOf(20)};
  for (UnixSeconds start : starts)
    for (const TimeLimit& limit : limits) {
      const UnixSeconds due = time_.DueAt(start, limit);
      EXPECT_EQ(time_.AddTime(start, time_.TimeIn(start, due, limit.unit), limit.unit), due)
          << start << " + " << FormatTimeLimit(limit);
    }
}

TEST_F(WorkTimeTest, APausedWorkingDayLimitKeepsWhatWasLeft) {
  // Paused on Friday 16:00 with one working day left (due Monday 16:00); the clock
  // runs again on Monday 09:00: a working day from then is Tuesday 09:00.
  const UnixSeconds paused = LocalTime(2026, 11, 20, 16);
  const UnixSeconds left = time_.TimeIn(paused, time_.DueAt(paused, WorkingDays(1)), LimitUnit::kWorkingDays);
  EXPECT_EQ(time_.AddTime(LocalTime(2026, 11, 23, 9), left, LimitUnit::kWorkingDays), LocalTime(2026, 11, 24, 9));
  // Resumed on a Saturday: it waits for Monday.
  EXPECT_EQ(time_.AddTime(LocalTime(2026, 11, 21, 9), left, LimitUnit::kWorkingDays), LocalTime(2026, 11, 24, 0));
}

}  // namespace
}  // namespace hotline

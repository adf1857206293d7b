#include "analytics/surge_detector.h"

#include <gtest/gtest.h>

#include "analytics/series_testing.h"

namespace hotline::analytics {
namespace {

using testing::MajorHolidays;
using testing::Simulate;
using testing::WeekdayFactor;

const int k2021 = DaysFromCivil(2021, 1, 1);
constexpr std::size_t kYear3 = 730;  // index of 2023-01-01

// Alarm days / scored days over `seeds` steady series, scoring 2023 only.
double FalseAlarmRate(double mean, double phi, int seeds, std::uint64_t seed0) {
  const HolidayCalendar cal = MajorHolidays();
  double alarms = 0, days = 0;
  for (int k = 0; k < seeds; ++k) {
    const auto s = Simulate(k2021, 1095, phi, seed0 + static_cast<std::uint64_t>(k),
                            [&](int day) { return mean * WeekdayFactor(day) * (cal.IsHoliday(day) ? 0.5 : 1); });
    const auto result = DetectSurges(s.y, k2021, cal, SurgeOptions{}, kYear3);
    for (std::size_t i = kYear3; i < result.size(); ++i) {
      EXPECT_TRUE(result[i].scored);
      days += 1, alarms += result[i].alarm ? 1 : 0;
    }
  }
  return alarms / days;
}

TEST(SurgeDetector, APlantedFourDaySurgeAlarms) {
  const HolidayCalendar none;
  int caught = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    auto s = Simulate(k2021, 800, 1.5, seed, [](int day) { return 20 * WeekdayFactor(day); });
    // +80 % on four days: a single day is about 3 SD up (not enough at 0.5 % false alarms), the four together 6 SD.
    for (std::size_t i = 780; i < 784; ++i) s.y[i] += static_cast<std::int64_t>(std::lround(0.8 * s.mu[i]));
    const auto r = DetectSurges(s.y, k2021, none, SurgeOptions{}, 740);
    bool alarm = false;
    for (std::size_t i = 780; i < 784; ++i) alarm = alarm || r[i].alarm;
    caught += alarm;
    for (std::size_t i = 750; i < 780; ++i) EXPECT_FALSE(r[i].alarm) << "seed " << seed << " day " << i;
    EXPECT_NEAR(r[783].expected, s.mu[783], 0.15 * s.mu[783]);
    EXPECT_GE(r[783].window, 2);  // the evidence is across days
  }
  EXPECT_GE(caught, 4);
}

TEST(SurgeDetector, SteadySeriesAlarmAboutHalfAPercentOfDays) {
  // Target 0.5 % of days; 12 series × 365 days per level.
  for (const auto& [mean, phi] : {std::pair{8.0, 1.5}, {60.0, 3.0}}) {
    const double rate = FalseAlarmRate(mean, phi, 12, 100);
    EXPECT_LE(rate, 0.012) << mean;
    EXPECT_GT(rate, 0.0) << mean;  // the score is alive: some steady days still reach the threshold
  }
}

TEST(SurgeDetector, SparseSeries) {
  EXPECT_LE(FalseAlarmRate(0.2, 1.0, 12, 200), 0.01);
  const HolidayCalendar none;
  int caught = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    auto s = Simulate(k2021, 800, 1.0, 300 + seed, [](int) { return 0.2; });
    s.y[780] += 2, s.y[781] += 2, s.y[782] += 2;  // six appeals in three days where one a week is usual
    const auto r = DetectSurges(s.y, k2021, none, SurgeOptions{}, 740);
    caught += r[780].alarm || r[781].alarm || r[782].alarm;
    EXPECT_LT(r[779].expected, 0.4);
  }
  EXPECT_GE(caught, 5);
}

TEST(SurgeDetector, TheBacklogAfterAHolidayIsExpectedWhenTheCalendarIsGiven) {
  const HolidayCalendar cal = MajorHolidays();
  const auto mean = [&](int day) {
    double m = 40 * WeekdayFactor(day);
    if (cal.IsHoliday(day)) m *= 0.4;
    if (cal.IsAfterHoliday(day)) m *= 2.2;
    return m;
  };
  int with = 0, without = 0, backlog_days = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const auto s = Simulate(k2021, 1095, 1.5, 400 + seed, mean);
    const auto informed = DetectSurges(s.y, k2021, cal, SurgeOptions{}, kYear3);
    const auto blind = DetectSurges(s.y, k2021, HolidayCalendar{}, SurgeOptions{}, kYear3);
    for (std::size_t i = kYear3; i < s.y.size(); ++i) {
      if (!cal.IsAfterHoliday(k2021 + static_cast<int>(i))) continue;
      ++backlog_days;
      with += informed[i].alarm, without += blind[i].alarm;
    }
  }
  ASSERT_GE(backlog_days, 9);
  EXPECT_EQ(with, 0);
  EXPECT_GE(without, backlog_days / 2);
}

TEST(SurgeDetector, TheFirstDaysHaveTooLittleHistory) {
  const auto s = Simulate(k2021, 100, 1.0, 9, [](int) { return 5.0; });
  const auto r = DetectSurges(s.y, k2021, HolidayCalendar{}, SurgeOptions{});
  ASSERT_EQ(r.size(), 100u);
  for (std::size_t i = 0; i < 63; ++i) EXPECT_FALSE(r[i].scored) << i;
  for (std::size_t i = 63; i < 100; ++i) {
    EXPECT_TRUE(r[i].scored) << i;
    EXPECT_NEAR(r[i].expected, 5.0, 1.2) << i;
  }
}

}  // namespace
}  // namespace hotline::analytics

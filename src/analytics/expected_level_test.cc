#include "analytics/expected_level.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "analytics/series_testing.h"

namespace hotline::analytics {
namespace {

using testing::MajorHolidays;
using testing::Simulate;
using testing::SimulatedSeries;
using testing::WeekdayFactor;

struct Fitted {
  FeatureLayout layout;
  std::vector<double> x;
  ExpectedLevel model;
  double Mean(int day, const HolidayCalendar& cal) const {
    std::vector<double> row;
    DayFeatures(day, layout, cal, row);
    return model.Mean(row.data());
  }
};

// Fits on the first `fit_days` days of the series.
Fitted FitOn(const SimulatedSeries& s, std::size_t fit_days, const HolidayCalendar& cal,
             const BaselineOptions& options = {}) {
  Fitted f;
  f.layout.reference_day = s.first_day;
  const std::size_t p = static_cast<std::size_t>(f.layout.size());
  std::vector<double> row;
  for (std::size_t i = 0; i < s.y.size(); ++i) {
    DayFeatures(s.first_day + static_cast<int>(i), f.layout, cal, row);
    f.x.insert(f.x.end(), row.begin(), row.end());
  }
  EXPECT_EQ(f.x.size(), s.y.size() * p);
  const std::size_t from = fit_days > 730 ? fit_days - 730 : 0;
  f.model = ExpectedLevel::Fit(f.x, s.y, from, fit_days, f.layout, options);
  EXPECT_TRUE(f.model.ok());
  return f;
}

const int k2021 = DaysFromCivil(2021, 1, 1);
const int k2023 = DaysFromCivil(2023, 1, 1);

TEST(ExpectedLevel, TracksTheWeekdayPattern) {
  const HolidayCalendar none;
  const auto s = Simulate(k2021, 800, 1.5, 1, [](int day) { return 20 * WeekdayFactor(day); });
  const Fitted f = FitOn(s, 730, none);
  for (int day = k2023; day < k2023 + 14; ++day)
    EXPECT_NEAR(f.Mean(day, none) / (20 * WeekdayFactor(day)), 1.0, 0.08) << CivilFromDays(day);
  const int monday = DaysFromCivil(2023, 1, 2), sunday = DaysFromCivil(2023, 1, 8);
  EXPECT_NEAR(f.Mean(monday, none) / f.Mean(sunday, none), 1.3 / 0.6, 0.2);
}

TEST(ExpectedLevel, HolidaysLowerTheLevelAndMakeUpDaysRaiseIt) {
  const HolidayCalendar cal = MajorHolidays();
  const auto mean = [&](int day) {
    double m = 30 * WeekdayFactor(day);
    if (cal.IsHoliday(day)) m *= 0.3;
    if (cal.IsWorkday(day)) m = 30;  // a worked weekend looks like a weekday
    return m;
  };
  const auto s = Simulate(k2021, 1095, 1.5, 2, mean);
  const Fitted f = FitOn(s, 730, cal);  // 2021–2022; predict Spring Festival 2023
  for (int d = 21; d <= 27; ++d) {
    const int day = DaysFromCivil(2023, 1, static_cast<unsigned>(d));
    EXPECT_NEAR(f.Mean(day, cal) / mean(day), 1.0, 0.2) << CivilFromDays(day);
  }
  const int worked_saturday = DaysFromCivil(2023, 1, 28);
  EXPECT_NEAR(f.Mean(worked_saturday, cal) / 30, 1.0, 0.25);
  // Without the calendar the model cannot know: the holiday Monday is expected at a Monday's level.
  const Fitted blind = FitOn(s, 730, HolidayCalendar{});
  EXPECT_GT(blind.Mean(DaysFromCivil(2023, 1, 23), HolidayCalendar{}), 2.5 * mean(DaysFromCivil(2023, 1, 23)));
}

TEST(ExpectedLevel, PastOutbreaksAreDownWeighted) {
  const HolidayCalendar none;
  auto s = Simulate(k2021, 760, 1.0, 3, [](int) { return 10.0; });
  // Three outbreaks in the last quarter of the history, 12 days of +25 each.
  for (const int start : {560, 620, 690})
    for (int i = 0; i < 12; ++i) s.y[static_cast<std::size_t>(start + i)] += 25;
  const Fitted robust = FitOn(s, 730, none);
  BaselineOptions plain;
  plain.downweight_above = std::numeric_limits<double>::infinity();
  const Fitted naive = FitOn(s, 730, none, plain);
  const int day = k2021 + 735;
  EXPECT_NEAR(robust.Mean(day, none), 10, 1.0);
  EXPECT_GT(naive.Mean(day, none), robust.Mean(day, none) + 0.8);
}

TEST(ExpectedLevel, KeepsASignificantTrendOnly) {
  const HolidayCalendar none;
  const auto growing = Simulate(k2021, 760, 1.5, 4, [](int day) { return 10 * std::exp(0.4 * (day - k2021) / 365.25); });
  const Fitted g = FitOn(growing, 730, none);
  EXPECT_TRUE(g.model.has_trend());
  EXPECT_NEAR(g.Mean(k2021 + 740, none) / growing.mu[740], 1.0, 0.1);
  // Sparse and short: too little history for a trend.
  const auto young = Simulate(k2021, 200, 1.0, 5, [](int) { return 0.5; });
  const Fitted y = FitOn(young, 190, none);
  EXPECT_FALSE(y.model.has_trend());
  EXPECT_NEAR(y.Mean(k2021 + 195, none), 0.5, 0.2);
}

TEST(ExpectedLevel, TheDispersionOfASparseOverdispersedSeriesIsNotBiasedLow) {
  // Down-weighting takes weight from the negative binomial's own tail; the dispersion is re-estimated without it.
  const HolidayCalendar none;
  BaselineOptions weighted;
  weighted.dispersion_cut = 0;
  double phi = 0, phi_weighted = 0;
  constexpr int kSeeds = 10;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const auto s = Simulate(k2021, 730, 2.0, 600 + static_cast<std::uint64_t>(seed), [](int) { return 0.3; });
    phi += FitOn(s, 730, none).model.dispersion() / kSeeds;
    phi_weighted += FitOn(s, 730, none, weighted).model.dispersion() / kSeeds;
  }
  EXPECT_NEAR(phi, 2.0, 0.4);
  EXPECT_LT(phi_weighted, 1.7);
}

}  // namespace
}  // namespace hotline::analytics

// Test helper (not part of hotline_analytics): simulated daily count series with
// a known expected level, and the official holidays of 2021–2023 as in
// data/calendar/cn_holidays.csv (only the periods the tests lean on).
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "analytics/count_distribution.h"
#include "analytics/day_features.h"
#include "domain/work_calendar.h"

namespace hotline::analytics::testing {

struct SimulatedSeries {
  int first_day = 0;
  std::vector<double> mu;
  std::vector<std::int64_t> y;
};

inline SimulatedSeries Simulate(int first_day, int days, double phi, std::uint64_t seed,
                                const std::function<double(int)>& mean_of_day) {
  std::mt19937_64 rng(seed);
  SimulatedSeries s;
  s.first_day = first_day;
  for (int i = 0; i < days; ++i) {
    s.mu.push_back(mean_of_day(first_day + i));
    s.y.push_back(SampleCount(s.mu.back(), phi * s.mu.back(), rng));
  }
  return s;
}

// Hotline weekday multipliers, Monday first.
inline double WeekdayFactor(int day) {
  static constexpr double kFactor[7] = {1.3, 1.1, 1.05, 1.0, 1.0, 0.7, 0.6};
  return kFactor[Weekday(day)];
}

// Spring Festival, National Day and Labour Day 2021–2023 with their make-up days.
inline HolidayCalendar MajorHolidays() {
  HolidayCalendar cal;
  const auto range = [&](int y, unsigned m, unsigned d0, unsigned d1) {
    for (unsigned d = d0; d <= d1; ++d) cal.holidays.insert(DaysFromCivil(y, m, d));
  };
  range(2021, 2, 11, 17), range(2021, 5, 1, 5), range(2021, 10, 1, 7);
  range(2022, 1, 31, 31), range(2022, 2, 1, 6), range(2022, 4, 30, 30), range(2022, 5, 1, 4), range(2022, 10, 1, 7);
  range(2023, 1, 21, 27), range(2023, 4, 29, 30), range(2023, 5, 1, 3), range(2023, 9, 29, 30), range(2023, 10, 1, 6);
  for (const auto& [y, m, d] : {std::tuple{2021, 2u, 7u}, {2021, 2u, 20u}, {2021, 4u, 25u}, {2021, 5u, 8u},
                                {2021, 9u, 26u}, {2021, 10u, 9u}, {2022, 1u, 29u}, {2022, 1u, 30u}, {2022, 4u, 24u},
                                {2022, 5u, 7u}, {2022, 10u, 8u}, {2022, 10u, 9u}, {2023, 1u, 28u}, {2023, 1u, 29u},
                                {2023, 4u, 23u}, {2023, 5u, 6u}, {2023, 10u, 7u}, {2023, 10u, 8u}})
    cal.workdays.insert(DaysFromCivil(y, m, d));
  return cal;
}

}  // namespace hotline::analytics::testing

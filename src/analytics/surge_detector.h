// The surge detector (issue 14; `hotline surges`, DESIGN.md §5). For one series of
// daily counts it gives, for every day with enough history, the expected count
// (analytics/expected_level.h, refitted every `refit_every_days` on the days
// before) and the evidence of a surge ending that day:
//   score = max over w = 1…max_window of −log10 P(S_w ≥ s_w),
// where s_w is the count summed over the last w days and S_w its distribution
// under the model — negative binomial with mean Σμ and variance φΣμ + Var(Σμ̂)
// (the estimate's own uncertainty, delta method). Windowed sums are the evidence
// across days: a surge spread over five days that no single day shows adds up.
// alarm = score ≥ threshold. The threshold is one number for every series (the
// tail probabilities are each series' own, so the rate of false alarms moves
// little with the level): the default, 2.9, is the lowest that alarmed on at most
// 0.5 % of the days of simulated series without outbreaks, pooled over ten
// scenarios from 0.3 to 300 counts a day (bench/surge_eval, docs/SURGES.md, which
// also shows how the rate varies between scenarios). Across 5,000 series expect
// about 25 false alarms a day.
// Days are counted since 1970-01-01; counts[i] is the count of day first_day + i.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/day_features.h"
#include "analytics/expected_level.h"

namespace hotline::analytics {

struct SurgeOptions {
  BaselineOptions baseline;
  int max_window = 7;          // at most baseline.gap_days
  int refit_every_days = 7;
  int harmonics = 2;
  double threshold = 2.9;
};

struct SurgeDay {
  bool scored = false;   // false: not enough history yet (expected and score are 0)
  double expected = 0;   // the day's expected count
  double score = 0;      // −log10 of the smallest window tail probability (capped at 300)
  int window = 0;        // the window (days) that gave the score
  bool alarm = false;
};

// Scores days from index `score_from` on (earlier days come back unscored).
std::vector<SurgeDay> DetectSurges(const std::vector<std::int64_t>& counts, int first_day,
                                   const HolidayCalendar& calendar, const SurgeOptions& options,
                                   std::size_t score_from = 0);

}  // namespace hotline::analytics

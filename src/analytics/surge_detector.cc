#include "analytics/surge_detector.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "analytics/count_distribution.h"

namespace hotline::analytics {

std::vector<SurgeDay> DetectSurges(const std::vector<std::int64_t>& counts, int first_day,
                                   const HolidayCalendar& calendar, const SurgeOptions& options,
                                   std::size_t score_from) {
  const std::size_t n = counts.size();
  std::vector<SurgeDay> days(n);
  FeatureLayout layout;
  layout.trend = true;
  layout.harmonics = options.harmonics;
  layout.reference_day = first_day;
  const std::size_t p = static_cast<std::size_t>(layout.size());
  std::vector<double> x(n * p), row;
  for (std::size_t i = 0; i < n; ++i) {
    DayFeatures(first_day + static_cast<int>(i), layout, calendar, row);
    std::copy(row.begin(), row.end(), x.begin() + static_cast<std::ptrdiff_t>(i * p));
  }
  const BaselineOptions& b = options.baseline;
  const std::size_t gap = static_cast<std::size_t>(std::max(b.gap_days, options.max_window));
  const std::size_t first = std::max(score_from, gap + static_cast<std::size_t>(b.min_history_days));
  std::optional<ExpectedLevel> model;
  std::size_t fitted_at = 0;
  std::vector<const double*> rows;
  std::vector<double> mus;
  for (std::size_t t = first; t < n; ++t) {
    if (!model || t - fitted_at >= static_cast<std::size_t>(std::max(1, options.refit_every_days))) {
      const std::size_t to = t - gap;
      const std::size_t from = to > static_cast<std::size_t>(b.history_days) ? to - b.history_days : 0;
      model = ExpectedLevel::Fit(x, counts, from, to, layout, b, model ? &*model : nullptr);
      fitted_at = t;
    }
    if (!model->ok()) continue;
    SurgeDay& day = days[t];
    day.scored = true;
    rows.clear();
    mus.clear();
    double mean = 0;
    std::int64_t sum = 0;
    const double phi = model->dispersion();
    for (int w = 1; w <= options.max_window && static_cast<std::size_t>(w) <= t + 1; ++w) {
      const std::size_t d = t + 1 - static_cast<std::size_t>(w);
      const double* r = &x[d * p];
      const double mu = model->Mean(r);
      if (w == 1) day.expected = mu;
      rows.push_back(r);
      mus.push_back(mu);
      mean += mu;
      sum += counts[d];
      if (sum == 0) continue;
      const double variance = phi * mean + model->glm().SumVariance(rows, mus);
      const double tail = std::max(UpperTail(mean, variance, sum), 1e-300);
      const double score = -std::log10(tail);
      if (score > day.score) day.score = score, day.window = w;
    }
    day.alarm = day.score >= options.threshold;
  }
  return days;
}

}  // namespace hotline::analytics

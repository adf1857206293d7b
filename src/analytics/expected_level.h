// A series' expected daily level (issue 14): a quasi-Poisson log-linear model of
// the day's count on trend, day of the week, yearly harmonics and the holiday
// indicators (analytics/day_features.h), fitted on the days before the one
// scored, in the manner of Farrington-flexible (Noufaily et al. 2013):
//   1. fit on the history window (at most `history_days`, ending `gap_days`
//      before the first day scored, so a surge that is building does not raise
//      its own baseline);
//   2. down-weight past outbreaks: days whose Anscombe residual exceeds
//      `downweight_above` get weight 1/r² (weights rescaled to sum to n), refit;
//      twice (`reweight_rounds`), as the first fit's dispersion is inflated by
//      the outbreaks it has not yet down-weighted;
//   3. keep the trend only when its coefficient is significant (|β/se| ≥
//      `trend_z`) and the history is at least `trend_min_days` long; the yearly
//      harmonics only with at least `season_min_days` of history.
//   4. the dispersion φ (Var = φμ): Pearson χ² / (n − p) over every day,
//      unweighted, leaving out only gross outliers (Anscombe residual above
//      `dispersion_cut`): the weighted estimate is biased low, since the
//      down-weighting also takes weight from the negative binomial's own long
//      tail (0.3 a day with φ = 2 came out at 1.4, now 2.3). At least 1.
// Columns left out are not removed: their ridge penalty is made prohibitive, so
// every fit has the same layout.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/count_glm.h"
#include "analytics/day_features.h"

namespace hotline::analytics {

struct BaselineOptions {
  int history_days = 730;
  int gap_days = 7;            // at least the detector's longest window
  int min_history_days = 56;   // with less, no expected level (the day is not scored)
  int season_min_days = 365;
  int trend_min_days = 365;
  double trend_z = 2.0;
  double downweight_above = 2.58;
  int reweight_rounds = 2;
  double dispersion_cut = 5.0;  // 0: keep the weighted estimate
  double ridge = 1.0;          // on every coefficient but the intercept
};

class ExpectedLevel {
 public:
  // `x` holds the features of every day of the series (layout.size() a row) and
  // `counts` their counts; the model is fitted on days [from, to). `previous`, a
  // fit of the same series on earlier days, only speeds the fit up.
  static ExpectedLevel Fit(const std::vector<double>& x, const std::vector<std::int64_t>& counts, std::size_t from,
                           std::size_t to, const FeatureLayout& layout, const BaselineOptions& options,
                           const ExpectedLevel* previous = nullptr);

  bool ok() const { return fit_.ok; }
  bool has_trend() const { return has_trend_; }
  double dispersion() const { return fit_.dispersion; }
  double Mean(const double* row) const;
  const GlmFit& glm() const { return fit_; }

 private:
  GlmFit fit_;
  bool has_trend_ = false;
};

}  // namespace hotline::analytics

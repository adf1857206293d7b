#include "analytics/expected_level.h"

#include <algorithm>
#include <cmath>

namespace hotline::analytics {
namespace {

constexpr double kExcluded = 1e12;  // a ridge that pins a coefficient to 0

}  // namespace

double ExpectedLevel::Mean(const double* row) const { return std::exp(std::clamp(fit_.Eta(row), -30.0, 30.0)); }

ExpectedLevel ExpectedLevel::Fit(const std::vector<double>& x, const std::vector<std::int64_t>& counts,
                                 std::size_t from, std::size_t to, const FeatureLayout& layout,
                                 const BaselineOptions& options, const ExpectedLevel* previous) {
  ExpectedLevel model;
  const int p = layout.size();
  if (to <= from) return model;
  const std::size_t n = to - from;
  GlmData data;
  data.p = p;
  data.x.assign(x.begin() + static_cast<std::ptrdiff_t>(from * p), x.begin() + static_cast<std::ptrdiff_t>(to * p));
  data.y.resize(n);
  for (std::size_t i = 0; i < n; ++i) data.y[i] = static_cast<double>(counts[from + i]);

  std::vector<double> ridge(p, options.ridge);
  ridge[0] = 0;
  const int trend = layout.trend_index();
  const bool trend_allowed = trend >= 0 && static_cast<int>(n) >= options.trend_min_days;
  if (trend >= 0 && !trend_allowed) ridge[trend] = kExcluded;
  if (static_cast<int>(n) < options.season_min_days) {
    const int first_harmonic = 1 + (layout.trend ? 1 : 0) + 6;
    for (int j = 0; j < 2 * layout.harmonics; ++j) ridge[first_harmonic + j] = kExcluded;
  }

  std::vector<double> start;
  if (previous && previous->ok()) start = previous->fit_.beta;
  GlmFit fit = FitQuasiPoisson(data, ridge, start);
  if (!fit.ok) return model;
  // Farrington-style down-weighting of past outbreaks (Anscombe residuals), twice:
  // the first fit's dispersion is inflated by the outbreaks themselves.
  for (int round = 0; round < options.reweight_rounds; ++round) {
    std::vector<double> weight(n, 1.0);
    double total = 0;
    bool any = false;
    const double scale = std::sqrt(fit.dispersion);
    for (std::size_t i = 0; i < n; ++i) {
      const double mu = fit.mu[i];
      const double r = 1.5 * (std::cbrt(data.y[i] * data.y[i]) - std::cbrt(mu * mu)) / std::pow(mu, 1.0 / 6) / scale;
      if (r > options.downweight_above) weight[i] = 1 / (r * r), any = true;
      total += weight[i];
    }
    if (!any) break;
    for (double& w : weight) w *= static_cast<double>(n) / total;
    data.weight = std::move(weight);
    GlmFit refit = FitQuasiPoisson(data, ridge, fit.beta);
    if (!refit.ok) break;
    fit = std::move(refit);
  }
  model.has_trend_ = trend_allowed;
  if (trend_allowed) {
    const double se = std::sqrt(fit.cov[static_cast<std::size_t>(trend) * p + trend]);
    if (!(std::abs(fit.beta[trend]) >= options.trend_z * se)) {
      ridge[trend] = kExcluded;
      std::vector<double> flat_start = fit.beta;
      flat_start[trend] = 0;
      GlmFit flat = FitQuasiPoisson(data, ridge, flat_start);
      if (flat.ok) fit = std::move(flat);
      model.has_trend_ = false;
    }
  }
  // The dispersion: down-weighting also takes weight from the negative binomial's
  // own long tail, which biases the weighted Pearson estimate low (0.3 a day with
  // φ = 2 came out at 1.4). So φ is re-estimated from every day, unweighted,
  // leaving out only gross outliers (Anscombe residual above `dispersion_cut`).
  if (options.dispersion_cut > 0 && fit.ok) {
    double chi2 = 0, kept = 0;
    const double scale = std::sqrt(fit.dispersion);
    for (std::size_t i = 0; i < n; ++i) {
      const double mu = fit.mu[i];
      const double r = 1.5 * (std::cbrt(data.y[i] * data.y[i]) - std::cbrt(mu * mu)) / std::pow(mu, 1.0 / 6) / scale;
      if (r > options.dispersion_cut) continue;
      chi2 += (data.y[i] - mu) * (data.y[i] - mu) / mu;
      kept += 1;
    }
    const double phi = std::max(1.0, chi2 / std::max(1.0, kept - p));
    for (double& c : fit.cov) c *= phi / fit.dispersion;
    fit.dispersion = phi;
  }
  model.fit_ = std::move(fit);
  return model;
}

}  // namespace hotline::analytics

#include "analytics/count_distribution.h"

#include <algorithm>
#include <cmath>

namespace hotline::analytics {
namespace {

// Size r of the negative binomial with this mean and variance; 0 means Poisson.
double SizeOf(double mean, double variance) {
  const double excess = variance - mean;
  if (excess <= mean * 1e-9) return 0;
  const double r = mean * mean / excess;
  return r > 1e9 ? 0 : r;
}

}  // namespace

double UpperTail(double mean, double variance, std::int64_t y) {
  if (y <= 0) return 1;
  if (!(mean > 0)) return 0;
  const double r = SizeOf(mean, variance);
  const double q = r > 0 ? mean / (r + mean) : 0;  // NB success-complement probability
  const auto log_pmf = [&](double j) {
    if (r == 0) return j * std::log(mean) - mean - std::lgamma(j + 1);
    return std::lgamma(j + r) - std::lgamma(r) - std::lgamma(j + 1) + r * std::log1p(-q) + j * std::log(q);
  };
  // ratio pmf(j+1) / pmf(j)
  const auto up = [&](double j) { return r == 0 ? mean / (j + 1) : (j + r) * q / (j + 1); };
  const double yd = static_cast<double>(y);
  double term = std::exp(log_pmf(yd));
  if (yd > mean) {  // terms decrease from y upward: sum the upper tail directly
    double sum = 0;
    for (double j = yd; j < yd + 1e7; ++j) {
      sum += term;
      term *= up(j);
      if (term <= sum * 1e-17) break;
    }
    return std::min(1.0, sum);
  }
  // y ≤ mean: 1 − P(Y ≤ y−1), summing downward from y−1 (terms decrease downward)
  double lower = 0;
  term /= up(yd - 1);  // pmf(y−1)
  for (double j = yd - 1; j >= 0; --j) {
    lower += term;
    if (j == 0 || term <= lower * 1e-17) break;
    term /= up(j - 1);
  }
  return std::clamp(1.0 - lower, 0.0, 1.0);
}

std::int64_t SampleCount(double mean, double variance, std::mt19937_64& rng) {
  if (!(mean > 0)) return 0;
  double lambda = mean;
  if (const double r = SizeOf(mean, variance); r > 0) lambda = std::gamma_distribution<double>(r, mean / r)(rng);
  if (!(lambda > 0)) return 0;
  return std::poisson_distribution<std::int64_t>(lambda)(rng);
}

}  // namespace hotline::analytics

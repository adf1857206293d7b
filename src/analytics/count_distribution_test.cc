#include "analytics/count_distribution.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace hotline::analytics {
namespace {

double PoissonPmf(double m, int k) { return std::exp(k * std::log(m) - m - std::lgamma(k + 1.0)); }
double NbPmf(double m, double v, int k) {
  const double r = m * m / (v - m), q = m / (r + m);
  return std::exp(std::lgamma(k + r) - std::lgamma(r) - std::lgamma(k + 1.0) + r * std::log1p(-q) + k * std::log(q));
}

TEST(UpperTail, MatchesTheSumOfThePoissonProbabilities) {
  double below = 0;
  for (int y = 0; y <= 20; ++y) {
    EXPECT_NEAR(UpperTail(3.7, 3.7, y), 1 - below, 1e-12) << y;
    below += PoissonPmf(3.7, y);
  }
}

TEST(UpperTail, MatchesTheSumOfTheNegativeBinomialProbabilities) {
  double below = 0;
  for (int y = 0; y <= 60; ++y) {
    EXPECT_NEAR(UpperTail(4, 10, y), 1 - below, 1e-12) << y;
    below += NbPmf(4, 10, y);
  }
  // Overdispersion fattens the tail.
  EXPECT_GT(UpperTail(4, 10, 12), 20 * UpperTail(4, 4, 12));
}

TEST(UpperTail, SparseAndBusyLevels) {
  EXPECT_NEAR(UpperTail(0.05, 0.05, 1), 1 - std::exp(-0.05), 1e-12);
  EXPECT_EQ(UpperTail(0, 0, 1), 0);
  EXPECT_EQ(UpperTail(0, 0, 0), 1);
  // Busy: mean 2000, variance 6000; three standard deviations up is about the normal 0.13 % (NB right skew: a little more).
  const double p = UpperTail(2000, 6000, 2000 + static_cast<int>(3 * std::sqrt(6000.0)));
  EXPECT_GT(p, 0.0012);
  EXPECT_LT(p, 0.0025);
  EXPECT_NEAR(UpperTail(2000, 6000, 2000), 0.5, 0.02);
  EXPECT_LT(UpperTail(2000, 6000, 4000), 1e-60);
}

TEST(SampleCount, HasTheAskedMeanAndVariance) {
  std::mt19937_64 rng(7);
  for (const auto& [mean, variance] : {std::pair{0.3, 0.3}, {5.0, 15.0}, {200.0, 600.0}}) {
    double s = 0, s2 = 0;
    constexpr int kDraws = 40000;
    for (int i = 0; i < kDraws; ++i) {
      const double y = static_cast<double>(SampleCount(mean, variance, rng));
      s += y, s2 += y * y;
    }
    const double m = s / kDraws, v = s2 / kDraws - m * m;
    EXPECT_NEAR(m, mean, 0.02 * mean + 0.01) << mean;
    EXPECT_NEAR(v, variance, 0.06 * variance) << mean;
  }
}

}  // namespace
}  // namespace hotline::analytics

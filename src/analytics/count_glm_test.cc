#include "analytics/count_glm.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "analytics/count_distribution.h"

namespace hotline::analytics {
namespace {

GlmData Simulate(double phi, std::uint64_t seed, int n = 3000) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1, 1);
  GlmData d;
  d.p = 3;
  for (int i = 0; i < n; ++i) {
    const double x1 = u(rng), x2 = i % 3 == 0 ? 1 : 0;
    d.x.insert(d.x.end(), {1, x1, x2});
    const double mu = std::exp(1.5 + 0.4 * x1 - 0.7 * x2);
    d.y.push_back(static_cast<double>(SampleCount(mu, phi * mu, rng)));
  }
  return d;
}

TEST(CountGlm, RecoversTheCoefficientsAndTheDispersion) {
  for (const double phi : {1.0, 3.0}) {
    const GlmFit fit = FitQuasiPoisson(Simulate(phi, 11), {0, 0, 0});
    ASSERT_TRUE(fit.ok);
    EXPECT_NEAR(fit.beta[0], 1.5, 0.05);
    EXPECT_NEAR(fit.beta[1], 0.4, 0.07 * std::sqrt(phi));
    EXPECT_NEAR(fit.beta[2], -0.7, 0.07 * std::sqrt(phi));  // about 3 standard errors
    EXPECT_NEAR(fit.dispersion, phi, 0.12 * phi);
    // The covariance is of the right size: the intercept's standard error ≈ √(φ / Σμ) order.
    EXPECT_GT(fit.cov[0], 0);
    EXPECT_LT(fit.cov[0], 0.01 * phi);
  }
}

TEST(CountGlm, ZeroWeightsDropRowsAndTheRidgeKeepsAnEmptyIndicatorFinite) {
  GlmData d = Simulate(1.0, 12, 600);
  // Corrupt the first 100 rows, then give them no weight.
  d.weight.assign(d.n(), 1.0);
  for (int i = 0; i < 100; ++i) d.y[i] = 500, d.weight[i] = 0;
  const GlmFit fit = FitQuasiPoisson(d, {0, 0, 0});
  EXPECT_NEAR(fit.beta[0], 1.5, 0.1);

  // An indicator whose rows are all zero counts: without a ridge it runs off to −∞.
  GlmData sparse = Simulate(1.0, 13, 600);
  for (std::size_t i = 0; i < sparse.n(); ++i)
    if (sparse.x[i * 3 + 2] == 1) sparse.y[i] = 0;
  const GlmFit ridged = FitQuasiPoisson(sparse, {0, 1, 1});
  ASSERT_TRUE(ridged.ok);
  EXPECT_LT(ridged.beta[2], -3);
  EXPECT_GT(ridged.beta[2], -12);
}

}  // namespace
}  // namespace hotline::analytics

// Count distributions for the surge detector (issue 14): a negative binomial given
// by its mean and variance — a Poisson when the variance is not above the mean —,
// its upper tail P(Y ≥ y), and a sampler (gamma–Poisson mixture) for simulations
// and tests. The tail is summed term by term from y (exact up to rounding, no
// normal approximation), so it is right for sparse and for busy series alike.
#pragma once

#include <cstdint>
#include <random>

namespace hotline::analytics {

// P(Y ≥ y) for Y with the given mean (> 0) and variance; 1 for y ≤ 0. A mean of 0
// (or below) gives 0 for every y > 0.
double UpperTail(double mean, double variance, std::int64_t y);

// One draw of Y. The variance is clamped to at least the mean (Poisson).
std::int64_t SampleCount(double mean, double variance, std::mt19937_64& rng);

}  // namespace hotline::analytics

#include "triage/minhash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "triage/mix64.h"

namespace hotline::triage {
namespace {

// The splitmix64 generator: the next value of the sequence seeded by `state`.
std::uint64_t SplitMix(std::uint64_t& state) { return Mix64(state += 0x9e3779b97f4a7c15ULL); }

// −ln(1 − u) for u = hash / 2^64 (53 bits): an exponential variable, increasing in the hash.
double Exponential(std::uint64_t hash) { return -std::log1p(-static_cast<double>(hash >> 11) * 0x1.0p-53); }

// Weights are rounded to levels 2^(−level/4): 1, 0.84, 0.71, … 0.018 (at most 9 % off).
constexpr int kWeightLevels = 24;
int WeightLevel(float w) {
  if (w >= 1) return 0;
  const long level = std::lround(-4.0 * std::log2(static_cast<double>(w)));
  return static_cast<int>(std::clamp<long>(level, 0, kWeightLevels - 1));
}
double LevelWeight(int level) { return std::exp2(-level / 4.0); }

}  // namespace

MinHasher::MinHasher(int num_hashes, std::uint64_t seed) {
  if (num_hashes < 1) num_hashes = 1;
  std::uint64_t state = seed;
  mul_.resize(static_cast<std::size_t>(num_hashes));
  add_.resize(mul_.size());
  for (std::size_t i = 0; i < mul_.size(); ++i) {
    mul_[i] = SplitMix(state) | 1;
    add_[i] = SplitMix(state);
  }
}

std::vector<std::uint16_t> MinHasher::Sign(std::span<const std::uint64_t> shingles) const {
  return Sign(shingles, {});
}

std::vector<std::uint16_t> MinHasher::Sign(std::span<const std::uint64_t> shingles,
                                           std::span<const float> weights) const {
  const std::size_t k = mul_.size();
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  // The shingles by weight level; within one level the smallest hash has the smallest
  // E_i / w, so each level is a plain MinHash (integers only) and only the levels'
  // winners are compared by E_i / w.
  std::array<std::vector<std::uint64_t>, kWeightLevels> by_level;
  for (std::size_t j = 0; j < shingles.size(); ++j) {
    const float w = j < weights.size() ? weights[j] : 1.0f;
    if (!(w > 0)) continue;
    by_level[WeightLevel(w)].push_back(shingles[j]);
  }
  std::vector<double> best(k, std::numeric_limits<double>::infinity());
  std::vector<std::uint64_t> best_shingle(k, 0), minima(k), argmin(k);
  bool any = false;
  for (int level = 0; level < kWeightLevels; ++level) {
    const auto& xs = by_level[static_cast<std::size_t>(level)];
    if (xs.empty()) continue;
    std::fill(minima.begin(), minima.end(), kMax);
    for (std::uint64_t x : xs)
      for (std::size_t i = 0; i < k; ++i) {
        const std::uint64_t h = mul_[i] * x + add_[i];
        if (h < minima[i]) minima[i] = h, argmin[i] = x;
      }
    const double inv_w = 1.0 / LevelWeight(level);
    for (std::size_t i = 0; i < k; ++i) {
      const double e = Exponential(minima[i]) * inv_w;
      if (!any || e < best[i]) best[i] = e, best_shingle[i] = argmin[i];
    }
    any = true;
  }
  std::vector<std::uint16_t> sig(k, 0xFFFF);
  if (!any) return sig;
  for (std::size_t i = 0; i < k; ++i) sig[i] = static_cast<std::uint16_t>(Mix64(best_shingle[i] ^ add_[i]) >> 48);
  return sig;
}

double MinHasher::Similarity(std::span<const std::uint16_t> a, std::span<const std::uint16_t> b) {
  const std::size_t k = std::min(a.size(), b.size());
  if (k == 0) return 0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < k; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(k);
}

}  // namespace hotline::triage

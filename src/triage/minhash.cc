#include "triage/minhash.h"

#include <algorithm>
#include <limits>

#include "triage/mix64.h"

namespace hotline::triage {
namespace {

// The splitmix64 generator: the next value of the sequence seeded by `state`.
std::uint64_t SplitMix(std::uint64_t& state) { return Mix64(state += 0x9e3779b97f4a7c15ULL); }

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
  const std::size_t k = mul_.size();
  std::vector<std::uint64_t> minima(k, std::numeric_limits<std::uint64_t>::max());
  for (std::uint64_t x : shingles) {
    // The shingles are already well-mixed hashes; one multiply-add per function.
    for (std::size_t i = 0; i < k; ++i) minima[i] = std::min(minima[i], mul_[i] * x + add_[i]);
  }
  std::vector<std::uint16_t> sig(k);
  for (std::size_t i = 0; i < k; ++i) sig[i] = static_cast<std::uint16_t>(minima[i] >> 48);
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

// MinHash signatures of shingle sets (issue 12, duplicate detection).
//
// A MinHasher with `num_hashes` hash functions maps a set of 64-bit shingles
// to a signature of `num_hashes` 16-bit values: for each function, 16 bits of
// a hash of the shingle with the smallest value of that function over the
// set. For two sets A and B the chance that one position of their signatures
// agrees is Jaccard(A, B) + (1 − J)/65536, so the share of equal positions
// estimates the Jaccard similarity (standard error about
// sqrt(J(1−J)/num_hashes)).
//
// Weighted sets: with a weight w(x) > 0 per shingle (the same for a shingle
// in every set, e.g. its IDF, shingle_weights.h), each function picks the
// shingle minimising E_i(x) / w(x), where E_i(x) = −ln(1 − u_i(x)) is an
// exponential variable made from the function's hash u_i(x) ∈ [0, 1). Of the
// union A ∪ B, shingle x wins this race with probability w(x) / W(A ∪ B), and
// both sets pick the same shingle exactly when the winner is in A ∩ B, so a
// position agrees with probability W(A ∩ B) / W(A ∪ B): the weighted Jaccard
// similarity (plus the same 1/65536 of chance agreement). With every weight 1
// this is the plain signature above, value for value. Weights are rounded to
// 24 levels 2^(−level/4) (1 down to 0.018, at most 9 % off), so that signing
// is a plain MinHash per level plus one comparison per level and function. The functions are fixed by `seed`:
// the same set gives the same signature in every process. The empty set has
// the all-0xFFFF signature, which agrees with nothing but itself.
// Immutable after construction; Sign() is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hotline::triage {

class MinHasher {
 public:
  MinHasher(int num_hashes, std::uint64_t seed);

  int num_hashes() const { return static_cast<int>(mul_.size()); }

  // `shingles` need not be sorted or unique.
  std::vector<std::uint16_t> Sign(std::span<const std::uint64_t> shingles) const;
  // `weights[j]` is the weight of `shingles[j]` (> 0; weights ≥ 1 count as 1,
  // weights ≤ 0 drop the shingle); spans of the same length.
  std::vector<std::uint16_t> Sign(std::span<const std::uint64_t> shingles, std::span<const float> weights) const;

  // Share of equal positions of two signatures of the same length.
  static double Similarity(std::span<const std::uint16_t> a, std::span<const std::uint16_t> b);

 private:
  std::vector<std::uint64_t> mul_, add_;  // h_i(x) = mul_i * x + add_i (mod 2^64), odd multipliers
};

}  // namespace hotline::triage

#include "triage/minhash.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

std::vector<std::uint64_t> Range(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint64_t> v;
  for (std::uint64_t x = from; x < to; ++x) v.push_back(x * 0x9E3779B97F4A7C15ULL);  // hash-like values
  return v;
}

TEST(MinHash, EstimatesJaccard) {
  const MinHasher h(256, 7);
  const auto a = h.Sign(Range(0, 300)), b = h.Sign(Range(100, 400));  // J = 200 / 400 = 0.5
  EXPECT_NEAR(MinHasher::Similarity(a, b), 0.5, 0.1);
  EXPECT_DOUBLE_EQ(MinHasher::Similarity(a, a), 1.0);
  const auto c = h.Sign(Range(1000, 1300));
  EXPECT_LT(MinHasher::Similarity(a, c), 0.05);
  const auto d = h.Sign(Range(0, 30)), e = h.Sign(Range(27, 57));  // J = 3 / 57
  EXPECT_LT(MinHasher::Similarity(d, e), 0.2);
}

TEST(MinHash, AllWeightsOneIsThePlainSignature) {
  const MinHasher h(64, 3);
  const auto set = Range(0, 80);
  const std::vector<float> ones(set.size(), 1.0f);
  EXPECT_EQ(h.Sign(set, ones), h.Sign(set));
}

TEST(MinHash, WeightedSignaturesEstimateWeightedJaccard) {
  const MinHasher h(1024, 11);
  // A and B share 100 shingles of weight 0.1 (boilerplate) and 20 of weight 1;
  // each has 30 of weight 1 of its own. Plain Jaccard 120 / 180 = 0.67;
  // weighted (10 + 20) / (10 + 20 + 60) = 0.33.
  std::vector<std::uint64_t> a, b;
  std::vector<float> wa, wb;
  const auto add = [](std::vector<std::uint64_t>& s, std::vector<float>& w, std::uint64_t from, std::uint64_t to,
                      float weight) {
    for (auto x : Range(from, to)) s.push_back(x), w.push_back(weight);
  };
  add(a, wa, 0, 100, 0.1f), add(b, wb, 0, 100, 0.1f);
  add(a, wa, 100, 120, 1.0f), add(b, wb, 100, 120, 1.0f);
  add(a, wa, 200, 230, 1.0f), add(b, wb, 300, 330, 1.0f);
  EXPECT_NEAR(MinHasher::Similarity(h.Sign(a), h.Sign(b)), 120.0 / 180, 0.06);
  EXPECT_NEAR(MinHasher::Similarity(h.Sign(a, wa), h.Sign(b, wb)), 30.0 / 90, 0.06);
  // A shingle of weight 0 is left out: only the shared boilerplate left → identical.
  std::vector<float> za(wa.size(), 0.0f), zb(wb.size(), 0.0f);
  for (std::size_t i = 0; i < 100; ++i) za[i] = zb[i] = 0.5f;
  EXPECT_DOUBLE_EQ(MinHasher::Similarity(h.Sign(a, za), h.Sign(b, zb)), 1.0);
  // Nothing left: the empty signature.
  EXPECT_EQ(h.Sign(a, std::vector<float>(a.size(), 0.0f)), h.Sign(std::vector<std::uint64_t>{}));
}

TEST(MinHash, FixedSeedGivesTheSameSignatureAndOrderDoesNotMatter) {
  auto set = Range(0, 50);
  const auto a = MinHasher(64, 1).Sign(set);
  std::vector<std::uint64_t> reversed(set.rbegin(), set.rend());
  reversed.push_back(set[3]);  // a repeat changes nothing
  EXPECT_EQ(a, MinHasher(64, 1).Sign(reversed));
  EXPECT_NE(a, MinHasher(64, 2).Sign(set));
  EXPECT_EQ(a.size(), 64u);
}

TEST(MinHash, EmptySetAgreesOnlyWithItself) {
  const MinHasher h(32, 1);
  const auto empty = h.Sign({});
  EXPECT_EQ(empty, std::vector<std::uint16_t>(32, 0xFFFF));
  EXPECT_LT(MinHasher::Similarity(empty, h.Sign(Range(0, 10))), 0.2);
  EXPECT_DOUBLE_EQ(MinHasher::Similarity({}, {}), 0.0);
}

}  // namespace
}  // namespace hotline::triage

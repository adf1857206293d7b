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

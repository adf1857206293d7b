#include "triage/shingle_weights.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

TEST(ShingleWeights, EveryWeightIsOneUntilEnoughDocuments) {
  ShingleWeights w({.rare_ratio = 0.1, .min_weight = 0.05, .min_documents = 10});
  for (int i = 0; i < 9; ++i) w.AddDocument(std::vector<std::uint64_t>{1, 2});
  EXPECT_EQ(w.documents(), 9u);
  EXPECT_EQ(w.DocumentFrequency(1), 9u);
  EXPECT_DOUBLE_EQ(w.Weight(1), 1.0);  // in every document, but too few documents to tell
}

TEST(ShingleWeights, CommonShinglesWeighLessRareOnesOne) {
  ShingleWeights w({.rare_ratio = 0.1, .min_weight = 0.05, .min_documents = 10});
  // 1 is in every document, 2 in half, 3 in one in ten, 4 in one, 5 in none.
  for (std::uint64_t d = 0; d < 100; ++d) {
    std::vector<std::uint64_t> s{1};
    if (d % 2 == 0) s.push_back(2);
    if (d % 10 == 0) s.push_back(3);
    if (d == 7) s.push_back(4);
    w.AddDocument(s);
  }
  EXPECT_EQ(w.DocumentFrequency(2), 50u);
  EXPECT_DOUBLE_EQ(w.Weight(1), 0.05);  // ln(101/101) = 0: clamped to the floor
  EXPECT_NEAR(w.Weight(2), std::log(101.0 / 51) / std::log(10.0), 1e-12);
  EXPECT_DOUBLE_EQ(w.Weight(3), 1.0);  // at the rare ratio
  EXPECT_DOUBLE_EQ(w.Weight(4), 1.0);
  EXPECT_DOUBLE_EQ(w.Weight(5), 1.0);
  EXPECT_LT(w.Weight(1), w.Weight(2));
  EXPECT_GT(w.MemoryBytes(), 0u);
}

TEST(ShingleWeights, LossyCountingForgetsOneOffShinglesAndKeepsFrequentOnes) {
  ShingleWeights w({.rare_ratio = 0.1, .min_weight = 0.05, .min_documents = 10, .prune_every = 100});
  for (std::uint64_t d = 0; d < 1000; ++d) {
    std::vector<std::uint64_t> s{1000000 + d};  // a shingle of its own
    if (d % 2 == 0) s.insert(s.begin(), 2);     // in half the documents
    if (d % 200 == 0) s.insert(s.begin(), 3);   // once in 200: below once per 100
    w.AddDocument(s);
  }
  EXPECT_EQ(w.DocumentFrequency(2), 500u);  // entered first: never pruned, exact
  EXPECT_EQ(w.DocumentFrequency(3), 0u);    // forgotten
  EXPECT_EQ(w.DocumentFrequency(1000000 + 5), 0u);
  EXPECT_EQ(w.distinct(), 1u);  // only shingle 2 is left, not the 1,000 one-off ones
  EXPECT_DOUBLE_EQ(w.Weight(3), 1.0);
  ShingleWeights never({.rare_ratio = 0.1, .min_weight = 0.05, .min_documents = 10, .prune_every = 0});
  for (std::uint64_t d = 0; d < 1000; ++d) never.AddDocument(std::vector<std::uint64_t>{1000000 + d});
  EXPECT_EQ(never.distinct(), 1000u);
}

}  // namespace
}  // namespace hotline::triage

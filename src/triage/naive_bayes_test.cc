#include "triage/naive_bayes.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hotline::triage {
namespace {

// Feature c (0..2) marks class c; feature 3 is in every text; feature 4 in none.
std::vector<LinearExample> Toy(int per_class = 5) {
  std::vector<LinearExample> ex;
  for (int c = 0; c < 3; ++c)
    for (int k = 0; k < per_class; ++k) {
      LinearExample e;
      e.x.entries = {{c, 0.8f}, {3, 0.6f}};
      e.target.assign(3, 0.0f);
      e.target[c] = 1.0f;
      ex.push_back(e);
    }
  return ex;
}

SparseVector Only(int j) {
  SparseVector x;
  x.entries = {{j, 1.0f}};
  return x;
}

TEST(SupervisedTermWeights, ClassMarkersOutweighSharedFeatures) {
  const auto f = SupervisedTermWeights(Toy(), 3, 5, 0.5);
  ASSERT_EQ(f.size(), 5u);
  for (float v : f) EXPECT_TRUE(std::isfinite(v) && v > 0) << v;
  EXPECT_GT(f[0], 5 * f[3]);  // a class marker vs a feature every class has
  EXPECT_NEAR(f[0], f[1], 1e-5);
  EXPECT_NEAR((f[0] + f[1] + f[2] + f[3]) / 4, 1.0, 1e-5);  // mean 1 over present features
  // A higher power spreads the factors further apart.
  const auto g = SupervisedTermWeights(Toy(), 3, 5, 1.0);
  EXPECT_GT(g[0] / g[3], f[0] / f[3]);
}

TEST(SupervisedTermWeights, ExampleWeightsCount) {
  // Feature 4 occurs only in one text of class 0: heavy, it marks the class; light, it says
  // little. Feature 3 stays in every text, so it never marks a class.
  auto with = [](float weight) {
    auto ex = Toy();
    LinearExample e;
    e.x.entries = {{3, 0.6f}, {4, 0.8f}};
    e.target = {1.0f, 0.0f, 0.0f};
    e.weight = weight;
    ex.push_back(e);
    const auto f = SupervisedTermWeights(ex, 3, 5, 0.5);
    return f[4] / f[3];
  };
  EXPECT_GT(with(20.0f), 2 * with(0.01f));
  // No examples: all factors 1.
  for (float v : SupervisedTermWeights({}, 3, 5, 0.5)) EXPECT_EQ(v, 1.0f);
}

TEST(NaiveBayes, LearnsSeparableClassesAsALinearModel) {
  for (bool complement : {true, false}) {
    NaiveBayesOptions o;
    o.complement = complement;
    const LinearModel m = TrainNaiveBayes(Toy(), 3, 5, o);
    EXPECT_EQ(m.num_classes(), 3);
    EXPECT_EQ(m.dim(), 5u);
    for (int c = 0; c < 3; ++c) {
      const auto p = m.Probabilities(Only(c));
      EXPECT_GT(p[c], p[(c + 1) % 3]) << complement << " " << c;
      EXPECT_GT(p[c], p[(c + 2) % 3]) << complement << " " << c;
    }
    // The shared feature does not favour a class (balanced classes).
    const auto s = m.Logits(Only(3));
    EXPECT_NEAR(s[0], s[1], 1e-4);
  }
}

TEST(NaiveBayes, MultinomialPriorFollowsClassSizes) {
  auto ex = Toy();
  for (int k = 0; k < 20; ++k) ex.push_back(ex[0]);  // class 0 far larger
  NaiveBayesOptions o;
  o.complement = false;
  const auto p = TrainNaiveBayes(ex, 3, 5, o).Probabilities({});
  EXPECT_GT(p[0], p[1]);
}

TEST(LinearModel, CombineAddsLogits) {
  const LinearModel a = LinearModel::FromWeights(2, 2, {1, 0, 0, 1}, {0.5f, 0});
  const LinearModel b = LinearModel::FromWeights(2, 2, {0, 2, 0, 0}, {0, 1});
  SparseVector x;
  x.entries = {{0, 1.0f}, {1, 1.0f}};
  const auto s = LinearModel::Combine(a, b, 0.5).Logits(x);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_NEAR(s[0], 0.5 + 1 + 0, 1e-6);
  EXPECT_NEAR(s[1], 0 + 1 + 0.5 * (1 + 2), 1e-6);
  // Shapes that differ leave the first model as it is.
  const LinearModel c = LinearModel::FromWeights(2, 3, {}, {});
  EXPECT_EQ(LinearModel::Combine(a, c, 1.0).Logits(x), a.Logits(x));
}

}  // namespace
}  // namespace hotline::triage

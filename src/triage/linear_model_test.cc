#include "triage/linear_model.h"

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

std::vector<LinearExample> Toy() {
  // Feature 0 means class 0, feature 1 class 1, feature 2 class 2, feature 3 is noise.
  std::vector<LinearExample> ex;
  for (int c = 0; c < 3; ++c)
    for (int k = 0; k < 5; ++k) {
      LinearExample e;
      e.x.entries = {{c, 0.8f}, {3, 0.6f}};
      e.target.assign(3, 0.0f);
      e.target[c] = 1.0f;
      ex.push_back(e);
    }
  return ex;
}

TEST(LinearModel, LearnsSeparableClasses) {
  const LinearModel m = LinearModel::Train(Toy(), 3, 4, {});
  for (int c = 0; c < 3; ++c) {
    SparseVector x;
    x.entries = {{c, 1.0f}};
    const auto p = m.Probabilities(x);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-9);
    EXPECT_GT(p[c], 0.8) << c;
  }
  const auto prior = m.Probabilities({});
  EXPECT_NEAR(prior[0], 1.0 / 3, 0.05);
  SparseVector out_of_range;
  out_of_range.entries = {{99, 1.0f}, {-1, 1.0f}};
  EXPECT_EQ(m.Probabilities(out_of_range).size(), 3u);
}

TEST(LinearModel, ExampleWeightsCount) {
  auto ex = Toy();
  // A heavy, contradicting example: feature 0 labelled class 1.
  LinearExample e;
  e.x.entries = {{0, 1.0f}};
  e.target = {0.0f, 1.0f, 0.0f};
  e.weight = 50.0f;
  ex.push_back(e);
  const LinearModel m = LinearModel::Train(ex, 3, 4, {});
  SparseVector x;
  x.entries = {{0, 1.0f}};
  const auto p = m.Probabilities(x);
  EXPECT_GT(p[1], p[0]);
}

TEST(LinearModel, SerializationRoundTripsAndRejectsCorruption) {
  const LinearModel m = LinearModel::Train(Toy(), 3, 4, {});
  std::string bytes;
  m.Serialize(bytes);
  auto back = LinearModel::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  SparseVector x;
  x.entries = {{1, 1.0f}};
  EXPECT_EQ(back->Probabilities(x), m.Probabilities(x));
  EXPECT_FALSE(LinearModel::Deserialize(bytes.substr(0, 20)).ok());
  EXPECT_FALSE(LinearModel::Deserialize(bytes + "!").ok());
  std::string bad = bytes;
  bad[0] = '\0';  // zero classes
  bad[1] = bad[2] = bad[3] = '\0';
  EXPECT_FALSE(LinearModel::Deserialize(bad).ok());
}

}  // namespace
}  // namespace hotline::triage

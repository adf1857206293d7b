#include "triage/fasttext_model.h"

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

struct Toy {
  std::vector<std::vector<std::string>> docs;
  std::vector<int> labels;
};

Toy MakeToy() {
  Toy t;
  for (int i = 0; i < 30; ++i) {
    t.docs.push_back({"暖气", "不热", "w:供暖", std::to_string(i % 5)});
    t.labels.push_back(0);
    t.docs.push_back({"公交", "拥堵", "w:道路", std::to_string(i % 5)});
    t.labels.push_back(1);
  }
  return t;
}

FastTextOptions Quick() {
  FastTextOptions o;
  o.dim = 10;
  o.epoch = 20;
  return o;
}

TEST(FastTextModel, TrainsAndPredicts) {
  const Toy t = MakeToy();
  auto m = FastTextModel::Train(t.docs, t.labels, 2, Quick());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const auto p = m->Probabilities({"暖气", "不热"});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0] + p[1], 1.0, 1e-6);
  EXPECT_GT(p[0], 0.7);
  EXPECT_GT(m->Probabilities({"公交", "拥堵"})[1], 0.7);
  // Unknown tokens only: still a distribution.
  const auto u = m->Probabilities({"未知"});
  EXPECT_NEAR(u[0] + u[1], 1.0, 1e-6);
}

TEST(FastTextModel, SerializationRoundTrips) {
  const Toy t = MakeToy();
  auto m = FastTextModel::Train(t.docs, t.labels, 2, Quick());
  ASSERT_TRUE(m.ok());
  auto bytes = m->Serialize();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto back = FastTextModel::Deserialize(*bytes, 2);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Probabilities({"公交"}), m->Probabilities({"公交"}));
  // Too few classes for the labels inside: refused.
  EXPECT_FALSE(FastTextModel::Deserialize(*bytes, 1).ok());
}

TEST(FastTextModel, GarbageIsAnErrorNotACrash) {
  auto r = FastTextModel::Deserialize("this is not a fastText model", 2);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "model");
  EXPECT_FALSE(FastTextModel::Deserialize("", 2).ok());
}

TEST(FastTextModel, RefusesBadTrainingInput) {
  EXPECT_FALSE(FastTextModel::Train({}, {}, 2, Quick()).ok());
  EXPECT_FALSE(FastTextModel::Train({{"a"}}, {0, 1}, 2, Quick()).ok());
}

TEST(FastTextModel, PretrainsVectors) {
  std::vector<std::vector<std::string>> corpus;
  for (int i = 0; i < 50; ++i) corpus.push_back({"暖气", "不热", "供暖", "温度", "公交", "拥堵"});
  FastTextOptions o = Quick();
  o.epoch = 2;
  auto vec = FastTextModel::PretrainVectors(corpus, o);
  ASSERT_TRUE(vec.ok()) << vec.status().ToString();
  EXPECT_EQ(vec->rfind("7 10", 0), 0u) << vec->substr(0, 20);  // 6 words + </s>, 10 dimensions
  const Toy t = MakeToy();
  o.pretrained_vectors = *vec;
  auto m = FastTextModel::Train(t.docs, t.labels, 2, o);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_GT(m->Probabilities({"暖气", "不热"})[0], 0.5);
}

}  // namespace
}  // namespace hotline::triage

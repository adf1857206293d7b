#include "triage/feature_space.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hotline::triage {
namespace {

using Docs = std::vector<std::vector<std::string>>;

TEST(FeatureSpace, KeepsFeaturesByDocumentFrequency) {
  const Docs docs = {{"a", "b", "b"}, {"a", "c"}, {"a", "b"}};
  const FeatureSpace fs = FeatureSpace::Build(docs, {}, 2);
  EXPECT_EQ(fs.size(), 2u);  // a, b; c occurs once
  const SparseVector v = fs.Vectorize({"a", "b", "b", "zzz"});
  ASSERT_EQ(v.entries.size(), 2u);
  double norm = 0;
  for (const auto& [i, x] : v.entries) norm += x * x;
  EXPECT_NEAR(norm, 1.0, 1e-6);
  // b is rarer than a and repeated, so it weighs more.
  EXPECT_GT(v.entries[1].second, v.entries[0].second);
  EXPECT_TRUE(fs.Vectorize({}).entries.empty());
  EXPECT_TRUE(fs.Vectorize({"zzz"}).entries.empty());
}

TEST(FeatureSpace, ReweightScalesFeatures) {
  const Docs docs = {{"a", "b"}, {"a", "b"}};
  FeatureSpace fs = FeatureSpace::Build(docs, {}, 1);
  auto v = fs.Vectorize({"a", "b"});
  ASSERT_EQ(v.entries.size(), 2u);
  EXPECT_NEAR(v.entries[0].second, v.entries[1].second, 1e-6);
  fs.Reweight({3.0f, 1.0f});
  v = fs.Vectorize({"a", "b"});
  EXPECT_NEAR(v.entries[0].second / v.entries[1].second, 3.0, 1e-5);
  // Non-positive or non-finite factors are ignored.
  fs.Reweight({0.0f, std::nanf("")});
  const auto same = fs.Vectorize({"a", "b"});
  EXPECT_EQ(same.entries, v.entries);
  std::string bytes;
  fs.Serialize(bytes);
  auto back = FeatureSpace::Deserialize(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Vectorize({"a", "b"}).entries, v.entries);
}

TEST(FeatureSpace, ExtraDocumentsChangeIdfOnly) {
  const Docs docs = {{"a", "b"}, {"a", "b"}};
  const FeatureSpace plain = FeatureSpace::Build(docs, {}, 1);
  const FeatureSpace wider = FeatureSpace::Build(docs, {{"a"}, {"a"}, {"x"}}, 1);
  EXPECT_EQ(plain.size(), wider.size());
  const auto v = wider.Vectorize({"a", "b"});
  EXPECT_GT(v.entries[1].second, v.entries[0].second);  // b now rarer than a
}

TEST(FeatureSpace, SerializationRoundTripsAndRejectsCorruption) {
  const FeatureSpace fs = FeatureSpace::Build({{"供", "暖"}, {"供", "热"}}, {}, 1);
  std::string bytes;
  fs.Serialize(bytes);
  auto back = FeatureSpace::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Vectorize({"供", "热"}).entries, fs.Vectorize({"供", "热"}).entries);
  EXPECT_FALSE(FeatureSpace::Deserialize(bytes.substr(0, bytes.size() - 3)).ok());
  EXPECT_FALSE(FeatureSpace::Deserialize(bytes + "x").ok());
  EXPECT_FALSE(FeatureSpace::Deserialize("").ok());
  EXPECT_FALSE(FeatureSpace::Deserialize(std::string(8, '\xff')).ok());
}

}  // namespace
}  // namespace hotline::triage

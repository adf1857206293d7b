#include "triage/duplicate_index.h"

#include <string>

#include <gtest/gtest.h>

#include "triage/dedupe_test_texts.h"

namespace hotline::triage {
namespace {

using namespace testing;

DedupeAppeal Appeal(std::string id, std::string text, std::int64_t time = 1'700'000'000) {
  DedupeAppeal a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.time = time;
  return a;
}

// Filler appeals that share nothing with the test texts but their script.
std::string Filler(int i) {
  static const char* kWords[] = {"路灯", "井盖", "停车", "垃圾", "绿化", "楼道", "电梯", "水管", "广告", "摊贩",
                                 "树木", "台阶", "围墙", "雨棚", "窨井", "护栏", "站牌", "花坛", "座椅", "排水"};
  std::string s = "反映";
  for (int k = 0; k < 6; ++k) s += kWords[(i * 7 + k * 3 + i / 20) % 20];
  return s + "的问题编号" + std::to_string(i);
}

TEST(DuplicateIndex, FindsDuplicatesRankedWithReasons) {
  DuplicateIndex index;
  index.Add(Appeal("plant", kMixingPlant));
  index.Add(Appeal("permit", kResidencePermit));
  index.Add(Appeal("elsewhere", kMixingPlantElsewhere));
  index.Add(Appeal("plant-copy", kMixingPlant, 1'700'000'000 + 60));
  const auto found = index.Query(Appeal("new", kMixingPlantAgain, 1'700'000'000 + 7200));
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0].id, "plant");  // equal scores: the earlier first
  EXPECT_EQ(found[1].id, "plant-copy");
  EXPECT_EQ(found[0].evidence.score, found[1].evidence.score);
  EXPECT_EQ(found[0].evidence.shared_places, (std::vector<std::string>{"丽发", "丽发新城"}));
  EXPECT_EQ(found[0].evidence.time_gap_seconds, 7200);
  for (const auto& c : found) {
    EXPECT_NE(c.id, "permit");
    EXPECT_GE(c.evidence.score, index.options().threshold);
  }
}

TEST(DuplicateIndex, TimeWindowAndResultLimit) {
  DedupeOptions o;
  o.window_seconds = 3600;
  o.max_results = 1;
  DuplicateIndex index(o);
  index.Add(Appeal("old", kMixingPlant, 1'000'000));
  index.Add(Appeal("recent", kMixingPlant, 2'000'000));
  index.Add(Appeal("recent-too", kMixingPlant, 2'000'100));
  const auto found = index.Query(Appeal("q", kMixingPlant, 2'000'500));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "recent");
  o.window_seconds = 0;  // any time
  o.max_results = 10;
  DuplicateIndex any(o);
  any.Add(Appeal("old", kMixingPlant, 1'000'000));
  EXPECT_EQ(any.Query(Appeal("q", kMixingPlant, 900'000'000)).size(), 1u);
}

TEST(DuplicateIndex, SameCallerAndNearbyPointsAreCandidatesWhateverTheWords) {
  DuplicateIndex index;
  DedupeAppeal a = Appeal("a", kResidencePermit);
  a.caller = "13800001111";
  index.Add(a);
  DedupeAppeal b = Appeal("b", kBusLine);
  b.lat = 28.2;
  b.lon = 112.9;
  index.Add(b);
  DedupeAppeal q = Appeal("q", kBusLine);  // the same words as b, to be found by text as well
  q.caller = "13800001111";
  q.lat = 28.2003;
  q.lon = 112.9004;
  const Fingerprint f = index.fingerprinter().Make(q);
  const auto found = index.Query(f, 0.0, 10);  // every candidate, whatever its score
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, "b");
  ASSERT_TRUE(found[0].evidence.distance_metres.has_value());
  EXPECT_LT(*found[0].evidence.distance_metres, 100);
  EXPECT_EQ(found[1].id, "a");
  EXPECT_TRUE(found[1].evidence.same_caller);
}

TEST(DuplicateIndex, KeepsFindingAfterGrowing) {
  DuplicateIndex index;
  index.Add(Appeal("plant", kMixingPlant));
  for (int i = 0; i < 3000; ++i) index.Add(Appeal("f" + std::to_string(i), Filler(i)));
  EXPECT_EQ(index.size(), 3001u);
  const auto found = index.Query(Appeal("q", kMixingPlantAgain));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "plant");
  EXPECT_EQ(index.Query(Appeal("q", Filler(1234))).at(0).id, "f1234");
  EXPECT_GT(index.MemoryBytes(), 3001u * 256);  // at least the signatures
}

TEST(DuplicateIndex, LearnsShingleWeightsOnlineAndSignsWithThem) {
  DedupeOptions o;
  o.window_seconds = 0;
  DuplicateIndex learning(o), fixed(o);
  fixed.set_learn_weights(false);
  const auto letters = TemplateLetters(150);
  for (std::size_t i = 0; i < letters.size(); ++i) {
    DedupeAppeal a;
    a.id = "bg" + std::to_string(i);
    a.text = letters[i];
    learning.Add(a);
    fixed.Add(a);
  }
  EXPECT_EQ(learning.weights().documents(), 150u);
  EXPECT_EQ(fixed.weights().documents(), 0u);
  DedupeAppeal water, clinic;
  water.id = "water", water.text = std::string(kTemplate) + kWaterMatter;
  clinic.id = "clinic", clinic.text = std::string(kTemplate) + kClinicMatter;
  learning.Add(water);
  fixed.Add(water);
  // Unweighted, the template makes the clinic letter a duplicate of the water letter
  // (and of every background letter); weighted, nothing passes the threshold.
  EXPECT_FALSE(fixed.Query(clinic).empty());
  EXPECT_TRUE(learning.Query(clinic).empty());
  DedupeAppeal again;
  again.id = "again", again.text = std::string(kTemplate) + kWaterMatterAgain;
  const auto found = learning.Query(again);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, "water");
  EXPECT_GT(learning.MemoryBytes(), fixed.MemoryBytes());  // the document frequencies
}

}  // namespace
}  // namespace hotline::triage

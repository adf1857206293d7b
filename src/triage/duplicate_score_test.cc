#include "triage/duplicate_score.h"

#include <gtest/gtest.h>

#include "triage/dedupe_test_texts.h"

namespace hotline::triage {
namespace {

using namespace testing;

DedupeAppeal Appeal(const char* text, std::int64_t time = 1'700'000'000) {
  DedupeAppeal a;
  a.id = "x";
  a.text = text;
  a.time = time;
  return a;
}

TEST(DuplicateScore, SameTextIsCertain) {
  const Fingerprinter fp{DedupeOptions{}};
  const auto a = fp.Make(Appeal(kMixingPlant));
  const auto e = Compare(a, fp.Make(Appeal(kMixingPlant)), fp.options());
  EXPECT_DOUBLE_EQ(e.text_similarity, 1.0);
  EXPECT_DOUBLE_EQ(e.score, 1.0);
  EXPECT_FALSE(e.place_conflict);
  EXPECT_FALSE(e.shared_places.empty());
}

TEST(DuplicateScore, RewordedAppealAboutTheSamePlaceScoresAboveAnUnrelatedOne) {
  const Fingerprinter fp{DedupeOptions{}};
  const auto a = fp.Make(Appeal(kMixingPlant));
  const auto again = Compare(a, fp.Make(Appeal(kMixingPlantAgain)), fp.options());
  const auto other = Compare(a, fp.Make(Appeal(kResidencePermit)), fp.options());
  EXPECT_GE(again.score, fp.options().threshold);
  EXPECT_EQ(again.shared_places, (std::vector<std::string>{"丽发", "丽发新城"}));  // 丽发新城小区 names both
  EXPECT_DOUBLE_EQ(again.score, std::min(1.0, again.text_similarity + fp.options().place_bonus));
  EXPECT_LT(other.score, 0.1);
}

TEST(DuplicateScore, TheSameWordsAboutAnotherPlaceArePenalised) {
  DedupeOptions o;
  const Fingerprinter fp{o};
  const auto e = Compare(fp.Make(Appeal(kMixingPlant)), fp.Make(Appeal(kMixingPlantElsewhere)), o);
  EXPECT_TRUE(e.place_conflict);
  EXPECT_TRUE(e.shared_places.empty());
  EXPECT_GT(e.text_similarity, 0.5);
  EXPECT_NEAR(e.score, e.text_similarity - o.place_conflict_penalty, 1e-9);
}

TEST(DuplicateScore, CallerPointAndTimeEvidence) {
  DedupeOptions o;
  const Fingerprinter fp{o};
  DedupeAppeal a = Appeal(kResidencePermit), b = Appeal(kBusLine, 1'700'000'000 + 3600);
  const double base = Compare(fp.Make(a), fp.Make(b), o).score;
  a.caller = "138 0000-1111";
  b.caller = "13800001111";
  auto e = Compare(fp.Make(a), fp.Make(b), o);
  EXPECT_TRUE(e.same_caller);
  EXPECT_NEAR(e.score, base + o.caller_bonus, 1e-9);
  EXPECT_EQ(e.time_gap_seconds, 3600);
  EXPECT_TRUE(e.within_window);
  EXPECT_FALSE(e.distance_metres.has_value());

  a.lat = 28.2;
  a.lon = 112.9;
  b.lat = 28.2009;  // about 100 m north
  b.lon = 112.9;
  e = Compare(fp.Make(a), fp.Make(b), o);
  ASSERT_TRUE(e.distance_metres.has_value());
  EXPECT_NEAR(*e.distance_metres, 100, 2);
  EXPECT_NEAR(e.score, base + o.caller_bonus + o.near_bonus, 1e-9);
  b.lat = 28.3;  // about 11 km
  e = Compare(fp.Make(a), fp.Make(b), o);
  EXPECT_NEAR(e.score, std::max(0.0, base + o.caller_bonus - o.far_penalty), 1e-9);

  b.time = a.time + o.window_seconds + 1;
  EXPECT_FALSE(Compare(fp.Make(a), fp.Make(b), o).within_window);
  b.lat.reset();  // half a point is no point
  EXPECT_FALSE(Compare(fp.Make(a), fp.Make(b), o).distance_metres.has_value());
}

TEST(DuplicateScore, DistanceMetres) {
  EXPECT_NEAR(DistanceMetres(0, 0, 1, 0), 111195, 10);
  EXPECT_NEAR(DistanceMetres(28.2, 112.9, 28.2, 112.9), 0, 1e-6);
  EXPECT_NEAR(DistanceMetres(39.9042, 116.4074, 31.2304, 121.4737), 1067000, 3000);  // Beijing–Shanghai
}

}  // namespace
}  // namespace hotline::triage

#include "triage/dedupe_text.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

bool Matches(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto ka = PlaceKeys(a), kb = PlaceKeys(b);
  for (const auto& x : ka)
    for (const auto& y : kb)
      if ((x.key | 1) == (y.key | 1) && ((x.key | y.key) & 1)) return true;
  return false;
}

TEST(DedupeText, UnitsFoldWidthScriptAndPunctuation) {
  EXPECT_EQ(DedupeUnits("ＡＢ１２，麗發新城！ x", 100), U"ab12丽发新城x");
  EXPECT_EQ(DedupeUnits("丽发新城小区", 3), U"丽发新");
}

TEST(DedupeText, ShinglesIgnorePunctuationAndRepeat) {
  const auto a = TextShingles("噪音扰民，严重！", 2, 1000);
  const auto b = TextShingles("噪音 扰民严重", 2, 1000);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), 5u);  // 噪音 音扰 扰民 民严 严重
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_EQ(TextShingles("哈哈哈哈", 2, 1000).size(), 1u);
  EXPECT_EQ(TextShingles("好", 3, 1000).size(), 1u);  // shorter than a shingle: itself
  EXPECT_TRUE(TextShingles("，。！", 2, 1000).empty());
  EXPECT_NE(TextShingles("噪音扰民", 2, 1000), TextShingles("噪音扰民", 3, 1000));
}

TEST(DedupeText, PlaceNamesAreReadBeforePlaceWords) {
  const auto names = PlaceNames("我是A市暮云街道丽发新城小区的一名业主，我们小区旁边建了搅拌站", 1000);
  EXPECT_NE(std::find(names.begin(), names.end(), "暮云"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "丽发新城"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "我们"), names.end());
  EXPECT_TRUE(PlaceNames("该小区和这个小区都很好", 1000).empty());
  EXPECT_EQ(PlaceNames("A7县北山镇新桥社区", 1000), (std::vector<std::string>{"北山", "新桥"}));
}

TEST(DedupeText, PlaceKeysMatchRightAlignedNames) {
  EXPECT_TRUE(Matches({"景园滨河"}, {"滨河"}));
  EXPECT_TRUE(Matches({"丽发新城"}, {"丽发新城"}));
  EXPECT_FALSE(Matches({"丽发新城"}, {"恒大新城"}));  // a shared tail that is neither whole name
  EXPECT_FALSE(Matches({"森宇"}, {"魅力之城"}));
  EXPECT_TRUE(PlaceKeys({}).empty());
}

}  // namespace
}  // namespace hotline::triage

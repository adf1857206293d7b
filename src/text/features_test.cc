#include "text/features.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hotline::text {
namespace {

TEST(Features, SegmentsSplitOnPunctuationAndFoldRuns) {
  const auto segs = TextSegments("A3区供暖,2019年 OK", 100);
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[0], (std::vector<std::string>{"a", "#", "区", "供", "暖"}));
  EXPECT_EQ(segs[1], (std::vector<std::string>{"#", "年"}));
  EXPECT_EQ(segs[2], (std::vector<std::string>{"ok"}));
}

TEST(Features, CharNgramsStayInsideSegments) {
  EXPECT_EQ(CharNgrams("供暖,不热", 1, 2),
            (std::vector<std::string>{"供", "供暖", "暖", "不", "不热", "热"}));
  EXPECT_EQ(CharNgrams("供暖不热", 3, 3), (std::vector<std::string>{"供暖不", "暖不热"}));
}

TEST(Features, WordsAreAdded) {
  FeatureOptions o;
  const auto f = ExtractFeatures("小区供暖温度不达标", o);
  EXPECT_NE(std::find(f.begin(), f.end(), "w:小区"), f.end());
  for (const auto& x : f) {
    EXPECT_FALSE(x.empty());
    EXPECT_EQ(x.find(' '), std::string::npos);
  }
}

TEST(Features, BadInput) {
  FeatureOptions o;
  EXPECT_TRUE(ExtractFeatures("", o).empty());
  EXPECT_TRUE(ExtractFeatures("!!! ??? 😀😀", o).empty());
  std::string big(1 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 7) big[i] = ' ';
  o.max_units = 1000;
  EXPECT_LE(ExtractFeatures(big, o).size(), 1000u * 3 + 1000u);
}

}  // namespace
}  // namespace hotline::text

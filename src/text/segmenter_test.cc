#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hotline::text {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& w) { return std::find(v.begin(), v.end(), w) != v.end(); }

TEST(Segmenter, ChineseAndLatinWords) {
  const auto words = SegmentWords("我们小区的供暖温度不达标, heating is broken 2019");
  EXPECT_TRUE(Has(words, "小区")) << ::testing::PrintToString(words);
  EXPECT_TRUE(Has(words, "温度"));
  EXPECT_TRUE(Has(words, "heating"));
  EXPECT_TRUE(Has(words, "2019"));
  EXPECT_FALSE(Has(words, ","));
  EXPECT_FALSE(Has(words, " "));
}

TEST(Segmenter, BadInput) {
  EXPECT_TRUE(SegmentWords("").empty());
  EXPECT_TRUE(SegmentWords("，。！？ ").empty());
  EXPECT_FALSE(SegmentWords("路灯😀坏了\xff").empty());
}

}  // namespace
}  // namespace hotline::text

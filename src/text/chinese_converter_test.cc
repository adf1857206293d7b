#include "text/chinese_converter.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace hotline::text {
namespace {

TEST(ChineseConverter, TraditionalBecomesSimplified) {
  if (!SimplifiedConverterStatus().ok()) GTEST_SKIP() << SimplifiedConverterStatus().ToString();
  EXPECT_EQ(ToSimplified("社區供暖不熱，請儘快處理"), "社区供暖不热，请尽快处理");
  EXPECT_EQ(ToSimplified("已经是简体"), "已经是简体");
  EXPECT_EQ(ToSimplified(""), "");
}

TEST(ChineseConverter, SafeFromManyThreads) {
  if (!SimplifiedConverterStatus().ok()) GTEST_SKIP() << SimplifiedConverterStatus().ToString();
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) ok[t] += ToSimplified("學校門口交通擁堵") == "学校门口交通拥堵";
    });
  for (auto& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 200);
}

}  // namespace
}  // namespace hotline::text

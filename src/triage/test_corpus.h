// Synthetic appeals for the triage tests: three categories, each with its own
// vocabulary, mixed with shared filler, generated from a fixed seed. Small
// enough to train on in well under a second.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "triage/classifier.h"

namespace hotline::triage::testing {

inline std::vector<LabelledText> SyntheticAppeals(int per_class, unsigned seed = 7) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> topics = {
      {"供热", {"暖气不热", "供暖温度", "室温太低", "热力公司", "暖气片", "供热管道", "采暖费"}},
      {"交通", {"公交车", "红绿灯", "道路拥堵", "停车位", "出租车", "公交站台", "交通信号"}},
      {"教育", {"学校", "老师", "学生", "招生入学", "幼儿园", "课外培训", "学区划分"}},
  };
  const std::vector<std::string> filler = {"我们小区", "希望尽快", "解决问题", "反映情况", "多次投诉",
                                           "相关部门", "请求处理", "附近居民", "最近一段时间"};
  std::mt19937 rng(seed);
  std::vector<LabelledText> out;
  for (int i = 0; i < per_class; ++i) {
    for (const auto& [label, words] : topics) {
      std::string t;
      for (int k = 0; k < 6; ++k) {
        t += (rng() % 3 == 0) ? filler[rng() % filler.size()] : words[rng() % words.size()];
        t += (k % 2) ? "，" : "";
      }
      out.push_back({t + "。", label});
    }
  }
  return out;
}

}  // namespace hotline::triage::testing

// Appeal texts shared by the duplicate-detection tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hotline::triage::testing {

// One problem in one place, said twice in other words.
inline constexpr const char* kMixingPlant =
    "A市暮云街道丽发新城小区旁边建了一个搅拌站，每天噪音很大，粉尘严重，影响居民休息，请相关部门尽快处理。";
inline constexpr const char* kMixingPlantAgain =
    "丽发新城小区附近的搅拌站噪音很大，粉尘严重，严重影响居民休息，希望相关部门尽快处理。";
// The same words about another estate: a different problem for the hotline.
inline constexpr const char* kMixingPlantElsewhere =
    "A市劳动东路魅力之城小区旁边建了一个搅拌站，每天噪音很大，粉尘严重，影响居民休息，请相关部门尽快处理。";
// Nothing in common with the others.
inline constexpr const char* kResidencePermit = "请问办理居住证需要哪些材料，去哪里办理，多久可以拿到？";
inline constexpr const char* kBusLine = "建议延长121路公交车末班车时间，学生下晚自习后没有车回家。";

// A form letter's template: the same opening and closing around different matters.
inline constexpr const char* kTemplate =
    "尊敬的市委市政府领导您好，我是一名普通市民，现将有关情况反映如下，恳请有关部门高度重视并尽快研究解决，谢谢！";
inline constexpr const char* kWaterMatter = "自来水烧开后水垢很多，怀疑重金属超标，请检测水质。";
inline constexpr const char* kWaterMatterAgain = "自来水烧开以后水垢很多，怀疑重金属超标，请尽快检测水质。";
inline constexpr const char* kClinicMatter = "沿街私人诊所无证打点滴，药品来路不明，请卫健委严查。";

// `n` letters in the template, each about a matter of its own (twelve characters
// drawn from a fixed pool), to stand for a corpus full of one template.
inline std::vector<std::string> TemplateLetters(int n) {
  static const char32_t kPool[] = U"东南西北春夏秋冬山川河海风雨雷电金木水火土日月星辰花草树林鸟兽虫鱼红黄蓝绿青紫黑白";
  std::vector<std::string> out;
  std::uint32_t state = 12345;
  for (int i = 0; i < n; ++i) {
    std::string matter;
    for (int c = 0; c < 12; ++c) {
      state = state * 1103515245u + 12345u;
      const char32_t ch = kPool[(state >> 16) % (sizeof(kPool) / sizeof(char32_t) - 1)];
      // Encode one BMP code point as UTF-8 (three bytes for Han).
      matter += static_cast<char>(0xE0 | (ch >> 12));
      matter += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
      matter += static_cast<char>(0x80 | (ch & 0x3F));
    }
    out.push_back(std::string(kTemplate) + matter);
  }
  return out;
}

}  // namespace hotline::triage::testing

// Appeal texts shared by the duplicate-detection tests.
#pragma once

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

}  // namespace hotline::triage::testing

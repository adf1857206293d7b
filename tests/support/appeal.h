// Appeal(): the body of a valid intake request (POST /api/v1/tickets) in the
// demo city — a street-light complaint by phone with the caller's name and
// phone, an address, a street and a point — for the HTTP tests to send as it is
// or to spoil one field of.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace hotline::testing {

inline constexpr const char* kAppealCallerPhone = "13800138000";

inline nlohmann::json Appeal(const std::string& content = "人民路与建设大街交叉口路灯不亮已一周，夜间出行不便") {
  return {{"channel", "phone"},
          {"appeal_type", "complaint"},
          {"content", content},
          {"caller", {{"name", "张三"}, {"phone", kAppealCallerPhone}}},
          {"address", "东城区东华街道人民路12号"},
          {"area", "LC-D01-S01"},
          {"location", {{"lat", 27.95}, {"lon", 116.36}}}};
}

}  // namespace hotline::testing

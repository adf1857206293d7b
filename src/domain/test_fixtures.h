// Shared fixtures for domain tests: a small city, a taxonomy and a context.
#pragma once

#include <map>
#include <string>

#include "domain/state_machine.h"

namespace hotline::testing {

inline UnitTree SmallCity() {
  return UnitTree::Build({
                             {"C", "临川市", UnitKind::kCity, ""},
                             {"D1", "东城区", UnitKind::kDistrict, "C"},
                             {"S1", "东华街道", UnitKind::kStreet, "D1"},
                             {"S1C1", "幸福里社区", UnitKind::kCommunity, "S1"},
                             {"S2", "青山镇", UnitKind::kStreet, "D1"},
                             {"D2", "西湖区", UnitKind::kDistrict, "C"},
                             {"S3", "西湖街道", UnitKind::kStreet, "D2"},
                             {"HEAT", "市供热公司", UnitKind::kDepartment, "C"},
                         })
      .value();
}

inline Taxonomy SmallTaxonomy() {
  return Taxonomy::Build({
                             {"01", "城乡建设", "", 1},
                             {"0101", "供热", "01", 2},
                             {"010101", "室温不达标", "0101", 3},
                         })
      .value();
}

inline Actor Operator() { return {"op", Role::kOperator, ""}; }
inline Actor Dispatcher() { return {"disp", Role::kDispatcher, ""}; }
inline Actor Supervisor() { return {"sup", Role::kSupervisor, ""}; }
inline Actor CallbackAgent() { return {"cb", Role::kCallbackAgent, ""}; }
inline Actor Analyst() { return {"an", Role::kAnalyst, ""}; }
inline Actor Staff(const std::string& unit) { return {unit, Role::kUnitStaff, unit}; }

inline Appeal HeatingAppeal() {
  Appeal a;
  a.channel = Channel::kPhone;
  a.type = AppealType::kComplaint;
  a.content = "金色家园小区室温只有十五度";
  a.caller = {"张三", "13800138000"};
  a.category = "010101";
  return a;
}

// For every command that needs input, an input it accepts (dispatch goes to S1C1, below S1).
inline std::map<std::string, CommandInput> ValidCommandInputs() {
  std::map<std::string, CommandInput> v;
  v["dispatch"].unit = "S1C1";
  v["return"].reason = "不属于本单位职责";
  v["request-extension"].days = 3;
  v["request-extension"].reason = "等待配件";
  v["decide-extension"].approve = true;
  v["reply"].content = "已处理";
  v["reply"].result = ReplyResult::kResolved;
  v["review"].accept = true;
  v["callback"].satisfaction = Satisfaction::kSatisfied;
  v["callback"].resolved = true;
  v["reopen"].reason = "仍未解决";
  v["close"].reason = "多次联系不上";
  v["supervise"].level = 1;
  v["supervise"].instructions = "三日内书面答复整改进度";
  v["answer-supervision"].content = "已安排专人整改，周五前完成";
  v["close-supervision"].note = "整改到位，同意销号";
  v["escalate"].level = 1;
  v["escalate"].reason = "久拖不决";
  v["escalate"].to = "区政府";
  v["instruct"].content = "请区政府牵头，两周内拿出解决方案";
  v["answer-directly"].content = "政策答复";
  v["out-of-scope"].reason = "司法程序中";
  v["transfer-emergency"].number = "110";
  v["merge"].main_ticket = 99;
  v["attach"].attachment = "a1";
  v["attach"].content = "photo.jpg";
  v["reject-reply"].reason = "未写明整改时限";
  v["edit"].urgent = true;
  v["supplement"].content = "来电人补充：楼道灯开关在一楼";
  v["contact"].contact_method = ContactMethod::kPhone;
  v["pause"].reason = "awaiting_third_party";
  v["warn"].deadline = DeadlineKind::kSign;  // the scheduler's notices
  v["overdue"].deadline = DeadlineKind::kSign;
  v["co-reply"].content = "已配合现场核查";
  v["whistle"].to_unit = "D1";
  v["whistle"].reason = "街道协调未果";
  v["add-co-units"].co_units = {"HEAT"};
  v["to-joint-review"].reason = "职责争议";
  v["decide-joint-review"].lead_unit = "S1";
  v["decide-joint-review"].participants = {"东城区", "东华街道"};
  v["decide-joint-review"].minutes = "由东华街道牵头办理";
  return v;
}

}  // namespace hotline::testing

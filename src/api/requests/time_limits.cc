#include "api/requests/time_limits.h"

#include "api/requests/fields.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

namespace {

constexpr std::size_t kMaxRules = 1000;
constexpr std::size_t kMaxPeriods = 24;
constexpr std::size_t kMaxDays = 366;
constexpr std::size_t kMaxCellBytes = 64;
constexpr std::size_t kMaxNoteBytes = 1000;

Result<const json*> Array(const json& body, const char* key, std::size_t max) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return Status::Required(key);
  if (!it->is_array())
    return Status::InvalidArgument(key, std::string(key) + " must be an array").WithReason(Reasons::kInvalidValue);
  if (it->size() > max)
    return Status::InvalidArgument(key, std::string("too many ") + key).WithReason(Reasons::kTooMany).WithParam("max", max);
  return &*it;
}

}  // namespace

Result<TimeLimitsChange> DecodeTimeLimitsChange(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"version", "rules", "working_hours"}));
  TimeLimitsChange out;
  if (!body.contains("version") || body["version"].is_null()) return Status::Required("version");
  std::int64_t version = 0;
  HOTLINE_RETURN_IF_ERROR(ReadInt(body, "version", version));
  if (version < 0 || version > 1'000'000'000)
    return Status::InvalidArgument("version", "version must be 0 or more").WithReason(Reasons::kInvalidValue);
  out.version = static_cast<int>(version);
  HOTLINE_ASSIGN_OR_RETURN(const json* rules, Array(body, "rules", kMaxRules));
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const json& item = (*rules)[i];
    const std::string path = "rules[" + std::to_string(i) + "]";
    HOTLINE_RETURN_IF_ERROR(CheckFields(item, {"rule", "appeal_type", "category", "urgency", "channel", "enterprise",
                                               "sign", "contact", "reply", "handle", "callback", "note"},
                                        path));
    TimeLimitRuleText row;
    for (std::string_view column : kTimeLimitColumns) {
      const std::string key(column);
      HOTLINE_RETURN_IF_ERROR(
          ReadString(item, key.c_str(), *CellOf(row, column), key == "note" ? kMaxNoteBytes : kMaxCellBytes, path));
    }
    out.rules.push_back(std::move(row));
  }
  HOTLINE_ASSIGN_OR_RETURN(const json* hours, Array(body, "working_hours", kMaxPeriods));
  for (std::size_t i = 0; i < hours->size(); ++i) {
    const json& item = (*hours)[i];
    const std::string path = "working_hours[" + std::to_string(i) + "]";
    HOTLINE_RETURN_IF_ERROR(CheckFields(item, {"start", "end"}, path));
    WorkPeriodText p;
    HOTLINE_RETURN_IF_ERROR(ReadString(item, "start", p.start, 8, path));
    HOTLINE_RETURN_IF_ERROR(ReadString(item, "end", p.end, 8, path));
    out.working_hours.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<CalendarRow>> DecodeCalendarDays(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"days"}));
  HOTLINE_ASSIGN_OR_RETURN(const json* days, Array(body, "days", kMaxDays));
  std::vector<CalendarRow> out;
  for (std::size_t i = 0; i < days->size(); ++i) {
    const json& item = (*days)[i];
    const std::string path = "days[" + std::to_string(i) + "]";
    HOTLINE_RETURN_IF_ERROR(CheckFields(item, {"date", "kind"}, path));
    CalendarRow row;
    row.line = i + 1;
    HOTLINE_RETURN_IF_ERROR(ReadString(item, "date", row.day.date, 16, path));
    HOTLINE_RETURN_IF_ERROR(ReadString(item, "kind", row.day.kind, 16, path));
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace hotline::api::requests

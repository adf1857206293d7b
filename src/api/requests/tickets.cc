#include "api/requests/tickets.h"

#include <cctype>

#include "api/http_helpers.h"
#include "api/requests/appeal.h"
#include "api/requests/fields.h"
#include "api/views.h"
#include "domain/work_calendar.h"

namespace hotline::api::requests {

using nlohmann::json;

namespace {

// "YYYY-MM-DD" of a day that exists (the round trip through the day count
// would turn 2026-02-31 into 2026-03-03).
std::optional<UnixSeconds> LocalMidnight(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  const int y = std::stoi(s.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const int days = DaysFromCivil(y, m, d);
  if (CivilFromDays(days) != s) return std::nullopt;
  return static_cast<UnixSeconds>(days) * 86400 - WorkCalendar::kUtcOffsetSeconds;
}

// A date "YYYY-MM-DD" (local midnight, UTC+8) or Unix seconds.
Result<UnixSeconds> ParseTimeParam(const std::string& s, const char* field) {
  if (auto t = LocalMidnight(s)) return *t;
  if (auto v = ParseInt(s, field); v.ok()) return *v;
  return Status::InvalidArgument(field, std::string(field) + " must be a date YYYY-MM-DD that exists, or Unix seconds")
      .WithReason(Reasons::kInvalidValue)
      .WithParam("value", s);
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsTrue(const std::string& v) { return v == "1" || v == "true"; }

// The query parameter `name`, a unit code, as that unit and its subtree (left
// alone when absent); an unknown code is refused naming the parameter.
Status SubtreeParam(const HttpRequest& req, const UnitTree& units, const char* name, std::vector<std::string>& out) {
  const std::string code = req.Param(name);
  if (code.empty()) return Status::Ok();
  if (!units.Find(code))
    return Status::InvalidArgument(name, "unknown unit " + code).WithReason(Reasons::kUnknownUnit).WithParam("code", code);
  out = units.Subtree(code);
  return Status::Ok();
}

// The query parameter `name`, one of `allowed` (left alone when absent).
Status OneOfParam(const HttpRequest& req, const char* name, std::initializer_list<const char*> allowed,
                  std::string& out) {
  const std::string value = req.Param(name);
  if (value.empty()) return Status::Ok();
  std::string list;
  for (const char* a : allowed) {
    if (value == a) {
      out = value;
      return Status::Ok();
    }
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  return Status::InvalidArgument(name, std::string(name) + " must be one of " + list)
      .WithReason(Reasons::kInvalidValue)
      .WithParam("value", value);
}

}  // namespace

Result<Appeal> DecodeIntake(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"channel", "appeal_type", "content", "caller", "address", "location",
                                             "enterprise", "urgent", "urgency", "category", "area", "no_callback"}));
  Appeal a;
  std::optional<Channel> channel;
  HOTLINE_RETURN_IF_ERROR(ReadEnum(body, "channel", ParseChannel, channel));
  if (!channel) return Status::Required("channel");
  a.channel = *channel;
  HOTLINE_RETURN_IF_ERROR(ReadAppealFields(body, a));
  // Staff only: the portal cannot raise priority. `urgent` (a bool) is the older
  // spelling of urgency "urgent"; given both, they must agree.
  std::optional<Urgency> urgency;
  HOTLINE_RETURN_IF_ERROR(ReadEnum(body, "urgency", ParseUrgency, urgency));
  std::optional<bool> urgent;
  HOTLINE_RETURN_IF_ERROR(json_fields::ReadBool(body, "urgent", urgent));
  if (urgency && urgent && *urgent != (*urgency == Urgency::kUrgent))
    return Status::InvalidArgument("urgency", "urgency and urgent disagree").WithReason(Reasons::kInvalidValue);
  a.urgency = urgency.value_or(urgent.value_or(false) ? Urgency::kUrgent : Urgency::kNormal);
  return a;
}

Result<TicketFilter> DecodeTicketFilter(const HttpRequest& req, const UnitTree& units) {
  TicketFilter f;
  if (auto s = req.Param("state"); !s.empty()) {
    for (const std::string& name : SplitList(s)) {
      auto st = ParseTicketState(name);
      if (!st)
        return Status::InvalidArgument("state", "unknown state '" + name + "'")
            .WithReason(Reasons::kInvalidValue)
            .WithParam("value", name);
      f.states.push_back(*st);
    }
  }
  HOTLINE_RETURN_IF_ERROR(SubtreeParam(req, units, "unit", f.units));
  if (auto s = req.Param("channel"); !s.empty()) {
    for (const std::string& name : SplitList(s)) {
      auto c = ParseChannel(name);
      if (!c)
        return Status::InvalidArgument("channel", "unknown channel '" + name + "'")
            .WithReason(Reasons::kInvalidValue)
            .WithParam("value", name);
      f.channels.push_back(*c);
    }
  }
  HOTLINE_RETURN_IF_ERROR(SubtreeParam(req, units, "area", f.areas));
  f.category = req.Param("category");
  f.query = req.Param("q");
  if (f.query.size() > kMaxQueryBytes)
    return Status::InvalidArgument("q", "q is longer than 200 bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxQueryBytes);
  if (auto id = TicketIdFromNumber(f.query)) {  // LC20261123000042 (any case): ticket 42 only, not text with "42"
    f.id = *id;
    f.query.clear();
  }
  if (auto s = req.Param("enterprise"); !s.empty()) {
    if (s != "true" && s != "false" && s != "1" && s != "0")
      return Status::InvalidArgument("enterprise", "enterprise must be true or false").WithReason(Reasons::kInvalidValue);
    f.enterprise = IsTrue(s);
  }
  if (auto s = req.Param("priority"); !s.empty()) {
    for (const std::string& p : SplitList(s)) {
      if (p != "0" && p != "1" && p != "2")
        return Status::InvalidArgument("priority", "priority must be 0, 1 or 2 (several separated by commas)")
            .WithReason(Reasons::kInvalidValue)
            .WithParam("value", p);
      f.priorities.push_back(p[0] - '0');
    }
  }
  HOTLINE_RETURN_IF_ERROR(OneOfParam(req, "supervision", {"open", "unanswered", "answered"}, f.supervision));
  if (auto s = req.Param("supervision_level"); !s.empty()) {
    for (const std::string& l : SplitList(s)) {
      if (l != "1" && l != "2" && l != "3")
        return Status::InvalidArgument("supervision_level", "supervision_level must be 1, 2 or 3 (several separated by commas)")
            .WithReason(Reasons::kInvalidValue)
            .WithParam("value", l);
      f.supervision_levels.push_back(l[0] - '0');
    }
  }
  // 吹哨报到: whistle=yes (any whistle), whistle_to=UNIT (to that unit or one under it).
  std::string whistle;
  HOTLINE_RETURN_IF_ERROR(OneOfParam(req, "whistle", {"yes", "true", "1"}, whistle));
  f.whistled_only = !whistle.empty();
  HOTLINE_RETURN_IF_ERROR(SubtreeParam(req, units, "whistle_to", f.whistle_to));
  // 协办任务: co_task=pending|answered|any, co_task_unit=UNIT (its tasks and its subtree's).
  HOTLINE_RETURN_IF_ERROR(OneOfParam(req, "co_task", {"pending", "answered", "any"}, f.co_task));
  HOTLINE_RETURN_IF_ERROR(SubtreeParam(req, units, "co_task_unit", f.co_task_units));
  if (!f.co_task_units.empty() && f.co_task.empty()) f.co_task = "any";
  f.returned_only = IsTrue(req.Param("returned"));
  f.extension_pending_only = IsTrue(req.Param("extension_pending"));
  f.reply_awaiting_only = IsTrue(req.Param("reply_awaiting"));
  f.intake_by_actor = IsTrue(req.Param("mine"));
  f.near_due_only = IsTrue(req.Param("near_due"));
  f.caller_phone = req.Param("phone");
  if (auto s = req.Param("from"); !s.empty()) {
    auto t = ParseTimeParam(s, "from");
    if (!t.ok()) return t.status();
    f.from = *t;
  }
  if (auto s = req.Param("to"); !s.empty()) {
    auto t = ParseTimeParam(s, "to");
    if (!t.ok()) return t.status();
    f.to = *t;
  }
  if (auto s = req.Param("page"); !s.empty()) {
    auto v = ParseInt(s, "page");
    if (!v.ok()) return v.status();
    if (*v < 1 || *v > 1'000'000)
      return Status::InvalidArgument("page", "page must be at least 1")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("min", 1);
    f.page = static_cast<int>(*v);
  }
  if (auto s = req.Param("per_page"); !s.empty()) {
    auto v = ParseInt(s, "per_page");
    if (!v.ok()) return v.status();
    if (*v < 1 || *v > kMaxPerPage)
      return Status::InvalidArgument("per_page", "per_page must be 1..200")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("min", 1)
          .WithParam("max", kMaxPerPage);
    f.per_page = static_cast<int>(*v);
  }
  if (auto s = req.Param("sort"); !s.empty()) f.sort = s;
  f.overdue_only = IsTrue(req.Param("overdue"));
  return f;
}

}  // namespace hotline::api::requests

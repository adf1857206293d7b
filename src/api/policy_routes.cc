// The time limits (issue 10).
// GET /api/v1/policies (any staff role): the time limits in force — every rule with
// its conditions and limits (and its cells as text, "text", which PUT takes back),
// the order in which rules win, the center's working hours, the years the holiday
// calendar covers (and those an admin uploaded), a calendar_warning when a year is
// missing (this year, or next year from November 1), and "version" (0: the data
// directory's files are in force; each admin save adds one).
// PUT /api/v1/policies (admin, time_limit_admin): the whole rule set and working
// hours with the version read (409 stale_version when another save came first);
// answers as GET does.
// GET /api/v1/calendar/{year} (any staff role): that year's holidays and make-up days.
// PUT /api/v1/calendar/{year} (admin, time_limit_admin): replaces that year, from a
// text/csv body in the format of data/calendar/cn_holidays.csv or JSON
// {days:[{date,kind}]}; answers with the year's days.
#include <cstdlib>

#include "api/http_helpers.h"
#include "api/requests/time_limits.h"
#include "api/rest_api.h"

namespace hotline::api {

using nlohmann::json;

namespace {

template <typename T>
json NameOrNull(const std::optional<T>& v) {
  return v ? json(std::string(Name(*v))) : json(nullptr);
}

json RuleView(const TimeLimitRule& r) {
  json limits = json::object();
  for (DeadlineKind kind : kAllDeadlineKinds)
    if (const auto& limit = r.limit(kind))
      limits[std::string(Name(kind))] = {{"amount", limit->amount}, {"unit", std::string(Name(limit->unit))}};
  json text = json::object();
  const TimeLimitRuleText cells = FormatTimeLimitRule(r);
  for (std::string_view column : kTimeLimitColumns) text[std::string(column)] = *CellOf(cells, column);
  return {{"rule", r.id},
          {"text", text},
          {"appeal_type", NameOrNull(r.appeal_type)},
          {"category", r.category.empty() ? json(nullptr) : json(r.category)},
          {"urgency", NameOrNull(r.urgency)},
          {"channel", NameOrNull(r.channel)},
          {"enterprise", r.enterprise ? json(*r.enterprise) : json(nullptr)},
          {"conditions", r.conditions()},
          {"limits", limits},
          {"note", r.note}};
}

json CalendarWarning(const std::optional<CalendarGap>& gap) {
  if (!gap) return nullptr;
  const std::string year = std::to_string(gap->year);
  return {{"year", gap->year},
          {"current_year", gap->current_year},
          {"message", gap->current_year
                          ? "the holiday calendar has no entries for " + year +
                                " (this year): working-day limits count weekends only"
                          : "the holiday calendar has no entries for " + year +
                                " yet: upload the State Council's notice (工作日历)"}};
}

json PoliciesView(const service::TimeLimitsInForce& in_force) {
  const service::TimeLimitSetup& setup = *in_force.setup;
  json rules = json::array();
  for (const TimeLimitRule& r : setup.policy.rules()) rules.push_back(RuleView(r));
  json hours = json::array();
  for (const WorkPeriod& p : setup.work_time.hours().periods())
    hours.push_back({{"start", FormatClockTime(p.start)}, {"end", FormatClockTime(p.end)}});
  json kinds = json::array();
  for (DeadlineKind kind : kAllDeadlineKinds) kinds.push_back(std::string(Name(kind)));
  return {{"rules", rules},
          {"total", rules.size()},
          {"version", setup.version},
          {"source", setup.version > 0 ? "store" : "files"},
          {"deadline_kinds", kinds},
          {"units", {"natural_hours", "working_hours", "working_days", "natural_days"}},
          {"limit_max_amount", kMaxLimitAmount},
          {"specificity", {"conditions", "urgency", "enterprise", "category_depth", "appeal_type", "channel"}},
          {"time_zone", "Asia/Shanghai"},
          {"working_hours", hours},
          {"calendar_years", setup.calendar_years},
          {"calendar_uploaded_years", setup.uploaded_years},
          {"calendar_warning", CalendarWarning(in_force.calendar_gap)}};
}

// The {year} of a path: 4 digits, else InvalidArgument naming "year".
Result<int> PathYear(const std::string& text) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidArgument("year", "year must be four digits, not '" + text + "'")
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", text);
  return std::atoi(text.c_str());
}

json CalendarYearView(int year, const std::vector<CalendarDay>& days) {
  json items = json::array();
  int holidays = 0, workdays = 0;
  for (const CalendarDay& d : days) {
    items.push_back({{"date", d.date}, {"kind", d.kind}});
    (d.kind == "holiday" ? holidays : workdays)++;
  }
  return {{"year", year}, {"days", items}, {"holidays", holidays}, {"workdays", workdays}};
}

}  // namespace

void RestApi::AddPolicyRoutes() {
  router_.Add("GET", "/api/v1/policies", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams&, const Actor& a) {
                auto in_force = service_.time_limits().InForce(a);
                if (!in_force.ok()) return StatusResponse(in_force.status());
                return Json(200, PoliciesView(*in_force));
              }));
  router_.Add("PUT", "/api/v1/policies", Authed(Capability::kTimeLimitAdmin, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto change = requests::DecodeTimeLimitsChange(*body);
                if (!change.ok()) return StatusResponse(change.status());
                auto in_force = service_.time_limits().ReplaceRules(change->rules, change->working_hours,
                                                                    change->version, a);
                if (!in_force.ok()) return StatusResponse(in_force.status());
                return Json(200, PoliciesView(*in_force));
              }));
  router_.Add("GET", "/api/v1/calendar/{year}", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams& p, const Actor& a) {
                auto year = PathYear(p.at("year"));
                if (!year.ok()) return StatusResponse(year.status());
                auto days = service_.time_limits().CalendarYear(*year, a);
                if (!days.ok()) return StatusResponse(days.status());
                return Json(200, CalendarYearView(*year, *days));
              }));
  router_.Add("PUT", "/api/v1/calendar/{year}", Authed(Capability::kTimeLimitAdmin, [this](const HttpRequest& req, const PathParams& p, const Actor& a) {
                auto year = PathYear(p.at("year"));
                if (!year.ok()) return StatusResponse(year.status());
                Status s;
                if (req.Header("content-type").rfind("text/csv", 0) == 0) {
                  s = service_.time_limits().ReplaceCalendarYear(*year, req.body, a);
                } else {
                  auto body = ParseBody(req);
                  if (!body.ok()) return StatusResponse(body.status());
                  auto rows = requests::DecodeCalendarDays(*body);
                  if (!rows.ok()) return StatusResponse(rows.status());
                  s = service_.time_limits().ReplaceCalendarYear(*year, *rows, a);
                }
                if (!s.ok()) return StatusResponse(s);
                auto days = service_.time_limits().CalendarYear(*year, a);
                if (!days.ok()) return StatusResponse(days.status());
                return Json(200, CalendarYearView(*year, *days));
              }));
  // Undoes an upload: answers with the year as it is in force afterwards (the file's, or no day).
  router_.Add("DELETE", "/api/v1/calendar/{year}", Authed(Capability::kTimeLimitAdmin, [this](const HttpRequest&, const PathParams& p, const Actor& a) {
                auto year = PathYear(p.at("year"));
                if (!year.ok()) return StatusResponse(year.status());
                if (Status s = service_.time_limits().RemoveCalendarYear(*year, a); !s.ok()) return StatusResponse(s);
                auto days = service_.time_limits().CalendarYear(*year, a);
                if (!days.ok()) return StatusResponse(days.status());
                return Json(200, CalendarYearView(*year, *days));
              }));
}

}  // namespace hotline::api

// GET /api/v1/policies: the time limits in force (issue 10) — every rule with its
// conditions and limits, the order in which rules win, the center's working hours,
// the years the holiday calendar covers, and a calendar_warning when a year is
// missing (this year, or next year from November 1). Any staff role.
#include "api/http_helpers.h"
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
  return {{"rule", r.id},
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
                                " yet: add the State Council's notice (data/calendar/cn_holidays.csv)"}};
}

}  // namespace

void RestApi::AddPolicyRoutes() {
  router_.Add("GET", "/api/v1/policies", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams&, const Actor& a) {
                auto in_force = service_.time_limits().InForce(a);
                if (!in_force.ok()) return StatusResponse(in_force.status());
                const service::TimeLimitSetup& setup = *in_force->setup;
                json rules = json::array();
                for (const TimeLimitRule& r : setup.policy.rules()) rules.push_back(RuleView(r));
                json hours = json::array();
                for (const WorkPeriod& p : setup.work_time.hours().periods())
                  hours.push_back({{"start", FormatClockTime(p.start)}, {"end", FormatClockTime(p.end)}});
                json kinds = json::array();
                for (DeadlineKind kind : kAllDeadlineKinds) kinds.push_back(std::string(Name(kind)));
                return Json(200, {{"rules", rules},
                                  {"total", rules.size()},
                                  {"deadline_kinds", kinds},
                                  {"units", {"natural_hours", "working_hours", "working_days", "natural_days"}},
                                  {"specificity", {"conditions", "urgency", "enterprise", "category_depth",
                                                   "appeal_type", "channel"}},
                                  {"time_zone", "Asia/Shanghai"},
                                  {"working_hours", hours},
                                  {"calendar_years", setup.calendar_years},
                                  {"calendar_warning", CalendarWarning(in_force->calendar_gap)}});
              }));
}

}  // namespace hotline::api

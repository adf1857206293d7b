// GET /api/v1/stats: counts for the dashboard (大屏) and the supervisor board.
#include <algorithm>

#include "api/http_helpers.h"
#include "api/rest_api.h"
#include "api/views.h"

namespace hotline::api {

using nlohmann::json;

namespace {

// Sorted [{code,name,count}], largest first.
json Ranked(const std::map<std::string, std::int64_t>& counts,
            const std::function<std::string(const std::string&)>& name_of) {
  std::vector<std::pair<std::string, std::int64_t>> v(counts.begin(), counts.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second > b.second || (a.second == b.second && a.first < b.first);
  });
  json out = json::array();
  for (const auto& [code, n] : v) out.push_back({{"code", code}, {"name", name_of(code)}, {"count", n}});
  return out;
}

}  // namespace

void RestApi::AddStatsRoutes() {
  router_.Add(
      "GET", "/api/v1/stats",
      Authed(Capability::kStats, [this](const HttpRequest& req, const PathParams&, const Actor& actor) -> HttpResponse {
        auto ref = service_.reference();
        auto filter = ParseTicketFilter(req, *ref);
        if (!filter.ok()) return StatusResponse(filter.status());
        auto stats = service_.tickets().Stats(*filter, actor);
        if (!stats.ok()) return StatusResponse(stats.status());
        TicketFilter overdue_filter = *filter;
        overdue_filter.overdue_only = true;
        auto overdue = service_.tickets().Stats(overdue_filter, actor);
        if (!overdue.ok()) return StatusResponse(overdue.status());

        // Areas roll up to their district (or stay as they are when above it).
        std::map<std::string, std::int64_t> by_district;
        for (const auto& [area, n] : stats->by_area) {
          std::string district = area.empty() ? "" : area;
          for (const std::string& code : ref->units.PathToRoot(area)) {
            const Unit* u = ref->units.Find(code);
            if (u && u->kind == UnitKind::kDistrict) district = code;
          }
          by_district[district] += n;
        }
        json by_day = json::array();
        for (const auto& [date, n] : stats->by_day) by_day.push_back({{"date", date}, {"count", n}});
        const auto count = [&](const std::map<std::string, std::int64_t>& m, const std::string& k) -> std::int64_t {
          auto it = m.find(k);
          return it == m.end() ? 0 : it->second;
        };
        const std::int64_t satisfied = count(stats->by_satisfaction, "satisfied");
        const std::int64_t basically = count(stats->by_satisfaction, "basically_satisfied");
        const std::int64_t unsatisfied = count(stats->by_satisfaction, "unsatisfied");
        const std::int64_t rated = satisfied + basically + unsatisfied;
        json body = {
            {"total", stats->total},
            {"by_state", stats->by_state},
            {"by_channel", stats->by_channel},
            {"by_category", Ranked(stats->by_category,
                                   [&](const std::string& c) {
                                     const Category* cat = ref->taxonomy.Find(c);
                                     return cat ? cat->name : std::string("未分类");
                                   })},
            {"by_district", Ranked(by_district,
                                   [&](const std::string& c) {
                                     const Unit* u = ref->units.Find(c);
                                     return u ? u->name : std::string("未定位");
                                   })},
            {"by_area", Ranked(stats->by_area,
                               [&](const std::string& c) {
                                 const Unit* u = ref->units.Find(c);
                                 return u ? u->name : std::string("未定位");
                               })},
            {"by_day", by_day},
            {"satisfaction",
             {{"satisfied", satisfied}, {"basically_satisfied", basically}, {"unsatisfied", unsatisfied}}},
            // 诉求人提出无需回访: closed on the accepted reply, outside the satisfaction rate.
            {"closed_without_callback", stats->closed_without_callback},
            {"satisfaction_rate", rated ? json(static_cast<double>(satisfied + basically) / rated) : json(nullptr)},
            {"direct_answer_rate",
             stats->total ? json(static_cast<double>(count(stats->by_state, "answered_directly")) / stats->total)
                          : json(nullptr)},
            {"overdue", overdue->total},
        };
        return Json(200, body);
      }));
}

}  // namespace hotline::api

// POST /api/v1/triage: the intake desk's live suggestions for an appeal being typed.
#include <chrono>

#include "api/http_helpers.h"
#include "api/requests/triage.h"
#include "api/rest_api.h"

namespace hotline::api {

using nlohmann::json;

namespace {

json UnitName(const std::string& code, const ReferenceData& ref) {
  if (code.empty()) return nullptr;
  const Unit* u = ref.units.Find(code);
  return json{{"code", code}, {"name", u ? u->name : code}};
}

}  // namespace

void RestApi::AddTriageRoutes() {
  router_.Add(
      "POST", "/api/v1/triage",
      Authed(Capability::kTriage, [this](const HttpRequest& req, const PathParams&, const Actor& actor) -> HttpResponse {
        const auto start = std::chrono::steady_clock::now();
        auto body = ParseBody(req);
        if (!body.ok()) return StatusResponse(body.status());
        auto decoded = requests::DecodeTriage(*body);
        if (!decoded.ok()) return StatusResponse(decoded.status());
        auto result = service_.intake_desk().Triage(*decoded, actor);
        if (!result.ok()) return StatusResponse(result.status());
        auto ref = service_.reference();
        json categories = json::array();
        for (const auto& c : result->categories)
          categories.push_back({{"code", c.code.empty() ? json(nullptr) : json(c.code)},
                                {"name", c.code.empty() ? c.label : ref->taxonomy.FullName(c.code)},
                                {"label", c.label},
                                {"confidence", c.confidence}});
        json units = json::array();
        for (const auto& u : result->units) {
          json co = json::array();
          for (const auto& c : u.co_units) co.push_back(UnitName(c, *ref));
          units.push_back(
              {{"unit", UnitName(u.unit, *ref)}, {"score", u.score}, {"co_units", co}, {"reasons", u.reasons}});
        }
        json location = nullptr;
        if (result->location) {
          const auto& l = *result->location;
          location = {{"district", UnitName(l.district, *ref)},
                      {"street", UnitName(l.street, *ref)},
                      {"community", UnitName(l.community, *ref)},
                      {"area", UnitName(l.area, *ref)},
                      {"confidence", l.confidence},
                      {"source", result->location_source},
                      {"matched", l.matched}};
        }
        json division = nullptr;
        if (result->division) {
          const auto& d = *result->division;
          auto ref_json = [](const std::optional<triage::DivisionRef>& r) {
            return r ? json{{"code", r->code}, {"name", r->name}} : json(nullptr);
          };
          division = {{"code", d.code},
                      {"province", ref_json(d.province)},
                      {"city", ref_json(d.city)},
                      {"district", ref_json(d.district)},
                      {"street", ref_json(d.street)},
                      {"village", ref_json(d.village)},
                      {"ambiguous", d.ambiguous},
                      {"confidence", d.confidence},
                      {"matched", d.matched}};
        }
        json knowledge = json::array();
        for (const auto& k : result->knowledge)
          knowledge.push_back({{"id", k.id},
                               {"score", k.score},
                               {"question_highlight", k.question_highlight},
                               {"answer_snippet", k.answer_snippet}});
        json alerts = json::array();
        for (const auto& a : result->alerts)
          alerts.push_back({{"kind", a.kind},
                            {"code", a.code},
                            {"label", a.label},
                            {"matched", a.matched},
                            {"script", a.script.empty() ? json(nullptr) : json(a.script)},
                            {"blocking", a.blocking}});
        const auto us =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
        return Json(200, {{"classifier_available", result->classifier_available},
                          {"categories", categories},
                          {"location", location},
                          {"division", division},
                          {"units", units},
                          {"unit_needs_choice", result->unit_needs_choice},
                          {"knowledge", knowledge},
                          {"alerts", alerts},
                          {"elapsed_us", us}});
      }));
}

}  // namespace hotline::api

// Administration endpoints (admin role): users and roles, units, taxonomy, and the
// dispatch catalog. Reads of the catalog are open to all staff.
#include "api/http_helpers.h"
#include "service/refusals.h"
#include "api/requests/accounts.h"
#include "api/requests/reference.h"
#include "api/rest_api.h"
#include "api/views.h"

namespace hotline::api {

using nlohmann::json;

namespace {

json UserView(const User& u) {
  return {{"username", u.username},
          {"role", Name(u.role)},
          {"unit", u.unit.empty() ? json(nullptr) : json(u.unit)},
          {"display_name", u.display_name},
          {"active", u.active}};
}

json RuleView(const CatalogRule& r) {
  return {{"category", r.category},
          {"area", r.area.empty() ? json(nullptr) : json(r.area)},
          {"enterprise", r.enterprise},
          {"lead", r.lead},
          {"co_units", r.co_units}};
}

}  // namespace

void RestApi::AddAdminRoutes() {
  router_.Add("GET", "/api/v1/users", Authed(Capability::kUserAdmin, [this](const HttpRequest&, const PathParams&, const Actor& a) {
                auto users = service_.admin().ListUsers(a);
                if (!users.ok()) return StatusResponse(users.status());
                json items = json::array();
                for (const User& u : *users) items.push_back(UserView(u));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));
  router_.Add("POST", "/api/v1/users",
              Authed(Capability::kUserAdmin, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto decoded = requests::DecodeNewUser(*body);
                if (!decoded.ok()) return StatusResponse(decoded.status());
                auto saved = service_.admin().SaveUser(decoded->user, decoded->password, /*is_new=*/true, a);
                if (!saved.ok()) return StatusResponse(saved.status());
                return Json(201, UserView(*saved));
              }));
  router_.Add("PUT", "/api/v1/users/{username}",
              Authed(Capability::kUserAdmin, [this](const HttpRequest& req, const PathParams& p, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto decoded = requests::DecodeUserUpdate(*body, p.at("username"));
                if (!decoded.ok()) return StatusResponse(decoded.status());
                auto saved = service_.admin().SaveUser(decoded->user, decoded->password, /*is_new=*/false, a);
                if (!saved.ok()) return StatusResponse(saved.status());
                return Json(200, UserView(*saved));
              }));
  router_.Add("DELETE", "/api/v1/users/{username}",
              Authed(Capability::kUserAdmin, [this](const HttpRequest&, const PathParams& p, const Actor& a) {
                if (Status s = service_.admin().DeleteUser(p.at("username"), a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"ok", true}});
              }));

  router_.Add("PUT", "/api/v1/units", Authed(Capability::kReferenceAdmin, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto units = requests::DecodeUnits(*body);
                if (!units.ok()) return StatusResponse(units.status());
                if (Status s = service_.admin().ReplaceUnits(*units, a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"total", units->size()}});
              }));
  router_.Add("PUT", "/api/v1/categories", Authed(Capability::kReferenceAdmin, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto cats = requests::DecodeCategories(*body);
                if (!cats.ok()) return StatusResponse(cats.status());
                if (Status s = service_.admin().ReplaceCategories(*cats, a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"total", cats->size()}});
              }));
  // The audit trail of administrative changes, newest first: ?page=&per_page= (≤ 200).
  // Who saw callers' personal data unmasked: ?ticket=&actor=&page=&per_page= (admin only).
  router_.Add("GET", "/api/v1/audit/personal-data",
              Authed(Capability::kPersonalDataRecord, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto page = PageParam(req, "page", 1, 100000);
                if (!page.ok()) return StatusResponse(page.status());
                auto per_page = PageParam(req, "per_page", 50, 200);
                if (!per_page.ok()) return StatusResponse(per_page.status());
                PiiAccessFilter filter;
                if (auto t = req.Param("ticket"); !t.empty()) {
                  auto id = ParseInt(t, "ticket");
                  if (!id.ok()) return StatusResponse(id.status());
                  filter.ticket_id = *id;
                }
                filter.actor = req.Param("actor").substr(0, 64);
                filter.limit = *per_page;
                filter.offset = (*page - 1) * *per_page;
                auto records = service_.personal_data().Access(filter, a);
                if (!records.ok()) return StatusResponse(records.status());
                json items = json::array();
                for (const PiiAccess& r : *records)
                  items.push_back({{"seq", r.seq},
                                   {"at", FormatTime(r.at)},
                                   {"actor", r.actor},
                                   {"actor_name", service_.users().DisplayName(r.actor)},
                                   {"role", r.role},
                                   {"ticket_id", r.ticket_id},
                                   {"endpoint", r.endpoint},
                                   {"screen", r.screen}});
                return Json(200, {{"items", items}, {"page", *page}, {"per_page", *per_page}});
              }));
  router_.Add("GET", "/api/v1/audit", Authed(Capability::kAuditRead, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto page = PageParam(req, "page", 1, 100000);
                if (!page.ok()) return StatusResponse(page.status());
                auto per_page = PageParam(req, "per_page", 50, 200);
                if (!per_page.ok()) return StatusResponse(per_page.status());
                auto records = service_.admin().Audit(*per_page, (*page - 1) * *per_page, a);
                if (!records.ok()) return StatusResponse(records.status());
                json items = json::array();
                for (const AuditRecord& r : *records)
                  items.push_back({{"seq", r.seq}, {"at", FormatTime(r.at)}, {"actor", r.actor},
                                   {"actor_name", service_.users().DisplayName(r.actor)}, {"action", r.action},
                                   {"summary", r.summary}});
                return Json(200, {{"items", items}, {"page", *page}, {"per_page", *per_page}});
              }));
  router_.Add("GET", "/api/v1/catalog", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams&, const Actor& a) {
                auto catalog = service_.admin().Catalog(a);
                if (!catalog.ok()) return StatusResponse(catalog.status());
                json items = json::array();
                for (const CatalogRule& r : *catalog) items.push_back(RuleView(r));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));
  router_.Add("PUT", "/api/v1/catalog", Authed(Capability::kReferenceAdmin, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto rules = requests::DecodeCatalog(*body);
                if (!rules.ok()) return StatusResponse(rules.status());
                if (Status s = service_.admin().ReplaceCatalog(*rules, a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"total", rules->size()}});
              }));
}

}  // namespace hotline::api

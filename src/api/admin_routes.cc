// Administration endpoints (admin role): users and roles, units, taxonomy, and the
// dispatch catalog. Reads of the catalog are open to all staff.
#include "api/http_helpers.h"
#include "service/refusals.h"
#include "api/rest_api.h"
#include "api/views.h"
#include "domain/limits.h"
#include "store/json_fields.h"

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

// Reads {"items":[…]} and applies `one` to each item; errors name "items[i].field".
template <typename T, typename Fn>
Result<std::vector<T>> ReadItems(const json& body, Fn one) {
  auto it = body.find("items");
  if (it == body.end() || !it->is_array())
    return Status::InvalidArgument("items", "items must be an array").WithReason(Reasons::kInvalidValue);
  if (it->size() > 100000)
    return Status::InvalidArgument("items", "too many items").WithReason(Reasons::kTooMany).WithParam("max", 100000);
  std::vector<T> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    const std::string path = "items[" + std::to_string(i) + "]";
    if (!item.is_object())
      return Status::InvalidArgument(path, path + " must be an object").WithReason(Reasons::kInvalidValue);
    T value;
    if (Status s = one(item, path, value); !s.ok()) return s;
    out.push_back(std::move(value));
  }
  return out;
}

}  // namespace

void RestApi::AddAdminRoutes() {
  // Reads a user from a body; `username` comes from the path on updates.
  auto read_user = [](const json& body, User& u, std::string& password) -> Status {
    std::string role;
    HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(body, "username", u.username, kMaxUsernameLength));
    HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(body, "role", role, 32));
    HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(body, "unit", u.unit, 64));
    HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(body, "display_name", u.display_name, kMaxDisplayNameBytes));
    HOTLINE_RETURN_IF_ERROR(json_fields::ReadBool(body, "active", u.active));
    HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(body, "password", password, 200));
    auto parsed = ParseRole(role);
    if (!parsed)
      return Status::InvalidArgument(
                 "role", "role must be one of operator, dispatcher, unit, supervisor, callback, analyst, admin")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("value", role);
    u.role = *parsed;
    return Status::Ok();
  };

  router_.Add("GET", "/api/v1/users", Authed([this](const HttpRequest&, const PathParams&, const Actor& a) {
                auto users = service_.admin().ListUsers(a);
                if (!users.ok()) return StatusResponse(users.status());
                json items = json::array();
                for (const User& u : *users) items.push_back(UserView(u));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));
  router_.Add("POST", "/api/v1/users",
              Authed([this, read_user](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                User u;
                std::string password;
                if (Status s = read_user(*body, u, password); !s.ok()) return StatusResponse(s);
                auto saved = service_.admin().SaveUser(u, password, /*is_new=*/true, a);
                if (!saved.ok()) return StatusResponse(saved.status());
                return Json(201, UserView(*saved));
              }));
  router_.Add("PUT", "/api/v1/users/{username}",
              Authed([this, read_user](const HttpRequest& req, const PathParams& p, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                User u;
                std::string password;
                if (Status s = read_user(*body, u, password); !s.ok()) return StatusResponse(s);
                u.username = p.at("username");
                auto saved = service_.admin().SaveUser(u, password, /*is_new=*/false, a);
                if (!saved.ok()) return StatusResponse(saved.status());
                return Json(200, UserView(*saved));
              }));
  router_.Add("DELETE", "/api/v1/users/{username}",
              Authed([this](const HttpRequest&, const PathParams& p, const Actor& a) {
                if (Status s = service_.admin().DeleteUser(p.at("username"), a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"ok", true}});
              }));

  router_.Add("PUT", "/api/v1/units", Authed([this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto units = ReadItems<Unit>(*body, [](const json& item, const std::string& path, Unit& u) -> Status {
                  std::string kind;
                  HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "code", u.code, kMaxUnitCodeBytes, path));
                  HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "name", u.name, kMaxReferenceNameBytes, path));
                  HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "kind", kind, 32, path));
                  HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "parent", u.parent, kMaxUnitCodeBytes, path));
                  auto k = ParseUnitKind(kind);
                  if (!k)
                    return Status::InvalidArgument(path + ".kind", "unknown unit kind '" + kind + "'")
                        .WithReason(Reasons::kInvalidValue)
                        .WithParam("value", kind);
                  u.kind = *k;
                  return Status::Ok();
                });
                if (!units.ok()) return StatusResponse(units.status());
                if (Status s = service_.admin().ReplaceUnits(*units, a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"total", units->size()}});
              }));
  router_.Add("PUT", "/api/v1/categories", Authed([this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto cats =
                    ReadItems<Category>(*body, [](const json& item, const std::string& path, Category& c) -> Status {
                      std::int64_t level = 0;
                      HOTLINE_RETURN_IF_ERROR(
                          json_fields::ReadString(item, "code", c.code, kMaxCategoryCodeBytes, path));
                      HOTLINE_RETURN_IF_ERROR(
                          json_fields::ReadString(item, "name", c.name, kMaxReferenceNameBytes, path));
                      HOTLINE_RETURN_IF_ERROR(
                          json_fields::ReadString(item, "parent", c.parent, kMaxCategoryCodeBytes, path));
                      HOTLINE_RETURN_IF_ERROR(json_fields::ReadInt(item, "level", level, path));
                      c.level = static_cast<int>(level);
                      return Status::Ok();
                    });
                if (!cats.ok()) return StatusResponse(cats.status());
                if (Status s = service_.admin().ReplaceCategories(*cats, a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"total", cats->size()}});
              }));
  // The audit trail of administrative changes, newest first: ?page=&per_page= (≤ 200).
  // Who saw callers' personal data unmasked: ?ticket=&actor=&page=&per_page= (admin only).
  router_.Add("GET", "/api/v1/audit/personal-data",
              Authed([this](const HttpRequest& req, const PathParams&, const Actor& a) {
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
                                   {"role", r.role},
                                   {"ticket_id", r.ticket_id},
                                   {"endpoint", r.endpoint},
                                   {"screen", r.screen}});
                return Json(200, {{"items", items}, {"page", *page}, {"per_page", *per_page}});
              }));
  router_.Add("GET", "/api/v1/audit", Authed([this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto page = PageParam(req, "page", 1, 100000);
                if (!page.ok()) return StatusResponse(page.status());
                auto per_page = PageParam(req, "per_page", 50, 200);
                if (!per_page.ok()) return StatusResponse(per_page.status());
                auto records = service_.admin().Audit(*per_page, (*page - 1) * *per_page, a);
                if (!records.ok()) return StatusResponse(records.status());
                json items = json::array();
                for (const AuditRecord& r : *records)
                  items.push_back({{"seq", r.seq}, {"at", FormatTime(r.at)}, {"actor", r.actor}, {"action", r.action},
                                   {"summary", r.summary}});
                return Json(200, {{"items", items}, {"page", *page}, {"per_page", *per_page}});
              }));
  router_.Add("GET", "/api/v1/catalog", Authed([this](const HttpRequest&, const PathParams&, const Actor& a) {
                auto catalog = service_.admin().Catalog(a);
                if (!catalog.ok()) return StatusResponse(catalog.status());
                json items = json::array();
                for (const CatalogRule& r : *catalog) items.push_back(RuleView(r));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));
  router_.Add("PUT", "/api/v1/catalog", Authed([this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto rules = ReadItems<CatalogRule>(
                    *body, [](const json& item, const std::string& path, CatalogRule& r) -> Status {
                      HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "category", r.category, 32, path));
                      HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "area", r.area, 64, path));
                      HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "enterprise", r.enterprise, 8, path));
                      HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(item, "lead", r.lead, 64, path));
                      HOTLINE_RETURN_IF_ERROR(
                          json_fields::ReadStringList(item, "co_units", r.co_units, kMaxCoUnits, path));
                      return Status::Ok();
                    });
                if (!rules.ok()) return StatusResponse(rules.status());
                if (Status s = service_.admin().ReplaceCatalog(*rules, a); !s.ok()) return StatusResponse(s);
                return Json(200, {{"total", rules->size()}});
              }));
}

}  // namespace hotline::api

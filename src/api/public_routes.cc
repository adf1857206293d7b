// The citizen portal's API (/api/v1/public/…): no login. A citizen submits an
// appeal and receives its number and query code, tracks it with both, and gives
// the callback evaluation online; while the appeal is new it may add photos
// (with both), and anyone may ask where an address lies (for the map). Lookups
// that fail, anonymous submissions, photos and address look-ups are rate-limited
// per client address.
#include "api/http_helpers.h"
#include "api/requests/portal.h"
#include "api/rest_api.h"
#include "api/views.h"

namespace hotline::api {

using nlohmann::json;

namespace {

// What the public may see of a ticket: no names, no phone numbers, no staff.
json PublicView(const service::Portal::PublicTicket& p, const ReferenceData& ref) {
  const Ticket& t = p.ticket;
  json steps = json::array();
  for (const Event& e : p.steps) {
    steps.push_back({{"at", FormatTime(e.at)}, {"command", e.command}, {"state", Name(e.to)}});
  }
  const Unit* lead = ref.units.Find(t.lead_unit);
  return {{"number", TicketNumber(t)},
          {"state", Name(t.state)},
          {"appeal_type", Name(t.appeal.type)},
          {"content", t.appeal.content},
          {"created_at", FormatTime(t.created_at)},
          {"due_at", FormatTime(t.due_at)},
          {"closed_at", FormatTime(t.closed_at)},
          {"lead_unit", lead ? json(lead->name) : json(nullptr)},
          {"reply", p.reply.empty() ? json(nullptr) : json(p.reply)},
          {"satisfaction", t.satisfaction ? json(Name(*t.satisfaction)) : json(nullptr)},
          {"can_evaluate", t.state == TicketState::kToCallback},
          {"steps", steps}};
}

HttpResponse TooMany(UnixSeconds retry_after) {
  HttpResponse r =
      ErrorResponse(429, Reasons::kRateLimited, "请求过于频繁，请稍后再试 (too many requests, try again later)");
  r.headers.emplace_back("Retry-After", std::to_string(retry_after));
  return r;
}

}  // namespace

void RestApi::AddPublicRoutes() {
  // The administrative areas (districts, streets, communities) for the portal's area picker.
  router_.Add("GET", "/api/v1/public/areas", [this](const HttpRequest&, const PathParams&) -> HttpResponse {
    json items = json::array();
    for (const Unit& u : service_.reference()->units.units())
      if (u.kind != UnitKind::kDepartment) items.push_back(UnitView(u));
    return Json(200, {{"items", items}, {"total", items.size()}});
  });

  // The city's map: streets and districts as GeoJSON polygons (property "code" is the unit code).
  router_.Add("GET", "/api/v1/public/map", [this](const HttpRequest&, const PathParams&) -> HttpResponse {
    const std::string& geojson = service_.intake_desk().CityGeoJson();
    if (geojson.empty())
      return ErrorResponse(404, Reasons::kNotFound, "这座城市没有地图数据 (the city has no map data)");
    HttpResponse r;
    r.status = 200;
    r.content_type = "application/geo+json";
    r.body = geojson;
    r.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return r;
  });

  // What the privacy notice tells the citizen: how long personal data is kept after closing.
  router_.Add("GET", "/api/v1/public/privacy", [this](const HttpRequest&, const PathParams&) -> HttpResponse {
    const int days = retention_days_;
    return Json(200, {{"retention_days", days > 0 ? json(days) : json(nullptr)}});
  });

  // Where an address lies: the area the locator recognises and, when known, its street's centre.
  router_.Add("GET", "/api/v1/public/locate", [this](const HttpRequest& req, const PathParams&) -> HttpResponse {
    const UnixSeconds now = service_.Now();
    if (!public_locates_.Allowed(req.remote, now)) return TooMany(public_locates_.RetryAfter(req.remote, now));
    public_locates_.Record(req.remote, now);
    auto place = service_.portal().Locate(req.Param("address"));
    if (!place.ok()) return StatusResponse(place.status());
    json body = {{"code", place->code}, {"name", place->name}, {"point", nullptr}};
    if (place->lat && place->lon) body["point"] = {{"lat", *place->lat}, {"lon", *place->lon}};
    return Json(200, body);
  });

  router_.Add("POST", "/api/v1/public/appeals", [this](const HttpRequest& req, const PathParams&) -> HttpResponse {
    const UnixSeconds now = service_.Now();
    if (!public_submissions_.Allowed(req.remote, now)) return TooMany(public_submissions_.RetryAfter(req.remote, now));
    auto body = ParseBody(req);
    if (!body.ok()) return StatusResponse(body.status());
    // The portal's fields only: a category, a query code, … are refused, not dropped.
    auto appeal = requests::DecodePortalAppeal(*body);
    if (!appeal.ok()) return StatusResponse(appeal.status());
    auto t = service_.portal().Submit(std::move(appeal).value());
    if (!t.ok()) return StatusResponse(t.status());
    public_submissions_.Record(req.remote, now);
    ++intakes_;
    return Json(201, {{"number", TicketNumber(*t)}, {"query_code", t->appeal.query_code}, {"state", Name(t->state)}});
  });

  router_.Add("GET", "/api/v1/public/tickets/{number}",
              [this](const HttpRequest& req, const PathParams& p) -> HttpResponse {
                const UnixSeconds now = service_.Now();
                if (!public_lookup_failures_.Allowed(req.remote, now))
                  return TooMany(public_lookup_failures_.RetryAfter(req.remote, now));
                auto t = service_.portal().Lookup(p.at("number"), req.Param("code"));
                if (!t.ok()) {
                  public_lookup_failures_.Record(req.remote, now);
                  return StatusResponse(t.status());
                }
                return Json(200, PublicView(*t, *service_.reference()));
              });

  router_.Add("POST", "/api/v1/public/tickets/{number}/evaluation",
              [this](const HttpRequest& req, const PathParams& p) -> HttpResponse {
                const UnixSeconds now = service_.Now();
                if (!public_lookup_failures_.Allowed(req.remote, now))
                  return TooMany(public_lookup_failures_.RetryAfter(req.remote, now));
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto evaluation = requests::DecodePortalEvaluation(*body);
                if (!evaluation.ok()) return StatusResponse(evaluation.status());
                auto t = service_.portal().Evaluate(p.at("number"), evaluation->code, evaluation->input);
                if (!t.ok()) {
                  if (t.status().code() == StatusCode::kNotFound) public_lookup_failures_.Record(req.remote, now);
                  return StatusResponse(t.status());
                }
                return Json(200, PublicView(*t, *service_.reference()));
              });

  // A photo of a new appeal: the raw bytes as the body, the type in Content-Type,
  // ?code= the query code, ?name= the file name.
  router_.Add("POST", "/api/v1/public/tickets/{number}/attachments",
              [this](const HttpRequest& req, const PathParams& p) -> HttpResponse {
                const UnixSeconds now = service_.Now();
                if (!public_lookup_failures_.Allowed(req.remote, now))
                  return TooMany(public_lookup_failures_.RetryAfter(req.remote, now));
                if (!public_uploads_.Allowed(req.remote, now))
                  return TooMany(public_uploads_.RetryAfter(req.remote, now));
                auto added = service_.portal().AttachPhoto(p.at("number"), req.Param("code"), req.Param("name"),
                                                           req.Header("content-type"), req.body);
                if (!added.ok()) {
                  if (added.status().code() == StatusCode::kNotFound) public_lookup_failures_.Record(req.remote, now);
                  return StatusResponse(added.status());
                }
                public_uploads_.Record(req.remote, now);
                // No uploader, no internal id beyond what the citizen needs to see it was received.
                return Json(201, {{"name", added->name}, {"content_type", added->content_type}, {"size", added->size}});
              });
}

}  // namespace hotline::api

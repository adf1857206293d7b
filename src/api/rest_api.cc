#include "api/rest_api.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "api/http_helpers.h"
#include "service/refusals.h"
#include "api/requests/accounts.h"
#include "api/requests/tickets.h"
#include "api/views.h"
#include "store/codec.h"

namespace hotline::api {

using nlohmann::json;

Result<TicketFilter> ParseTicketFilter(const HttpRequest& req, const ReferenceData& ref) {
  return requests::DecodeTicketFilter(req, ref.units);
}

RouteHandler RestApi::Authed(ActorHandler fn) {
  return [this, fn = std::move(fn)](const HttpRequest& req, const PathParams& params) -> HttpResponse {
    auto actor = service_.accounts().Authenticate(BearerToken(req));
    if (!actor.ok()) return StatusResponse(actor.status());
    return fn(req, params, *actor);
  };
}

RouteHandler RestApi::Authed(Capability capability, ActorHandler fn) {
  return Authed([this, capability, fn = std::move(fn)](const HttpRequest& req, const PathParams& params,
                                                      const Actor& actor) -> HttpResponse {
    if (Status s = service_.Permits(actor, capability); !s.ok()) return StatusResponse(s);
    return fn(req, params, actor);
  });
}

RestApi::RestApi(HotlineService& service) : service_(service) {
  service_.live().SetRenderer([](const Ticket& t, const std::string& command) { return LiveTicketView(t, command).dump(); });
  AddRoutes();
  AddStatsRoutes();
  AddPublicRoutes();
  AddKbRoutes();
  AddTriageRoutes();
  AddAdminRoutes();
  AddAttachmentRoutes();
  AddLimitsRoutes();
  AddPolicyRoutes();
  AddLedgerRoutes();
}

HttpResponse RestApi::Handle(const HttpRequest& req) {
  const auto start = std::chrono::steady_clock::now();
  // Only file uploads may use the server's larger body limit.
  const bool upload = req.method == "POST" && req.path.size() > 12 &&
                      req.path.compare(req.path.size() - 12, 12, "/attachments") == 0;
  HttpResponse r = req.body.size() > kMaxJsonBody && !upload
                       ? ErrorResponse(413, Reasons::kPayloadTooLarge,
                                       "request body exceeds " + std::to_string(kMaxJsonBody) + " bytes", "body")
                       : router_.Dispatch(req);
  const long long request_id = ++requests_;
  r.headers.emplace_back("X-Request-Id", std::to_string(request_id));
  if (r.status >= 500)
    ++errors_5xx_;
  else if (r.status >= 400)
    ++errors_4xx_;
  const auto us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  latency_us_total_ += us;
  if (r.status >= 500)
    spdlog::error("request={} remote={} {} {} status={} us={} body={}", request_id, req.remote, req.method, req.path,
                  r.status, us, r.body);
  else
    spdlog::debug("request={} remote={} {} {} status={} us={}", request_id, req.remote, req.method, req.path, r.status,
                  us);
  return r;
}

HttpResponse RestApi::Metrics() const {
  HttpResponse r;
  r.content_type = "text/plain; version=0.0.4";
  auto line = [&](const char* name, const char* help, const char* type, long long v) {
    r.body += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
              std::to_string(v) + "\n";
  };
  line("hotline_http_requests_total", "HTTP requests handled.", "counter", requests_.load());
  line("hotline_http_client_errors_total", "Responses with a 4xx status.", "counter", errors_4xx_.load());
  line("hotline_http_server_errors_total", "Responses with a 5xx status.", "counter", errors_5xx_.load());
  line("hotline_intakes_total", "Tickets recorded through the API.", "counter", intakes_.load());
  line("hotline_commands_total", "Ticket commands applied through the API.", "counter", commands_.load());
  r.body +=
      "# HELP hotline_http_request_seconds_sum Total time spent in handlers.\n"
      "# TYPE hotline_http_request_seconds_sum counter\nhotline_http_request_seconds_sum " +
      std::to_string(latency_us_total_.load() / 1e6) + "\n";
  auto count = service_.TicketCount();
  if (count.ok()) line("hotline_tickets", "Tickets in the store.", "gauge", *count);
  return r;
}

void RestApi::AddRoutes() {
  auto ticket_id = [](const PathParams& p) { return ParseInt(p.at("id"), "id"); };

  router_.Add("GET", "/healthz", [this](const HttpRequest&, const PathParams&) {
    auto count = service_.TicketCount();
    if (!count.ok()) return Json(503, {{"status", "unavailable"}, {"error", count.status().message()}});
    return Json(200, {{"status", "ok"}, {"tickets", *count}});
  });
  router_.Add("GET", "/metrics", [this](const HttpRequest&, const PathParams&) { return Metrics(); });

  router_.Add("POST", "/api/v1/sessions", [this](const HttpRequest& req, const PathParams&) {
    auto body = ParseBody(req);
    if (!body.ok()) return StatusResponse(body.status());
    auto login = requests::DecodeLogin(*body);
    if (!login.ok()) return StatusResponse(login.status());
    auto session = service_.accounts().Login(login->username, login->password, req.remote);
    if (!session.ok()) return StatusResponse(session.status());
    const User* user = &session->user;
    return Json(201, {{"token", session->token},
                      {"expires_in", service_.accounts().session_options().max_seconds},
                      {"idle_timeout", service_.accounts().session_options().idle_seconds},
                      {"user",
                       {{"username", user->username},
                        {"role", Name(user->role)},
                        {"unit", user->unit},
                        {"display_name", user->display_name}}}});
  });
  router_.Add("DELETE", "/api/v1/sessions", Authed(Capability::kOwnAccount, [this](const HttpRequest& req, const PathParams&, const Actor&) {
                if (Status s = service_.accounts().Logout(BearerToken(req)); !s.ok()) return StatusResponse(s);
                return Json(200, {{"ok", true}});
              }));
  router_.Add("POST", "/api/v1/me/password",
              Authed(Capability::kOwnAccount, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto change = requests::DecodePasswordChange(*body);
                Status s = change.status();
                if (s.ok())
                  s = service_.accounts().ChangeOwnPassword(BearerToken(req), change->current_password,
                                                            change->new_password, a, req.remote);
                if (!s.ok()) return StatusResponse(s);
                return Json(200, {{"ok", true}});
              }));
  router_.Add(
      "GET", "/api/v1/me", Authed(Capability::kOwnAccount, [this](const HttpRequest&, const PathParams&, const Actor& a) {
        auto user = service_.accounts().Profile(a);
        if (!user.ok()) return StatusResponse(user.status());
        return Json(
            200,
            {{"username", a.username}, {"role", Name(a.role)}, {"unit", a.unit}, {"display_name", user->display_name}});
      }));

  // Server-sent events. The token comes in the Authorization header like every other call
  // (the console reads the stream with fetch); a ?token= in the URL is ignored, so a token
  // never lands in access logs or browser history and such a request is answered 401.
  router_.Add("GET", "/api/v1/live", [this](const HttpRequest& req, const PathParams&) -> HttpResponse {
    const std::string token = BearerToken(req);
    auto actor = service_.accounts().Authenticate(token);
    if (!actor.ok()) return StatusResponse(actor.status());
    auto stream = service_.SubscribeLive(*actor, token);
    if (!stream.ok()) return StatusResponse(stream.status());
    HttpResponse r;
    r.stream = std::move(stream).value();
    return r;
  });
  router_.Add("GET", "/api/v1/units", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams&, const Actor&) {
                json items = json::array();
                for (const Unit& u : service_.reference()->units.units()) items.push_back(UnitView(u));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));
  router_.Add("GET", "/api/v1/categories", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams&, const Actor&) {
                json items = json::array();
                for (const Category& c : service_.reference()->taxonomy.categories()) items.push_back(CategoryView(c));
                return Json(200, {{"items", items}, {"total", items.size()}});
              }));

  router_.Add("POST", "/api/v1/tickets", Authed(Capability::kIntake, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto body = ParseBody(req);
                if (!body.ok()) return StatusResponse(body.status());
                auto appeal = requests::DecodeIntake(*body);  // query_code, state, … are refused
                if (!appeal.ok()) return StatusResponse(appeal.status());
                auto t = service_.tickets().Intake(std::move(appeal).value(), a);
                if (!t.ok()) return StatusResponse(t.status());
                ++intakes_;
                // Not a view to record: the caller's data is what this actor just typed in, and the
                // immutable intake event already says who entered it and when (docs/BENCHMARKS.md:
                // recording it cost 15 % of intake throughput).
                auto ref = service_.reference();
                return Json(201, TicketView(service_.tickets().Describe(*t, a), a, *ref));
              }));
  router_.Add("GET", "/api/v1/tickets", Authed(Capability::kTicketList, [this](const HttpRequest& req, const PathParams&, const Actor& a) {
                auto ref = service_.reference();
                // Searching by phone is a capability of its own, checked before the query is read.
                if (!req.Param("phone").empty())
                  if (Status s = service_.tickets().MaySearchByPhone(a); !s.ok()) return StatusResponse(s);
                auto filter = ParseTicketFilter(req, *ref);
                if (!filter.ok()) return StatusResponse(filter.status());
                auto page = service_.tickets().List(*filter, a);
                if (!page.ok()) return StatusResponse(page.status());
                json items = json::array();
                std::vector<const Ticket*> shown;
                for (const Ticket& t : page->items) {
                  items.push_back(TicketView(service_.tickets().Describe(t, a), a, *ref));
                  shown.push_back(&t);
                }
                service_.personal_data().RecordViews(a, shown, "GET /api/v1/tickets", req.Header("x-hotline-screen"));
                return Json(
                    200,
                    {{"items", items}, {"total", page->total}, {"page", filter->page}, {"per_page", filter->per_page}});
              }));
  router_.Add("GET", "/api/v1/tickets/{id}",
              Authed(Capability::kTicketRead, [this, ticket_id](const HttpRequest& req, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                auto t = service_.tickets().Get(*id, a);
                if (!t.ok()) return StatusResponse(t.status());
                service_.personal_data().RecordViews(a, {&*t}, "GET /api/v1/tickets/{id}", req.Header("x-hotline-screen"));
                auto events = service_.tickets().Events(*id, a);
                if (!events.ok()) return StatusResponse(events.status());
                auto ref = service_.reference();
                json view = TicketView(service_.tickets().Describe(*t, a), a, *ref);
                json ev = json::array();
                for (const Event& e : *events) ev.push_back(EventView(e, service_.users().DisplayName(e.actor.username)));
                view["events"] = ev;
                return Json(200, view);
              }));
  router_.Add("GET", "/api/v1/tickets/{id}/events",
              Authed(Capability::kTicketRead, [this, ticket_id](const HttpRequest&, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                auto events = service_.tickets().Events(*id, a);
                if (!events.ok()) return StatusResponse(events.status());
                json ev = json::array();
                for (const Event& e : *events) ev.push_back(EventView(e, service_.users().DisplayName(e.actor.username)));
                return Json(200, {{"items", ev}});
              }));
  router_.Add("POST", "/api/v1/tickets/{id}/{command}",
              Authed([this, ticket_id](const HttpRequest& req, const PathParams& p, const Actor& a) {
                auto id = ticket_id(p);
                if (!id.ok()) return StatusResponse(id.status());
                const std::string& command = p.at("command");
                auto names = CommandNames();
                if (std::find(names.begin(), names.end(), command) == names.end())
                  return ErrorResponse(404, Reasons::kNotFound, "unknown command " + command, "command");
                auto body = ParseBody(req);
                // Only the fields the command reads: anything else (due_at too) is refused.
                auto input = body.ok() ? DecodeCommandRequest(*body, command) : Result<CommandInput>(body.status());
                if (!input.ok()) {
                  // Authority before input: an actor who may not issue the command learns that.
                  if (Status allowed = service_.tickets().AuthorizeCommand(*id, command, a); !allowed.ok())
                    return StatusResponse(allowed);
                  return StatusResponse(input.status());
                }
                auto t = service_.tickets().Command(*id, command, *input, a);
                if (!t.ok()) return StatusResponse(t.status());
                ++commands_;
                service_.personal_data().RecordViews(a, {&*t}, "POST /api/v1/tickets/{id}/" + command,
                                                 req.Header("x-hotline-screen"));
                spdlog::info("ticket={} command={} actor={} state={}", *id, command, a.username, Name(t->state));
                auto ref = service_.reference();
                return Json(200, TicketView(service_.tickets().Describe(*t, a), a, *ref));
              }));
}

}  // namespace hotline::api

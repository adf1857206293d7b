// RestApi: the REST v1 endpoints under /api/v1, /healthz and /metrics, wired to a
// HotlineService. Every /api/v1 call except POST /api/v1/sessions needs
// "Authorization: Bearer <token>". Errors are {"error":{"code","reason","message","field"?,"params"?}}
// (reasons: domain/reasons.h):
// 400 bad input (field named), 401 no/invalid token, 403 role or unit scope,
// 404 unknown ticket or endpoint, 409 state does not allow the command.
#pragma once

#include <atomic>
#include <memory>

#include "service/hotline_service.h"
#include "service/rate_limiter.h"
#include "api/router.h"

namespace hotline::api {

// The API renders what the service returns.
using service::HotlineService;
using service::ReferenceData;

// Parses the ticket list filters shared by /tickets and /stats (400 names the parameter).
Result<TicketFilter> ParseTicketFilter(const HttpRequest& req, const ReferenceData& ref);

class RestApi {
 public:
  explicit RestApi(HotlineService& service);
  HttpResponse Handle(const HttpRequest& req);
  // The retention period the server runs with (`serve --retention-days`, 0: none),
  // told to citizens in the portal's privacy notice (GET /api/v1/public/privacy).
  void SetRetentionDays(int days) { retention_days_ = days; }

 private:
  using ActorHandler = std::function<HttpResponse(const HttpRequest&, const PathParams&, const Actor&)>;
  // Wraps a handler that needs an authenticated actor (401 without a valid bearer
  // token) whose role the permission table grants `capability` (403 before the
  // request is read). The service checks again, with the ticket's scope.
  RouteHandler Authed(Capability capability, ActorHandler fn);
  // The same for ticket commands, whose authority is the command table's (the
  // service checks it before reading the command's input).
  RouteHandler Authed(ActorHandler fn);

  void AddRoutes();
  void AddStatsRoutes();   // stats_routes.cc
  void AddPublicRoutes();  // public_routes.cc: the citizen portal, no login
  void AddKbRoutes();      // kb_routes.cc: the knowledge base
  void AddTriageRoutes();  // triage_routes.cc: intake suggestions
  void AddAdminRoutes();   // admin_routes.cc: users, units, taxonomy, catalog
  void AddAttachmentRoutes();  // attachment_routes.cc: files and related tickets of a ticket
  void AddLimitsRoutes();      // limits_routes.cc: the limits clients check before sending
  void AddPolicyRoutes();      // policy_routes.cc: the time-limit policies in force
  void AddLedgerRoutes();      // ledger_routes.cc: the clearing ledger (动态清零)
  HttpResponse Metrics() const;

  HotlineService& service_;
  Router router_;
  std::atomic<long long> requests_{0}, errors_4xx_{0}, errors_5xx_{0}, intakes_{0}, commands_{0};
  std::atomic<long long> latency_us_total_{0};
  service::RateLimiter public_submissions_{30, 3600};   // anonymous appeals per address per hour
  service::RateLimiter public_lookup_failures_{20, 600};  // wrong number/code per address per 10 minutes
  std::atomic<int> retention_days_{0};
  service::RateLimiter public_locates_{120, 600};         // address look-ups per address per 10 minutes
  service::RateLimiter public_uploads_{30, 3600};         // photos per address per hour
};


}  // namespace hotline::api

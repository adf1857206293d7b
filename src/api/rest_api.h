// RestApi: the REST v1 endpoints under /api/v1, /healthz and /metrics, wired to a
// HotlineService. Every /api/v1 call except POST /api/v1/sessions needs
// "Authorization: Bearer <token>". Errors are {"error":{"code","message","field"?}}:
// 400 bad input (field named), 401 no/invalid token, 403 role or unit scope,
// 404 unknown ticket or endpoint, 409 state does not allow the command.
#pragma once

#include <atomic>
#include <memory>

#include "api/hotline_service.h"
#include "api/router.h"

namespace hotline::api {

class RestApi {
 public:
  explicit RestApi(HotlineService& service);
  HttpResponse Handle(const HttpRequest& req);

 private:
  void AddRoutes();
  HttpResponse Metrics() const;

  HotlineService& service_;
  Router router_;
  std::atomic<long long> requests_{0}, errors_4xx_{0}, errors_5xx_{0}, intakes_{0}, commands_{0};
  std::atomic<long long> latency_us_total_{0};
};

// Maps a Status to its HTTP error response.
HttpResponse StatusResponse(const Status& s);

}  // namespace hotline::api

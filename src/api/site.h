// Site: the one request handler of a hotline server — the REST API under /api/,
// /healthz and /metrics, and the web front end for every other path — with the
// security headers every response carries (Content-Security-Policy fit for the
// console, nosniff, Referrer-Policy, frame-ancestors none). main.cc and the
// integration tests serve through the same Site, so what the tests see is what
// a browser gets.
#pragma once

#include <string>

#include "api/http_server.h"
#include "api/http_types.h"
#include "api/rest_api.h"
#include "api/static_files.h"

namespace hotline::api {

// Whether a request may send a body beyond the JSON limit, judged from its head
// alone: only a POST of a ticket attachment carrying a well-formed bearer token
// (the token itself is checked when the request is handled), or a portal photo
// (POST /api/v1/public/tickets/{number}/attachments) carrying a six-digit query
// code (checked when handled; the photo itself is at most 5 MiB).
bool AllowsLargeBody(const RequestHead& head);

// Adds the security headers to a response (keeps any the handler set itself).
void AddSecurityHeaders(HttpResponse& response);

class Site {
 public:
  Site(RestApi& rest, std::string web_dir) : rest_(rest), web_(std::move(web_dir)) {}
  HttpResponse Handle(const HttpRequest& req);
  const StaticFiles& web() const { return web_; }

 private:
  RestApi& rest_;
  StaticFiles web_;
};

}  // namespace hotline::api

// Router: matches a method and a path against patterns such as
// "/api/v1/tickets/{id}/{command}" and calls the route's handler with the
// captured segments. Unknown paths give 404, known paths with another method 405.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "domain/status.h"

namespace hotline::api {

using PathParams = std::map<std::string, std::string>;
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const PathParams&)>;

class Router {
 public:
  void Add(std::string method, const std::string& pattern, RouteHandler handler);
  HttpResponse Dispatch(const HttpRequest& req) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" captures
    RouteHandler handler;
  };
  static std::vector<std::string> Split(const std::string& path);
  std::vector<Route> routes_;
};

// {"error":{"code","reason","message","field"?,"params"?}} with the given HTTP
// status; `reason` (a stable key for clients) defaults to `code`; `params` are
// the values the message quotes, as a JSON object of strings.
HttpResponse ErrorResponse(int status, Reason code, const std::string& message, const std::string& field = "",
                           Reason reason = {}, const Status::Params& params = {});

}  // namespace hotline::api

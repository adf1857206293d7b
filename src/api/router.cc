#include "api/router.h"

#include <nlohmann/json.hpp>

namespace hotline::api {

std::vector<std::string> Router::Split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void Router::Add(std::string method, const std::string& pattern, RouteHandler handler) {
  routes_.push_back({std::move(method), Split(pattern), std::move(handler)});
}

HttpResponse Router::Dispatch(const HttpRequest& req) const {
  const auto segments = Split(req.path);
  bool path_matched = false;
  // The most specific route wins: /tickets/{id}/attachments before /tickets/{id}/{command}.
  const Route* best = nullptr;
  PathParams best_params;
  std::size_t best_literals = 0;
  for (const Route& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    PathParams params;
    bool match = true;
    std::size_t literals = 0;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      const std::string& p = r.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        params[p.substr(1, p.size() - 2)] = segments[i];
      } else {
        match = p == segments[i];
        ++literals;
      }
    }
    if (!match) continue;
    path_matched = true;
    if (r.method == req.method && (!best || literals > best_literals)) {
      best = &r;
      best_params = std::move(params);
      best_literals = literals;
    }
  }
  if (best) return best->handler(req, best_params);
  if (path_matched)
    return ErrorResponse(405, Reasons::kMethodNotAllowed, req.method + " is not allowed on " + req.path);
  return ErrorResponse(404, Reasons::kNotFound, "no such endpoint: " + req.path);
}

HttpResponse ErrorResponse(int status, Reason code, const std::string& message, const std::string& field, Reason reason,
                           const Status::Params& params) {
  nlohmann::json err = {
      {"code", code.name()}, {"reason", (reason.empty() ? code : reason).name()}, {"message", message}};
  if (!field.empty()) err["field"] = field;
  if (!params.empty()) {
    nlohmann::json p = nlohmann::json::object();
    for (const auto& [key, value] : params) p[key] = value;
    err["params"] = std::move(p);
  }
  HttpResponse r;
  r.status = status;
  // Messages may quote client input: never let bad UTF-8 in it throw.
  r.body = nlohmann::json{{"error", err}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace hotline::api

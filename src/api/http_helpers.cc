#include "api/http_helpers.h"

#include <cctype>
#include <charconv>

#include "api/router.h"

namespace hotline::api {

using nlohmann::json;

HttpResponse Json(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

Result<json> ParseBody(const HttpRequest& req) {
  if (req.body.empty()) return json::object();
  json j = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return Status::InvalidArgument("body", "request body is not valid JSON").WithReason(Reasons::kInvalidValue);
  if (!j.is_object())
    return Status::InvalidArgument("body", "request body must be a JSON object").WithReason(Reasons::kInvalidValue);
  return j;
}

Result<int> PageParam(const HttpRequest& req, const char* name, int fallback, int max) {
  const std::string v = req.Param(name);
  if (v.empty()) return fallback;
  auto n = ParseInt(v, name);
  if (!n.ok()) return n.status();
  if (*n < 1 || *n > max)
    return Status::InvalidArgument(name, std::string(name) + " must be 1.." + std::to_string(max))
        .WithReason(Reasons::kInvalidValue)
        .WithParam("min", 1)
        .WithParam("max", max);
  return static_cast<int>(*n);
}

std::string BearerToken(const HttpRequest& req) {
  const std::string h = req.Header("authorization");
  const std::string prefix = "Bearer ";
  return h.rfind(prefix, 0) == 0 ? h.substr(prefix.size()) : std::string();
}

Result<std::int64_t> ParseInt(const std::string& s, const char* field) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    return Status::InvalidArgument(field, std::string(field) + " must be an integer")
        .WithReason(Reasons::kInvalidValue);
  return v;
}

HttpResponse StatusResponse(const Status& s) {
  int code = 500;
  switch (s.code()) {
    case StatusCode::kOk: code = 200; break;
    case StatusCode::kInvalidArgument: code = 400; break;
    case StatusCode::kUnauthenticated: code = 401; break;
    case StatusCode::kPermissionDenied: code = 403; break;
    case StatusCode::kNotFound: code = 404; break;
    case StatusCode::kConflict:
    case StatusCode::kAlreadyExists: code = 409; break;
    case StatusCode::kUnavailable: code = 503; break;
    case StatusCode::kInternal: code = 500; break;
    case StatusCode::kResourceExhausted: code = 429; break;
  }
  HttpResponse r = ErrorResponse(code, s.code_reason(), s.message(), s.field(), s.reason(), s.params());
  if (s.retry_after_seconds() > 0) r.headers.emplace_back("Retry-After", std::to_string(s.retry_after_seconds()));
  return r;
}

std::string ContentDisposition(const std::string& name) {
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') encoded += static_cast<char>(c);
    else encoded += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return "attachment; filename=\"download\"; filename*=UTF-8''" + encoded;
}

}  // namespace hotline::api

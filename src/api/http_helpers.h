// Small helpers shared by the endpoint files: JSON responses, body parsing,
// bearer tokens, integer parameters, Status → HTTP error.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "api/http_types.h"
#include "domain/status.h"

namespace hotline::api {

HttpResponse Json(int status, const nlohmann::json& body);
// JSON bodies are small; only file uploads use the server's larger body limit.
constexpr std::size_t kMaxJsonBody = 1 << 20;
// List parameters: ?per_page= is 1..kMaxPerPage, ?q= at most kMaxQueryBytes.
constexpr int kMaxPerPage = 200;
constexpr std::size_t kMaxQueryBytes = 200;
// The body as a JSON object ({} when empty); 400 naming "body" otherwise.
Result<nlohmann::json> ParseBody(const HttpRequest& req);
std::string BearerToken(const HttpRequest& req);
// A paging parameter: `fallback` when absent, else an integer in 1..max (400 naming it otherwise).
Result<int> PageParam(const HttpRequest& req, const char* name, int fallback, int max);
Result<std::int64_t> ParseInt(const std::string& s, const char* field);
// Content-Disposition for a download named `name` (RFC 6266 / 5987: an ASCII
// fallback and the UTF-8 name percent-encoded).
std::string ContentDisposition(const std::string& name);
// Maps a Status to its HTTP error response.
HttpResponse StatusResponse(const Status& s);

}  // namespace hotline::api

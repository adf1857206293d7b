#include "api/site.h"

#include <algorithm>
#include <cctype>

namespace hotline::api {

namespace {

// The console and portal are Vite builds: scripts and styles from our own origin
// only; Element Plus sets inline style attributes, ECharts draws on canvas and
// exports data: URLs, attachments preview as blob: URLs.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

bool HasHeader(const HttpResponse& r, const std::string& name) {
  return std::any_of(r.headers.begin(), r.headers.end(), [&](const auto& h) {
    return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
  });
}

bool IsApiPath(const std::string& path) {
  return path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/metrics";
}

}  // namespace

bool AllowsLargeBody(const RequestHead& head) {
  if (head.method != "POST") return false;
  const std::string path = head.target.substr(0, head.target.find('?'));
  const std::string suffix = "/attachments";
  if (path.size() < suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  if (path.rfind("/api/v1/public/tickets/", 0) == 0) {  // a citizen's photo: the query code instead of a token
    const auto q = head.target.find('?');
    if (q == std::string::npos) return false;
    const std::string query = "&" + head.target.substr(q + 1) + "&";
    const auto at = query.find("&code=");
    if (at == std::string::npos || query.size() < at + 6 + 7 || query[at + 12] != '&') return false;
    return std::all_of(query.begin() + static_cast<std::ptrdiff_t>(at + 6),
                       query.begin() + static_cast<std::ptrdiff_t>(at + 12),
                       [](char c) { return c >= '0' && c <= '9'; });
  }
  if (path.rfind("/api/v1/tickets/", 0) != 0) return false;
  const std::string prefix = "Bearer ";
  if (head.authorization.rfind(prefix, 0) != 0 || head.authorization.size() != prefix.size() + 64) return false;
  return std::all_of(head.authorization.begin() + static_cast<std::ptrdiff_t>(prefix.size()), head.authorization.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

void AddSecurityHeaders(HttpResponse& r) {
  static const std::pair<const char*, const char*> kHeaders[] = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(self)"},
  };
  for (const auto& [name, value] : kHeaders)
    if (!HasHeader(r, name)) r.headers.emplace_back(name, value);
}

HttpResponse Site::Handle(const HttpRequest& req) {
  HttpResponse r = IsApiPath(req.path) ? rest_.Handle(req) : web_.Serve(req);
  if (IsApiPath(req.path) && !HasHeader(r, "Cache-Control")) r.headers.emplace_back("Cache-Control", "no-store");
  AddSecurityHeaders(r);
  return r;
}

}  // namespace hotline::api

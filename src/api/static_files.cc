#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/router.h"

namespace hotline::api {

std::string ContentTypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
      {".woff", "font/woff"},                {".ttf", "font/ttf"},
      {".geojson", "application/geo+json"},  {".map", "application/json"},
  };
  for (const auto& [ext, type] : kTypes) {
    const std::string e(ext);
    if (path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return type;
  }
  return "application/octet-stream";
}

bool StaticFiles::available() const { return std::filesystem::exists(std::filesystem::path(root_) / "index.html"); }

HttpResponse StaticFiles::Serve(const HttpRequest& req) const {
  if (req.method != "GET" && req.method != "HEAD") return ErrorResponse(405, "method_not_allowed", "read-only");
  std::string rel = req.path;
  if (rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos)
    return ErrorResponse(400, "bad_request", "bad path", "path");
  if (rel == "/" || rel.empty()) rel = "/index.html";
  if (rel == "/portal" || rel == "/portal/") rel = "/portal.html";
  if (!available()) {
    HttpResponse r;
    r.status = 503;
    r.content_type = "text/html; charset=utf-8";
    r.body = "<!doctype html><meta charset=utf-8><title>12345</title><p>前端尚未构建：请在 web/ 目录运行 "
             "<code>npm ci &amp;&amp; npm run build</code>。 The web console is not built yet "
             "(run <code>npm ci &amp;&amp; npm run build</code> in web/). The API is at /api/v1.</p>";
    return r;
  }
  const std::filesystem::path file = std::filesystem::path(root_) / rel.substr(1);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return ErrorResponse(404, "not_found", "no such file: " + req.path);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  HttpResponse r;
  r.content_type = ContentTypeFor(file.string());
  r.body = ss.str();
  // Vite puts content hashes in asset names: cache those for long, the HTML never.
  if (rel.rfind("/assets/", 0) == 0)
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace hotline::api

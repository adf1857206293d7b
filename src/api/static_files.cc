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

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

namespace {

// A relative path built from the request's segments, or nullopt when a segment
// is empty, "." or "..", or holds a backslash, a colon or a control character.
std::optional<std::filesystem::path> SafeRelativePath(const std::string& request_path) {
  if (request_path.empty() || request_path[0] != '/') return std::nullopt;
  std::filesystem::path rel;
  std::size_t start = 1;
  while (start <= request_path.size()) {
    std::size_t end = request_path.find('/', start);
    if (end == std::string::npos) end = request_path.size();
    const std::string segment = request_path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return std::nullopt;
    for (unsigned char c : segment)
      if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return std::nullopt;
    rel /= segment;
    start = end + 1;
  }
  return rel;
}

}  // namespace

std::optional<std::filesystem::path> StaticFiles::Resolve(const std::string& request_path) const {
  auto rel = SafeRelativePath(request_path);
  if (!rel || rel->is_absolute() || rel->has_root_name()) return std::nullopt;
  std::error_code ec;
  const std::filesystem::path root = std::filesystem::canonical(root_, ec);
  if (ec) return std::nullopt;
  // canonical() resolves symlinks: a link inside the root that points out of it is refused.
  const std::filesystem::path file = std::filesystem::canonical(root / *rel, ec);
  if (ec) return std::nullopt;
  auto r = root.begin();
  auto f = file.begin();
  for (; r != root.end(); ++r, ++f)
    if (f == file.end() || *r != *f) return std::nullopt;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

bool StaticFiles::available() const { return std::filesystem::exists(std::filesystem::path(root_) / "index.html"); }

HttpResponse StaticFiles::Serve(const HttpRequest& req) const {
  if (req.method != "GET" && req.method != "HEAD") return ErrorResponse(405, Reasons::kMethodNotAllowed, "read-only");
  std::string rel = req.path;
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
  const auto file = Resolve(rel);
  if (!file) return ErrorResponse(404, Reasons::kNotFound, "no such file");
  std::ifstream in(*file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  HttpResponse r;
  r.content_type = ContentTypeFor(file->string());
  r.body = ss.str();
  // Vite puts content hashes in asset names: cache those for long, the HTML never.
  if (rel.rfind("/assets/", 0) == 0)
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace hotline::api

#include "api/static_files.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

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

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// An RFC 9110 qvalue ("0", "0.5", "1", "1.000"): > 0, 0, or -1 when malformed.
int QValueSign(std::string_view q) {
  if (q.empty() || (q[0] != '0' && q[0] != '1')) return -1;
  bool nonzero = q[0] == '1';
  if (q.size() > 1) {
    if (q[1] != '.' || q.size() > 5) return -1;
    for (char c : q.substr(2)) {
      if (c < '0' || c > '9') return -1;
      if (c != '0') {
        if (q[0] == '1') return -1;  // 1.x other than 1.000
        nonzero = true;
      }
    }
  }
  return nonzero ? 1 : 0;
}

}  // namespace

bool AcceptsGzip(std::string_view header) {
  int gzip = -1;  // -1 not listed, 0 refused, 1 accepted
  int star = -1;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const std::size_t semi = element.find(';');
    const std::string_view coding = Trim(element.substr(0, semi));
    if (coding.empty()) continue;
    int accepted = 1;
    std::string_view params = semi == std::string_view::npos ? std::string_view() : element.substr(semi + 1);
    while (!params.empty()) {
      const std::size_t next = params.find(';');
      const std::string_view param = Trim(params.substr(0, next));
      params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
      const std::size_t eq = param.find('=');
      if (eq == std::string_view::npos || !EqualsNoCase(Trim(param.substr(0, eq)), "q")) continue;
      const int sign = QValueSign(Trim(param.substr(eq + 1)));
      accepted = sign > 0 ? 1 : 0;  // a malformed q-value counts as a refusal
    }
    if (EqualsNoCase(coding, "gzip") || EqualsNoCase(coding, "x-gzip"))
      gzip = gzip == 1 ? 1 : accepted;
    else if (coding == "*")
      star = star == 1 ? 1 : accepted;
  }
  if (gzip >= 0) return gzip == 1;
  return star == 1;
}

bool IsCompressible(const std::string& path) {
  for (const char* ext : {".html", ".js", ".css", ".json", ".svg", ".map", ".geojson"})
    if (EndsWith(path, ext)) return true;
  return false;
}

bool IsHashedAsset(const std::string& request_path) {
  if (request_path.rfind("/assets/", 0) != 0) return false;
  std::string_view name(request_path);
  name.remove_prefix(name.rfind('/') + 1);
  for (std::string_view suffix : {".gz", ".map"})
    if (EndsWith(name, suffix)) name.remove_suffix(suffix.size());
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  name = name.substr(0, dot);
  // Rollup's default [hash] is 8 characters of base64url after a '-'.
  constexpr std::size_t kHash = 8;
  if (name.size() < kHash + 2 || name[name.size() - kHash - 1] != '-') return false;
  bool not_a_word = false;  // "-settings" is a name, not a hash: want a digit, capital, '_' or '-'
  for (char c : name.substr(name.size() - kHash)) {
    const bool lower = c >= 'a' && c <= 'z';
    const bool other = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!lower && !other) return false;
    not_a_word = not_a_word || other;
  }
  return not_a_word;
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
  HttpResponse r;
  r.content_type = ContentTypeFor(file->string());
  std::filesystem::path source = *file;
  if (IsCompressible(file->string())) {
    r.headers.emplace_back("Vary", "Accept-Encoding");
    // The .gz goes through the same path and canonical-root checks as the file.
    if (AcceptsGzip(req.Header("accept-encoding"))) {
      if (auto gz = Resolve(rel + ".gz")) {
        source = *gz;
        r.headers.emplace_back("Content-Encoding", "gzip");
      }
    }
  }
  std::ifstream in(source, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  r.body = ss.str();
  // Vite puts content hashes in asset names: cache those for long, everything else revalidates.
  if (IsHashedAsset(rel))
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace hotline::api

// StaticFiles: serves the built web front end (web/dist) read-only: "/" is the
// staff console (index.html), "/portal/" the citizen portal (portal.html).
// Contract: a file is served only when the request path, split on '/', has no
// empty, "." or ".." segment and no backslash or control character, and the
// file it names — after resolving symlinks — lies inside the canonical web
// root. Anything else is 404 (or 400 for a malformed path); never a file
// outside the root.
// Compression: when the request's Accept-Encoding allows gzip and "<file>.gz"
// (written by web/scripts/precompress.mjs at build time) resolves under the same
// checks, its bytes are sent with Content-Encoding: gzip and the original's
// Content-Type; compressible files always carry Vary: Accept-Encoding.
// Caching: names under assets/ that carry Vite's content hash are immutable for
// a year; everything else (index.html, portal.html, …) is no-cache.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "api/http_types.h"

namespace hotline::api {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);
  HttpResponse Serve(const HttpRequest& req) const;
  bool available() const;

  // The file under the root that a decoded request path names, or nullopt when
  // the path is malformed or leaves the root (exposed for tests and fuzzing).
  std::optional<std::filesystem::path> Resolve(const std::string& request_path) const;

 private:
  std::string root_;
};

std::string ContentTypeFor(const std::string& path);

// Whether an Accept-Encoding header value allows gzip: "gzip" / "x-gzip" or "*"
// listed with a q-value above 0 (an explicit gzip;q=0 wins over "*"). An empty
// or absent header allows only identity.
bool AcceptsGzip(std::string_view accept_encoding);

// Text-like files worth compressing (by extension).
bool IsCompressible(const std::string& path);

// Whether a request path names a Vite asset with a content hash in its name
// ("/assets/<name>-<8 hash chars>.<ext>[.map][.gz]").
bool IsHashedAsset(const std::string& request_path);

}  // namespace hotline::api

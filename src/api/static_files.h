// StaticFiles: serves the built web front end (web/dist) read-only: "/" is the
// staff console (index.html), "/portal/" the citizen portal (portal.html).
// Contract: a file is served only when the request path, split on '/', has no
// empty, "." or ".." segment and no backslash or control character, and the
// file it names — after resolving symlinks — lies inside the canonical web
// root. Anything else is 404 (or 400 for a malformed path); never a file
// outside the root.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

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

}  // namespace hotline::api

// StaticFiles: serves the built web front end (web/dist) read-only: "/" is the
// staff console (index.html), "/portal/" the citizen portal (portal.html).
// Paths are confined to the root: "..", backslashes and NULs are refused.
#pragma once

#include <string>

#include "api/http_types.h"

namespace hotline::api {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  HttpResponse Serve(const HttpRequest& req) const;
  bool available() const;

 private:
  std::string root_;
};

std::string ContentTypeFor(const std::string& path);

}  // namespace hotline::api

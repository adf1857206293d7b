// For tests: a fresh, empty PostgreSQL database on the server named by
// HOTLINE_TEST_PG (scripts/pg_test_cluster.sh prints such a URL), dropped
// (WITH FORCE) when the object goes away, so every test starts from nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "domain/status.h"

namespace hotline::pg {

// The URL in HOTLINE_TEST_PG, if set and not empty.
std::optional<std::string> TestServerUrl();

// True when HOTLINE_TEST_DB=postgres: the HTTP tests' servers use PostgreSQL.
bool TestsUsePostgres();

class ScratchDatabase {
 public:
  // Creates "hotline_t_<pid>_<n>" next to the database of `server_url`.
  static Result<std::unique_ptr<ScratchDatabase>> Create(const std::string& server_url);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& url() const { return url_; }

 private:
  ScratchDatabase(std::string admin_url, std::string name, std::string url)
      : admin_url_(std::move(admin_url)), name_(std::move(name)), url_(std::move(url)) {}
  std::string admin_url_, name_, url_;
};

}  // namespace hotline::pg

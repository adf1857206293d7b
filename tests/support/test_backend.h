// Which database the HTTP integration tests run on (issue 11). CTest registers
// each of them twice: as is (SQLite) and with the suffix ".postgres" and
// HOTLINE_TEST_DB=postgres, where every server gets a fresh PostgreSQL database
// on the server named by HOTLINE_TEST_PG (dropped afterwards). Without
// HOTLINE_TEST_PG those ".postgres" runs are skipped, saying why.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "store/postgres/pg_scratch_db.h"

namespace hotline::testing {

// Skips the whole program's tests when PostgreSQL is asked for but not given.
class TestBackendEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    if (pg::TestsUsePostgres() && !pg::TestServerUrl())
      // The marker makes CTest count the run as skipped (gtest_discover_tests' SKIP_REGULAR_EXPRESSION).
      GTEST_SKIP() << "[  SKIPPED ] HOTLINE_TEST_DB=postgres but HOTLINE_TEST_PG is not set "
                      "(scripts/pg_test_cluster.sh start prints a URL)";
  }
};

inline const bool kTestBackendEnvironmentRegistered = [] {
  ::testing::AddGlobalTestEnvironment(new TestBackendEnvironment);
  return true;
}();

// A database for one test server: "sqlite:<dir>/<file>", or a fresh PostgreSQL
// database when HOTLINE_TEST_DB=postgres (kept alive by this object).
class TestDatabase {
 public:
  TestDatabase(const std::string& sqlite_path) {
    if (!pg::TestsUsePostgres()) {
      url_ = "sqlite:" + sqlite_path;
      return;
    }
    auto server = pg::TestServerUrl();
    if (!server) throw std::runtime_error("HOTLINE_TEST_DB=postgres needs HOTLINE_TEST_PG");
    auto db = pg::ScratchDatabase::Create(*server);
    if (!db.ok()) throw std::runtime_error(db.status().ToString());
    scratch_ = std::move(db).value();
    url_ = scratch_->url();
  }
  const std::string& url() const { return url_; }

 private:
  std::unique_ptr<pg::ScratchDatabase> scratch_;
  std::string url_;
};

}  // namespace hotline::testing

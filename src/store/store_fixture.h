// StoreFixture: the conformance suite's fixture (issue 11). Each test runs once
// per backend — "sqlite": a fresh SQLite file in a temporary directory;
// "postgres": a fresh database on the server named by HOTLINE_TEST_PG, dropped
// afterwards (without HOTLINE_TEST_PG the PostgreSQL instances are skipped,
// saying so). It holds the small test city (units, taxonomy, calendar) for
// creating tickets and applying commands through the domain, as the service
// does; `ctx_.now` starts at a fixed instant and each Command() advances it a minute.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "domain/state_machine.h"
#include "domain/test_fixtures.h"
#include "store/postgres/pg_scratch_db.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/temp_dir.h"

namespace hotline::testing {

class StoreFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!IsSqlite()) {
      auto server = pg::TestServerUrl();
      if (!server) GTEST_SKIP() << "HOTLINE_TEST_PG is not set: PostgreSQL conformance test skipped "
                                   "(scripts/pg_test_cluster.sh start prints a URL)";
      auto db = pg::ScratchDatabase::Create(*server);
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      scratch_ = std::move(db).value();
    }
    Reopen();
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.calendar = &calendar_;
    ctx_.now = 1'795'000'000;
  }

  bool IsSqlite() const { return GetParam() == "sqlite"; }
  std::string sqlite_path() const { return tmp_.Path("t.db"); }

  // Closes the store and opens the same database again.
  void Reopen() {
    store_.reset();
    if (IsSqlite()) {
      auto s = SqliteStore::Open(sqlite_path());
      ASSERT_TRUE(s.ok()) << s.status().ToString();
      store_ = std::move(s).value();
    } else {
      auto s = PgStore::Open(scratch_->url());
      ASSERT_TRUE(s.ok()) << s.status().ToString();
      store_ = std::move(s).value();
    }
  }

  // Records `a` by the operator and stores it; a failure fails the test.
  Ticket Create(Appeal a = HeatingAppeal()) {
    auto tr = Intake(a, Operator(), ctx_);
    EXPECT_TRUE(tr.ok()) << tr.status().ToString();
    if (!tr.ok()) return Ticket{};
    auto t = store_->CreateTicket(*tr);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : Ticket{};
  }

  Result<Ticket> Command(TicketId id, std::string_view cmd, CommandInput in, const Actor& actor) {
    ctx_.now += 60;
    return store_->UpdateTicket(id, [&](const Ticket& t) { return Apply(t, cmd, in, actor, ctx_); });
  }

  TempDir tmp_;
  std::unique_ptr<pg::ScratchDatabase> scratch_;  // declared before store_: dropped after it closes
  std::unique_ptr<Store> store_;
  UnitTree units_ = SmallCity();
  Taxonomy taxonomy_ = SmallTaxonomy();
  WorkCalendar calendar_;
  Context ctx_;
};

// Names the instances "sqlite" and "postgres".
inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace hotline::testing

// Runs `suite` (a TEST_P suite on a StoreFixture) against both backends.
#define HOTLINE_STORE_CONFORMANCE(suite) \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgres"), ::hotline::testing::BackendName)

// SqliteStoreFixture: a test fixture holding a fresh SQLite store in a temporary
// directory and the small test city (units, taxonomy, calendar) for creating
// tickets and applying commands through the domain, as the service does.
// `ctx_.now` starts at a fixed instant; each Command() advances it a minute.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "domain/state_machine.h"
#include "domain/test_fixtures.h"
#include "store/sqlite/sqlite_store.h"
#include "store/temp_dir.h"

namespace hotline::testing {

class SqliteStoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SqliteStore::Open(path());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.calendar = &calendar_;
    ctx_.now = 1'795'000'000;
  }

  std::string path() const { return tmp_.Path("t.db"); }

  // Records `a` by the operator and stores it; a failure fails the test.
  Ticket Create(Appeal a = HeatingAppeal()) {
    auto tr = Intake(a, Operator(), ctx_);
    EXPECT_TRUE(tr.ok());
    auto t = store_->CreateTicket(*tr);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return *t;
  }

  Result<Ticket> Command(TicketId id, std::string_view cmd, CommandInput in, const Actor& actor) {
    ctx_.now += 60;
    return store_->UpdateTicket(id, [&](const Ticket& t) { return Apply(t, cmd, in, actor, ctx_); });
  }

  TempDir tmp_;
  std::unique_ptr<SqliteStore> store_;
  UnitTree units_ = SmallCity();
  Taxonomy taxonomy_ = SmallTaxonomy();
  WorkCalendar calendar_;
  Context ctx_;
};

}  // namespace hotline::testing

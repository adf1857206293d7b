// PostgreSQL-only guarantees (issue 11), beyond the conformance suite: two
// servers migrating one database at once, immutable events, and two stores (two
// servers) changing one ticket concurrently without a lost update. Skipped
// without HOTLINE_TEST_PG.
#include "store/postgres/pg_store.h"

#include <gtest/gtest.h>

#include <thread>

#include "domain/test_fixtures.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_scratch_db.h"

namespace hotline {
namespace {

using testing::Operator;
using testing::Staff;

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = pg::TestServerUrl();
    if (!server) GTEST_SKIP() << "HOTLINE_TEST_PG is not set: PostgreSQL test skipped";
    auto db = pg::ScratchDatabase::Create(*server);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.calendar = &calendar_;
    ctx_.now = 1'795'000'000;
  }

  std::unique_ptr<pg::ScratchDatabase> db_;
  UnitTree units_ = testing::SmallCity();
  Taxonomy taxonomy_ = testing::SmallTaxonomy();
  WorkCalendar calendar_;
  Context ctx_;
};

TEST_F(PgStoreTest, ServersStartingAtOnceMigrateOnce) {
  std::vector<std::thread> servers;
  std::atomic<int> opened{0};
  for (int i = 0; i < 4; ++i) {
    servers.emplace_back([&] {
      auto s = PgStore::Open(db_->url() + "?pool=1");
      EXPECT_TRUE(s.ok()) << s.status().ToString();
      opened += s.ok();
    });
  }
  for (auto& t : servers) t.join();
  EXPECT_EQ(opened.load(), 4);
  auto conn = pg::Connection::Open(db_->url());
  ASSERT_TRUE(conn.ok());
  auto rows = (*conn)->Exec("SELECT version, COUNT(*) FROM schema_migrations GROUP BY version ORDER BY version");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows(), static_cast<int>(pg::Migrations().size()));
  for (int i = 0; i < rows->rows(); ++i) EXPECT_EQ(rows->Int(i, 1), 1);
}

TEST_F(PgStoreTest, EventsAndTheAuditTrailAreImmutable) {
  auto store = PgStore::Open(db_->url());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto t = (*store)->CreateTicket(*Intake(testing::HeatingAppeal(), Operator(), ctx_));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  AuditRecord audit{0, ctx_.now, "admin", "replace_units", "x"};
  ASSERT_TRUE((*store)->ReplaceUnits(units_.units(), &audit).ok());
  auto conn = pg::Connection::Open(db_->url());
  ASSERT_TRUE(conn.ok());
  EXPECT_FALSE((*conn)->Run("UPDATE events SET actor = 'mallory'").ok());
  EXPECT_FALSE((*conn)->Run("UPDATE events SET payload = '{}'").ok());  // no redaction outside the anonymiser
  EXPECT_FALSE((*conn)->Run("DELETE FROM events").ok());
  EXPECT_FALSE((*conn)->Run("DELETE FROM admin_audit").ok());
  EXPECT_EQ((*store)->GetEvents(t->id)->front().actor.username, Operator().username);
}

TEST_F(PgStoreTest, TwoServersChangingOneTicketLoseNoUpdate) {
  auto a = PgStore::Open(db_->url() + "?pool=4");
  auto b = PgStore::Open(db_->url() + "?pool=4");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->pool_size(), 4);
  auto t = (*a)->CreateTicket(*Intake(testing::HeatingAppeal(), Operator(), ctx_));
  ASSERT_TRUE(t.ok());
  // 40 supplements added through two stores at once: each sees the previous one's result.
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      Store& store = i % 2 ? **a : **b;
      for (int n = 0; n < 5; ++n) {
        CommandInput in;
        in.content = "备注 " + std::to_string(i) + "-" + std::to_string(n);
        auto r = store.UpdateTicket(t->id, [&](const Ticket& cur) { return Apply(cur, "supplement", in, Operator(), ctx_); });
        EXPECT_TRUE(r.ok()) << r.status().ToString();
        ok += r.ok();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 40);
  auto stored = (*b)->GetTicket(t->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->version, 41);
  EXPECT_EQ((*a)->GetEvents(t->id)->size(), 41u);
}

// Several servers (issue 11): what one store commits reaches the other's watcher
// with the writer's origin; a lease is held by one store at a time and passes on
// when its holder closes.
TEST_F(PgStoreTest, AnotherServerHearsOfChangesAndLeasesAreExclusive) {
  auto a = PgStore::Open(db_->url());
  auto b = PgStore::Open(db_->url());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE((*a)->origin(), (*b)->origin());
  auto watch = (*b)->WatchChanges();
  ASSERT_TRUE(watch.ok()) << watch.status().ToString();
  auto t = (*a)->CreateTicket(*Intake(testing::HeatingAppeal(), Operator(), ctx_));
  ASSERT_TRUE(t.ok());
  std::vector<StoreChange> got;
  for (int i = 0; i < 30 && got.empty(); ++i) got = (*watch)->Next(std::chrono::milliseconds(100))->changes;
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], (StoreChange{StoreChange::Kind::kTicket, t->id, "intake", (*a)->origin()}));

  EXPECT_TRUE(*(*a)->HoldLease("deadline-scheduler"));
  EXPECT_TRUE(*(*a)->HoldLease("deadline-scheduler")) << "kept";
  EXPECT_FALSE(*(*b)->HoldLease("deadline-scheduler")) << "held by the other server";
  EXPECT_TRUE(*(*b)->HoldLease("another-job")) << "leases are by name";
  a->reset();  // the holder stops: its session ends, and the lease with it
  bool taken = false;
  for (int i = 0; i < 50 && !taken; ++i) {
    taken = *(*b)->HoldLease("deadline-scheduler");
    if (!taken) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(taken);
}

TEST_F(PgStoreTest, ABadUrlIsRefusedNamingTheField) {
  auto bad = PgStore::Open(db_->url() + "?pool=0");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().field(), "db");
  auto unreachable = PgStore::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  EXPECT_EQ(unreachable.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace hotline

#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>

namespace hotline::sqlite {
namespace {

TEST(Migrations, AppliesAllOnceAndIsIdempotent) {
  auto db = Connection::Open(":memory:");
  ASSERT_TRUE(db.ok());
  auto v = Migrate(*db);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, Migrations().back().version);
  auto again = Migrate(*db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *v);
  auto count = db->Prepare("SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(count.ok() && count->Step());
  EXPECT_EQ(count->Int(0), static_cast<std::int64_t>(Migrations().size()));
}

TEST(Migrations, UpgradesFromAnOlderVersion) {
  auto db = Connection::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_EQ(*Migrate(*db, 0), 0);
  EXPECT_EQ(*SchemaVersion(*db), 0);
  ASSERT_EQ(*Migrate(*db), Migrations().back().version);
  EXPECT_TRUE(db->Exec("SELECT id, doc FROM tickets").ok());
}

TEST(Migrations, VersionsAreStrictlyIncreasing) {
  int last = 0;
  for (const Migration& m : Migrations()) {
    EXPECT_GT(m.version, last);
    last = m.version;
  }
}

TEST(Migrations, EventsAreImmutable) {
  auto db = Connection::Open(":memory:");
  ASSERT_TRUE(Migrate(*db).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO tickets (state, channel, appeal_type, content, created_at, updated_at, version, "
                       "doc) VALUES ('triage','phone','help','x',0,0,1,'{}')")
                  .ok());
  ASSERT_TRUE(db->Exec("INSERT INTO events (ticket_id, seq, at, actor, actor_role, command, from_state, to_state, "
                       "payload) VALUES (1,1,0,'op','operator','intake','triage','triage','{}')")
                  .ok());
  EXPECT_FALSE(db->Exec("UPDATE events SET actor = 'someone else'").ok());
  EXPECT_FALSE(db->Exec("DELETE FROM events").ok());
}

}  // namespace
}  // namespace hotline::sqlite

namespace hotline::sqlite {
namespace {

TEST(Statement, ABadBindIsReportedNotIgnored) {
  auto db = Connection::Open(":memory:");
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a INTEGER)").ok());
  auto q = db->Prepare("INSERT INTO t (a) VALUES (?1)");
  Status s = q->Bind(1, 1).Bind(2, 2).Run();  // there is no ?2
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bind parameter 2"), std::string::npos);
}

TEST(Statement, CachedStatementsAreResetBetweenUses) {
  auto db = Connection::Open(":memory:");
  ASSERT_TRUE(db->Exec("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2), (3)").ok());
  for (int round = 0; round < 3; ++round) {
    auto q = db->Prepare("SELECT a FROM t WHERE a >= ?1 ORDER BY a");
    q->Bind(1, 2);
    ASSERT_TRUE(q->Step());  // read one row and abandon the rest
    EXPECT_EQ(q->Int(0), 2);
  }
  // The abandoned statements were reset: a write is not blocked by an open read.
  EXPECT_TRUE(db->Exec("DELETE FROM t").ok());
}

}  // namespace
}  // namespace hotline::sqlite

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

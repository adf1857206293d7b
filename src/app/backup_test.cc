// Backup under write load, restore, and the replay check of the result.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/replay_check.h"
#include "app/store_dir_fixture.h"
#include "store/sqlite/search_text.h"
#include "store/sqlite/sqlite_backup.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::app {
namespace {

class BackupTest : public StoreDirTest {
 protected:
  // One intake and a dispatch, as separate transactions.
  static void Write(SqliteStore& store, const Context& ctx, int n) {
    Appeal a;
    a.channel = Channel::kPhone;
    a.type = AppealType::kComplaint;
    a.content = "备份压力测试诉求 #" + std::to_string(n);
    a.caller = {"张三", "13800138000"};
    auto intake = Intake(a, {"operator", Role::kOperator, ""}, ctx);
    ASSERT_TRUE(intake.ok());
    auto t = store.CreateTicket(*intake);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    CommandInput d;
    d.unit = "D1";
    auto updated = store.UpdateTicket(t->id, [&](const Ticket& cur) {
      return Apply(cur, "dispatch", d, {"dispatcher", Role::kDispatcher, ""}, ctx);
    });
    ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  }

};

TEST_F(BackupTest, BackupUnderWriteLoadRestoresToAConsistentStore) {
  auto store = SqliteStore::Open(Path("live.db"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->ReplaceUnits(units_.units()).ok());
  for (int i = 0; i < 50; ++i) Write(**store, ctx_, i);
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w)
    writers.emplace_back([&, w] {
      for (int i = 0; !stop; ++i) {
        Write(**store, ctx_, 1000 * (w + 1) + i);
        ++written;
      }
    });
  while (written < 30) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto backup = sqlite::BackupSqlite(Path("live.db"), Path("backup.db"));
  const int during = written;
  while (written < during + 30) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_TRUE(backup.ok()) << backup.status().ToString();
  EXPECT_GT(backup->pages, 0);
  EXPECT_GT(backup->schema_version, 0);
  EXPECT_FALSE(std::filesystem::exists(Path("backup.db.partial")));

  // Restored elsewhere, the copy opens, holds a snapshot between the two counts, and replays.
  ASSERT_EQ(sqlite::RestoreSqlite(Path("backup.db"), Path("restored.db"), false).status().code(), StatusCode::kOk);
  auto restored = SqliteStore::Open(Path("restored.db"));
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  const auto count = *(*restored)->CountTickets();
  EXPECT_GE(count, 50 + 30);
  EXPECT_LT(count, *(*store)->CountTickets());
  auto check = CheckReplay(**restored, ctx_);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(check->tickets, count);
  EXPECT_EQ(check->mismatch_count, 0) << (check->mismatches.empty() ? "" : check->mismatches.front());
  EXPECT_GE(check->events, 2 * count - 3);  // a writer may have been between its two transactions
}

TEST_F(BackupTest, RestoreRefusesToOverwriteOrToReadGarbage) {
  {
    auto store = SqliteStore::Open(Path("a.db"));
    ASSERT_TRUE(store.ok());
  }
  ASSERT_TRUE(sqlite::BackupSqlite(Path("a.db"), Path("a.bak")).ok());
  EXPECT_EQ(sqlite::RestoreSqlite(Path("a.bak"), Path("a.db"), false).status().code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(sqlite::RestoreSqlite(Path("a.bak"), Path("a.db"), true).ok());
  { std::ofstream(Path("junk.bak")) << "not a database at all, just text"; }
  EXPECT_EQ(sqlite::RestoreSqlite(Path("junk.bak"), Path("b.db"), false).status().field(), "backup");
  EXPECT_EQ(sqlite::RestoreSqlite(Path("missing.bak"), Path("b.db"), false).status().field(), "from");
  EXPECT_EQ(sqlite::BackupSqlite(Path("missing.db"), Path("c.bak")).status().field(), "db");
}

// A tampered store is caught: the stored state no longer follows from the events.
TEST_F(BackupTest, ReplayCheckFindsAStateThatDoesNotFollowFromItsEvents) {
  auto store = SqliteStore::Open(Path("t.db"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->ReplaceUnits(units_.units()).ok());
  Write(**store, ctx_, 1);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(Path("t.db").c_str(), &db), SQLITE_OK);
    // The search index's triggers on tickets use the store's tokenizer (migration 8).
    ASSERT_TRUE(sqlite::RegisterSearchTokenizer(db).ok());
    ASSERT_EQ(sqlite3_exec(db, "UPDATE tickets SET doc = json_set(doc, '$.lead_unit', 'ELSEWHERE')", nullptr, nullptr,
                           nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto check = CheckReplay(**store, ctx_);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->mismatch_count, 1);
}

}  // namespace
}  // namespace hotline::app

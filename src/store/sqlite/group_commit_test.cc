#include "store/sqlite/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace hotline::sqlite {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("hotline_gc_" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path_);
    db_.emplace(std::move(Connection::Open(path_.string())).value());
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)").ok());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::int64_t Count() {
    auto q = db_->Prepare("SELECT COUNT(*) FROM t");
    q->Step();
    return q->Int(0);
  }
  std::filesystem::path path_;
  std::optional<Connection> db_;
  std::mutex mu_;
};

TEST_F(GroupCommitTest, ConcurrentWritersShareCommitsAndAllLand) {
  GroupCommit gc(*db_, mu_);
  constexpr int kThreads = 8, kEach = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status s = gc.Write([&](Connection& c) {
          auto q = c.Prepare("INSERT INTO t (k, v) VALUES (?1, 'x')");
          return q->Bind(1, t * 1000 + i).Run();
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Count(), kThreads * kEach);
  EXPECT_EQ(gc.units(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_LE(gc.batches(), gc.units());
}

TEST_F(GroupCommitTest, AFailingUnitRollsBackAloneInItsBatch) {
  GroupCommit gc(*db_, mu_);
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      Status s = gc.Write([&](Connection& c) -> Status {
        auto q = c.Prepare("INSERT INTO t (k, v) VALUES (?1, 'x')");
        HOTLINE_RETURN_IF_ERROR(q->Bind(1, t).Run());
        // Odd units write a row, then fail: their row must not survive.
        if (t % 2) return Status::InvalidArgument("v", "refused after writing");
        return Status::Ok();
      });
      (s.ok() ? ok : failed)++;
      if (t % 2) {
        EXPECT_EQ(s.field(), "v");
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(failed.load(), 8);
  EXPECT_EQ(Count(), 8);
  auto odd = db_->Prepare("SELECT COUNT(*) FROM t WHERE k % 2 = 1");
  odd->Step();
  EXPECT_EQ(odd->Int(0), 0);
}

}  // namespace
}  // namespace hotline::sqlite

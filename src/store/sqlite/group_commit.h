// GroupCommit: serialises writes to one SQLite connection and makes concurrent
// writers share a commit (and so one fsync), the way LevelDB batches its log
// writes. Each unit of work runs inside its own SAVEPOINT within the shared
// transaction: a failing unit is rolled back alone and reports its own error,
// the others still commit. Write() returns only after the commit is durable (or
// failed, in which case every unit of that batch reports the failure).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

#include "store/sqlite/sqlite_db.h"

namespace hotline::sqlite {

class GroupCommit {
 public:
  using Work = std::function<Status(Connection&)>;
  // `conn_mu` guards `db` against other users (e.g. reads of an in-memory database).
  GroupCommit(Connection& db, std::mutex& conn_mu, std::size_t max_batch = 256)
      : db_(db), conn_mu_(conn_mu), max_batch_(max_batch) {}

  Status Write(const Work& work);

  // Batches committed so far, and units of work in them (for tests and metrics).
  std::size_t batches() const;
  std::size_t units() const;

 private:
  struct Writer {
    const Work* work;
    Status status;
    bool done = false;
    std::condition_variable cv;
  };
  void RunBatch(std::deque<Writer*>::iterator begin, std::deque<Writer*>::iterator end);

  Connection& db_;
  std::mutex& conn_mu_;
  const std::size_t max_batch_;
  mutable std::mutex mu_;
  std::deque<Writer*> queue_;
  std::size_t batches_ = 0, units_ = 0;
};

}  // namespace hotline::sqlite

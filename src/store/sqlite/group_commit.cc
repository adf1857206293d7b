#include "store/sqlite/group_commit.h"

namespace hotline::sqlite {

Status GroupCommit::Write(const Work& work) {
  Writer w;
  w.work = &work;
  std::unique_lock lock(mu_);
  queue_.push_back(&w);
  w.cv.wait(lock, [&] { return w.done || queue_.front() == &w; });
  if (w.done) return w.status;

  // This writer leads: it commits itself and everyone queued behind it.
  auto end = queue_.begin() + static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
  std::deque<Writer*> batch(queue_.begin(), end);
  lock.unlock();
  RunBatch(batch.begin(), batch.end());
  lock.lock();
  ++batches_;
  units_ += batch.size();
  for (Writer* member : batch) {
    queue_.pop_front();
    if (member != &w) {
      member->done = true;
      member->cv.notify_one();
    }
  }
  if (!queue_.empty()) queue_.front()->cv.notify_one();
  return w.status;
}

void GroupCommit::RunBatch(std::deque<Writer*>::iterator begin, std::deque<Writer*>::iterator end) {
  std::lock_guard conn(conn_mu_);
  auto fail_all = [&](const Status& s) {
    for (auto it = begin; it != end; ++it) (*it)->status = s;
  };
  if (Status s = db_.Run("BEGIN IMMEDIATE"); !s.ok()) return fail_all(s);
  for (auto it = begin; it != end; ++it) {
    Writer* w = *it;
    if (Status s = db_.Run("SAVEPOINT unit"); !s.ok()) {
      w->status = s;
      continue;
    }
    w->status = (*w->work)(db_);
    if (!w->status.ok()) db_.Run("ROLLBACK TO unit");
    db_.Run("RELEASE unit");
  }
  if (Status s = db_.Run("COMMIT"); !s.ok()) {
    db_.Run("ROLLBACK");
    for (auto it = begin; it != end; ++it)
      if ((*it)->status.ok()) (*it)->status = s;
  }
}

std::size_t GroupCommit::batches() const {
  std::lock_guard lock(mu_);
  return batches_;
}

std::size_t GroupCommit::units() const {
  std::lock_guard lock(mu_);
  return units_;
}

}  // namespace hotline::sqlite

#include "service/pii_access_log.h"

#include <spdlog/spdlog.h>

namespace hotline::service {

PiiAccessLog::PiiAccessLog(Store& store, std::chrono::milliseconds flush_interval, std::size_t max_queued)
    : store_(store), interval_(flush_interval), max_queued_(max_queued), thread_([this] { Run(); }) {}

PiiAccessLog::~PiiAccessLog() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  Flush();
}

void PiiAccessLog::Add(std::vector<PiiAccess> records) {
  if (records.empty()) return;
  std::lock_guard lock(mu_);
  for (PiiAccess& r : records) queue_.push_back(std::move(r));
  if (queue_.size() > max_queued_) {
    const std::size_t excess = queue_.size() - max_queued_;
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(excess));
    dropped_ += static_cast<long long>(excess);
  }
}

Status PiiAccessLog::Flush() {
  std::lock_guard write(write_mu_);
  std::vector<PiiAccess> batch;
  {
    std::lock_guard lock(mu_);
    batch.swap(queue_);
  }
  Status s = store_.RecordPiiAccess(batch);
  if (!s.ok()) {
    spdlog::error("personal-data access record not written ({} views): {}", batch.size(), s.ToString());
    std::lock_guard lock(mu_);  // keep them for the next try, oldest first
    queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
  }
  return s;
}

void PiiAccessLog::Run() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, interval_, [this] { return stop_; });
    if (stop_) break;
    if (queue_.empty()) continue;
    lock.unlock();
    Flush();
    lock.lock();
  }
}

}  // namespace hotline::service

// PiiAccessLog: the record of every unmasked view of callers' personal data,
// written in the background so that reading a ticket never waits for a disk
// flush: views are queued and written in batches (one transaction each) at
// least every `flush_interval`, and on Flush() and destruction. A crash can
// lose at most the last interval's records. If the queue outgrows
// `max_queued` (the store is failing), the oldest records are dropped and
// counted in dropped().
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.h"

namespace hotline::service {

class PiiAccessLog {
 public:
  explicit PiiAccessLog(Store& store, std::chrono::milliseconds flush_interval = std::chrono::milliseconds(500),
                        std::size_t max_queued = 100000);
  ~PiiAccessLog();
  PiiAccessLog(const PiiAccessLog&) = delete;
  PiiAccessLog& operator=(const PiiAccessLog&) = delete;

  void Add(std::vector<PiiAccess> records);
  // Writes everything queued now; returns the store's answer.
  Status Flush();
  long long dropped() const { return dropped_.load(); }

 private:
  void Run();
  Store& store_;
  const std::chrono::milliseconds interval_;
  const std::size_t max_queued_;
  std::mutex mu_;
  std::mutex write_mu_;  // one batch at a time, in order
  std::condition_variable cv_;
  std::vector<PiiAccess> queue_;
  bool stop_ = false;
  std::atomic<long long> dropped_{0};
  std::thread thread_;
};

}  // namespace hotline::service

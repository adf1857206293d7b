// ChangeHub: the in-process change feed (change_feed.h) — announcements made in
// this process reach the watchers subscribed in this process. SQLite's feed (one
// process per database); PostgreSQL's LISTEN watcher is separate (pg_change_watch.h).
//
// Each watcher has a bounded buffer (kMaxBuffered announcements): when it is full
// the oldest are dropped and the watcher's next batch says `lost`. Announcing never
// blocks on a watcher. Thread-safe; watchers may outlive the hub (they then see
// no more announcements).
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "store/change_feed.h"

namespace hotline {

class ChangeHub {
 public:
  static constexpr std::size_t kMaxBuffered = 10000;

  void Announce(const std::vector<StoreChange>& changes);
  void Announce(const StoreChange& change) { Announce(std::vector<StoreChange>{change}); }
  std::unique_ptr<ChangeWatch> Watch();

 private:
  struct Buffer {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<StoreChange> items;
    bool lost = false;
  };
  class HubWatch;

  std::mutex mu_;
  std::vector<std::weak_ptr<Buffer>> buffers_;
};

}  // namespace hotline

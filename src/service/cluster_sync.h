// ClusterSync: keeps this server current with what the other servers on the same
// database change (issue 11, store/change_feed.h). It watches the store's change
// feed and acts on every announcement of another origin:
//   - a ticket: read again and published to this server's live streams (and, by
//     the live feed's change listener, re-tracked in the deadline queue);
//   - reference data (units, taxonomy, catalog, time limits, calendar): reloaded,
//     the time limits and calendar with it (TimeLimits::Reload);
//   - users: the display-name directory and the session cache are invalidated
//     (a role, unit or disabled account is read anew at the next request);
//   - a session ended (logout, password change): dropped from the session cache,
//     its live streams closed;
//   - a knowledge-base entry: read again and re-indexed.
// A batch that says `lost` (the feed dropped announcements, e.g. a reconnect)
// reloads the reference data and the users, and rebuilds the deadline queue.
// Its own announcements are skipped: the service already acted on them.
//
// With SQLite (one process) every announcement is its own, so the server starts
// it for PostgreSQL only. Tests call Open() and Poll(); the server Start()s a
// thread. Thread-safe: Poll runs on one thread at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

#include "service/accounts.h"
#include "service/core.h"
#include "service/deadline_scheduler.h"
#include "service/live_feed.h"
#include "service/time_limits.h"

namespace hotline::service {

class ClusterSync {
 public:
  ClusterSync(ServiceCore& core, LiveFeed& live, Accounts& accounts, TimeLimits& limits, DeadlineScheduler& deadlines);
  ~ClusterSync();  // stops the thread
  ClusterSync(const ClusterSync&) = delete;
  ClusterSync& operator=(const ClusterSync&) = delete;

  // Starts watching: announcements from now on are seen. Idempotent.
  Status Open();
  // Waits up to `timeout` for one batch and acts on it; returns how many
  // announcements of other servers it applied.
  Result<int> Poll(std::chrono::milliseconds timeout);
  // The background thread (Open()s first); Stop() waits for it. Idempotent.
  Status Start();
  void Stop();

  std::uint64_t applied() const { return applied_.load(); }

 private:
  Status Apply(const StoreChange& change);
  Status ReloadAll();

  ServiceCore& core_;
  LiveFeed& live_;
  Accounts& accounts_;
  TimeLimits& limits_;
  DeadlineScheduler& deadlines_;
  std::mutex poll_mu_;
  std::unique_ptr<ChangeWatch> watch_;  // under poll_mu_
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> applied_{0};
  std::thread thread_;
};

}  // namespace hotline::service

// DeadlineScheduler: gives the deadline notices of issue 10. It keeps a
// DeadlineQueue of every open ticket's notices — rebuilt from the store at start
// (the open tickets only, read through the store's state index) and kept current
// by every change the service publishes (LiveFeed's change listener) — and when a
// notice falls due it applies the `warn` or `overdue` command to the ticket as the
// actor `system`: one transaction with its event, like any command. The change is
// then published live like any other (to the unit's staff and the supervisors who
// may see the ticket). An overdue handling deadline raises the ticket's
// supervision by rule (Policy::auto_supervision_level, in the state machine).
//
// A notice that no longer applies when its turn comes (the deadline was met, moved
// or paused by a change the queue has not seen yet) is refused by the state
// machine and skipped; the change that made it stale re-tracks the ticket.
//
// Several servers (issue 11): every server keeps its queue current (its own
// changes and, through ClusterSync, the others'), but only the holder of the
// store's lease "deadline-scheduler" gives notices; the others check every 10 s
// and, on taking the lease over, rebuild their queue first. A notice given twice
// by two servers in a hand-over is refused by the state machine the second time.
//
// Time is the service's clock: tests call RunDue() under a FakeClock; the server
// calls Start(), a thread that sleeps until the next notice or 10 s, whichever
// comes first. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>

#include "service/core.h"
#include "service/deadline_queue.h"
#include "service/live_feed.h"

namespace hotline::service {

class DeadlineScheduler {
 public:
  // The actor of every notice.
  static Actor SystemActor() { return {"system", Role::kAdmin, ""}; }

  DeadlineScheduler(ServiceCore& core, LiveFeed& live);
  ~DeadlineScheduler();  // stops the thread
  DeadlineScheduler(const DeadlineScheduler&) = delete;
  DeadlineScheduler& operator=(const DeadlineScheduler&) = delete;

  // Forgets the queue and reads the notices of every open ticket from the store.
  // Returns how many tickets have notices queued.
  Result<std::size_t> Rebuild();
  // Queues the notices `t` owes now, replacing those queued before.
  void Track(const Ticket& t);
  // Gives up to `max` notices due by now, earliest first. Returns how many were
  // given (skipped ones do not count); an error of the store stops the run.
  Result<int> RunDue(int max = 100000);

  // Whether this server gives the notices now (Store::HoldLease(kLease)); when it
  // takes the lease over from another server, the queue is rebuilt first.
  Result<bool> Lead();
  static constexpr const char* kLease = "deadline-scheduler";

  // The background thread (the server); Stop() waits for it. Idempotent.
  void Start();
  void Stop();

  std::size_t queued() const;  // notices queued
  std::size_t given() const;   // notices given since start

 private:
  Result<bool> Give(const DueNotice& notice);
  void Loop();

  ServiceCore& core_;
  LiveFeed& live_;
  mutable std::mutex mu_;
  DeadlineQueue queue_;
  std::size_t given_ = 0;
  std::optional<bool> leading_;  // unset until the lease was first asked for
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace hotline::service

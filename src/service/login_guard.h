// LoginGuard: what stands between the login endpoint and the password hasher.
//  - Throttling: after `max_failures` failed logins for one username within
//    `window_seconds`, every further attempt for it (even with the right
//    password) is refused with RateLimited until the oldest failure leaves the
//    window; the same per source address (`max_failures_per_address`).
//  - Bounded hashing: an argon2id check holds 64 MiB and ~0.1 s of a core, so at
//    most `max_concurrent_checks` run at once (default: the core count). Up to
//    `max_waiting` logins wait (at most `slot_wait`) for a slot; beyond that, or
//    after the wait, a login is refused (RateLimited, reason "login_busy")
//    instead of holding memory and handler threads.
// Thread-safe. State is per process (see docs/ARCHITECTURE.md for clusters).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <semaphore>
#include <string>

#include "service/rate_limiter.h"
#include "domain/clock.h"
#include "domain/status.h"

namespace hotline::service {

class LoginGuard {
 public:
  struct Options {
    int max_failures = 10;              // per username
    int max_failures_per_address = 10;  // per source address
    UnixSeconds window_seconds = 15 * 60;
    int max_concurrent_checks = 0;  // 0: the number of cores (at least 2)
    int max_waiting = 0;  // 0: four per check slot
    std::chrono::milliseconds slot_wait{3000};
  };

  // Holds one password-check slot until destroyed.
  class Slot {
   public:
    explicit Slot(std::counting_semaphore<>* s) : s_(s) {}
    Slot(Slot&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (s_) s_->release();
    }

   private:
    std::counting_semaphore<>* s_;
  };

  LoginGuard() : LoginGuard(Options{}) {}
  explicit LoginGuard(Options options);

  // OK when neither the username nor the address is throttled at `now`.
  Status Admit(const std::string& username, const std::string& address, UnixSeconds now);
  // Counts a failed login against both.
  void RecordFailure(const std::string& username, const std::string& address, UnixSeconds now);
  // A slot for one password check, or RateLimited when all are busy.
  Result<Slot> AcquireCheckSlot();
  int max_concurrent_checks() const { return max_checks_; }

 private:
  Options options_;
  int max_checks_;
  int max_waiting_;
  std::atomic<int> waiting_{0};
  RateLimiter by_user_;
  RateLimiter by_address_;
  std::unique_ptr<std::counting_semaphore<>> checks_;
};

}  // namespace hotline::service

#include "service/login_guard.h"

#include <algorithm>
#include <thread>

namespace hotline::service {

LoginGuard::LoginGuard(Options options)
    : options_(options),
      max_checks_(options.max_concurrent_checks > 0
                      ? options.max_concurrent_checks
                      : std::max(2, static_cast<int>(std::thread::hardware_concurrency()))),
      max_waiting_(options.max_waiting > 0 ? options.max_waiting : 4 * max_checks_),
      by_user_(options.max_failures, options.window_seconds),
      by_address_(options.max_failures_per_address, options.window_seconds),
      checks_(std::make_unique<std::counting_semaphore<>>(max_checks_)) {}

Status LoginGuard::Admit(const std::string& username, const std::string& address, UnixSeconds now) {
  const std::string user_key = "u:" + username;
  if (!by_user_.Allowed(user_key, now))
    return Status::RateLimited("too many failed logins for this account; try again later",
                               std::max<UnixSeconds>(1, by_user_.RetryAfter(user_key, now)));
  if (!address.empty() && !by_address_.Allowed(address, now))
    return Status::RateLimited("too many failed logins from this address; try again later",
                               std::max<UnixSeconds>(1, by_address_.RetryAfter(address, now)));
  return Status::Ok();
}

void LoginGuard::RecordFailure(const std::string& username, const std::string& address, UnixSeconds now) {
  by_user_.Record("u:" + username, now);
  if (!address.empty()) by_address_.Record(address, now);
}

Result<LoginGuard::Slot> LoginGuard::AcquireCheckSlot() {
  const Status busy = Status::RateLimited("the server is busy checking passwords; try again in a moment", 1)
                          .WithReason(Reasons::kLoginBusy);
  if (checks_->try_acquire()) return Slot(checks_.get());
  if (waiting_.fetch_add(1) >= max_waiting_) {
    --waiting_;
    return busy;
  }
  const bool acquired = checks_->try_acquire_for(options_.slot_wait);
  --waiting_;
  if (!acquired) return busy;
  return Slot(checks_.get());
}

}  // namespace hotline::service

// RateLimiter: at most `max_events` per key (e.g. a client address) in a sliding
// window of `window_seconds`. Used by the public portal against enumeration of
// query codes and floods of anonymous appeals. Thread-safe; memory is bounded by
// forgetting keys whose window has passed.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/clock.h"

namespace hotline::service {

class RateLimiter {
 public:
  RateLimiter(int max_events, UnixSeconds window_seconds) : max_(max_events), window_(window_seconds) {}
  // True if `key` is still under the limit at `now` (does not count an event).
  bool Allowed(const std::string& key, UnixSeconds now);
  void Record(const std::string& key, UnixSeconds now);
  // Seconds until `key` is allowed again (0 when it is).
  UnixSeconds RetryAfter(const std::string& key, UnixSeconds now);

 private:
  void Expire(std::deque<UnixSeconds>& events, UnixSeconds now) const;
  const int max_;
  const UnixSeconds window_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<UnixSeconds>> events_;
};

}  // namespace hotline::service

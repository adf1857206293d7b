#include "service/rate_limiter.h"

#include <algorithm>

namespace hotline::service {

void RateLimiter::Expire(std::deque<UnixSeconds>& events, UnixSeconds now) const {
  while (!events.empty() && events.front() <= now - window_) events.pop_front();
}

bool RateLimiter::Allowed(const std::string& key, UnixSeconds now) {
  std::lock_guard lock(mu_);
  auto it = events_.find(key);
  if (it == events_.end()) return true;
  Expire(it->second, now);
  if (it->second.empty()) {
    events_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_;
}

UnixSeconds RateLimiter::RetryAfter(const std::string& key, UnixSeconds now) {
  std::lock_guard lock(mu_);
  auto it = events_.find(key);
  if (it == events_.end()) return 0;
  Expire(it->second, now);
  if (static_cast<int>(it->second.size()) < max_) return 0;
  // The oldest event that must expire before one more is allowed.
  const UnixSeconds oldest = it->second[it->second.size() - static_cast<std::size_t>(max_)];
  return std::max<UnixSeconds>(1, oldest + window_ - now);
}

void RateLimiter::Record(const std::string& key, UnixSeconds now) {
  std::lock_guard lock(mu_);
  if (events_.size() > 100000) {  // forget idle keys
    for (auto it = events_.begin(); it != events_.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? events_.erase(it) : std::next(it);
    }
  }
  auto& events = events_[key];
  Expire(events, now);
  events.push_back(now);
}

}  // namespace hotline::service

#include "service/live_events.h"

#include <algorithm>

namespace hotline::service {

void LiveSubscription::Push(const std::string& event, const std::string& data) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mu_);
    if (closed_) return;
    if (queue_.size() >= kMaxQueued) queue_.pop_front();
    queue_.push_back("event: " + event + "\ndata: " + data + "\n\n");
    wake = wake_;
  }
  if (wake) wake();
}

std::string LiveSubscription::Drain() {
  std::lock_guard lock(mu_);
  std::string out;
  for (auto& m : queue_) out += m;
  queue_.clear();
  return out;
}

void LiveSubscription::SetWake(std::function<void()> wake) {
  std::lock_guard lock(mu_);
  wake_ = std::move(wake);
}

void LiveSubscription::Close() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mu_);
    if (closed_) return;
    closed_ = true;
    wake = std::move(wake_);
    wake_ = nullptr;
    queue_.clear();
  }
  if (wake) wake();
}

void LiveSubscription::SetValidity(std::function<bool()> still_valid) {
  std::lock_guard lock(mu_);
  still_valid_ = std::move(still_valid);
}

bool LiveSubscription::Valid() {
  std::function<bool()> check;
  {
    std::lock_guard lock(mu_);
    if (closed_) return false;
    check = still_valid_;
  }
  if (!check || check()) return true;
  Close();
  return false;
}

bool LiveSubscription::closed() const {
  std::lock_guard lock(mu_);
  return closed_;
}

std::shared_ptr<LiveSubscription> LiveEvents::Subscribe(Filter filter) {
  auto s = std::make_shared<LiveSubscription>();
  std::lock_guard lock(mu_);
  entries_.push_back({s, std::move(filter)});
  return s;
}

void LiveEvents::Publish(const std::string& event, const std::string& data, const void* subject) {
  std::vector<std::pair<std::shared_ptr<LiveSubscription>, Filter>> targets;
  {
    std::lock_guard lock(mu_);
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [](const Entry& e) {
                                    auto s = e.subscription.lock();
                                    return !s || s->closed();
                                  }),
                   entries_.end());
    for (const Entry& e : entries_)
      if (auto s = e.subscription.lock()) targets.emplace_back(std::move(s), e.filter);
  }
  for (auto& [s, filter] : targets)
    if (!filter || filter(event, subject)) s->Push(event, data);
}

std::size_t LiveEvents::subscribers() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace hotline::service

#include "store/change_hub.h"

#include <algorithm>

namespace hotline {

class ChangeHub::HubWatch final : public ChangeWatch {
 public:
  explicit HubWatch(std::shared_ptr<Buffer> buffer) : buffer_(std::move(buffer)) {}

  Result<ChangeBatch> Next(std::chrono::milliseconds timeout) override {
    std::unique_lock lock(buffer_->mu);
    buffer_->cv.wait_for(lock, timeout, [&] { return !buffer_->items.empty() || buffer_->lost; });
    ChangeBatch batch;
    batch.changes.assign(buffer_->items.begin(), buffer_->items.end());
    batch.lost = buffer_->lost;
    buffer_->items.clear();
    buffer_->lost = false;
    return batch;
  }

 private:
  std::shared_ptr<Buffer> buffer_;
};

void ChangeHub::Announce(const std::vector<StoreChange>& changes) {
  if (changes.empty()) return;
  std::vector<std::shared_ptr<Buffer>> live;
  {
    std::lock_guard lock(mu_);
    std::erase_if(buffers_, [&](const std::weak_ptr<Buffer>& w) {
      std::shared_ptr<Buffer> b = w.lock();
      if (!b) return true;  // its watcher is gone
      live.push_back(std::move(b));
      return false;
    });
  }
  for (const auto& b : live) {
    {
      std::lock_guard lock(b->mu);
      for (const StoreChange& c : changes) {
        if (b->items.size() >= kMaxBuffered) {
          b->items.pop_front();
          b->lost = true;
        }
        b->items.push_back(c);
      }
    }
    b->cv.notify_all();
  }
}

std::unique_ptr<ChangeWatch> ChangeHub::Watch() {
  auto buffer = std::make_shared<Buffer>();
  std::lock_guard lock(mu_);
  buffers_.push_back(buffer);
  return std::make_unique<HubWatch>(std::move(buffer));
}

}  // namespace hotline

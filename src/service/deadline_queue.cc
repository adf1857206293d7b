#include "service/deadline_queue.h"

#include <algorithm>

namespace hotline::service {

bool DeadlineQueue::Later(const Entry& a, const Entry& b) {
  if (a.at != b.at) return a.at > b.at;
  return a.ticket > b.ticket;
}

bool DeadlineQueue::Stale(const Entry& e) const {
  auto it = generation_.find(e.ticket);
  return it == generation_.end() || it->second.generation != e.generation;
}

void DeadlineQueue::Track(TicketId ticket, const std::vector<DueNotice>& notices) {
  if (auto it = generation_.find(ticket); it != generation_.end()) {
    live_ -= it->second.live;  // its queued entries are stale from now on
    generation_.erase(it);
  }
  if (!notices.empty()) {
    // Generations count across tickets, so that a ticket tracked again after being
    // forgotten never revives its old entries.
    const std::uint32_t generation = ++last_generation_;
    for (const DueNotice& n : notices) {
      heap_.push_back({n.at, ticket, generation, n.kind, n.notice});
      std::push_heap(heap_.begin(), heap_.end(), Later);
    }
    generation_.emplace(ticket, Tracked{generation, static_cast<std::uint32_t>(notices.size())});
    live_ += notices.size();
  }
  if (heap_.size() > 64 && heap_.size() > 2 * live_) Compact();
}

void DeadlineQueue::DropStaleTop() {
  while (!heap_.empty() && Stale(heap_.front())) {
    std::pop_heap(heap_.begin(), heap_.end(), Later);
    heap_.pop_back();
  }
}

std::optional<DueNotice> DeadlineQueue::PopDue(UnixSeconds now) {
  DropStaleTop();
  if (heap_.empty() || heap_.front().at > now) return std::nullopt;
  std::pop_heap(heap_.begin(), heap_.end(), Later);
  const Entry e = heap_.back();
  heap_.pop_back();
  auto it = generation_.find(e.ticket);
  --live_;
  if (--it->second.live == 0) generation_.erase(it);
  return DueNotice{e.at, e.ticket, e.kind, e.notice};
}

std::optional<UnixSeconds> DeadlineQueue::NextAt() {
  DropStaleTop();
  if (heap_.empty()) return std::nullopt;
  return heap_.front().at;
}

void DeadlineQueue::Compact() {
  std::erase_if(heap_, [this](const Entry& e) { return Stale(e); });
  std::make_heap(heap_.begin(), heap_.end(), Later);
}

}  // namespace hotline::service

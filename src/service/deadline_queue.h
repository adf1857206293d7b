// DeadlineQueue: the scheduler's due-queue (issue 10) — for every open ticket, the
// notices still to give about its deadlines (a warning at warn_at, the overdue
// notice at due_at), ordered by time, so that what is due is found without looking
// at any other ticket.
//
// A binary min-heap of 24-byte entries with lazy removal: Track() gives the
// ticket a new generation and pushes its current notices; entries of an older
// generation are dropped when they reach the top, and the heap is rebuilt without
// them once they outnumber the live ones. Memory: 24 bytes per queued notice plus
// one hash-map node per tracked ticket. Not thread-safe (the scheduler locks).
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/deadline_notices.h"

namespace hotline::service {

class DeadlineQueue {
 public:
  // Replaces whatever was queued for the ticket by `notices` (all of that ticket).
  void Track(TicketId ticket, const std::vector<DueNotice>& notices);
  void Forget(TicketId ticket) { Track(ticket, {}); }
  // Removes and returns the earliest notice due at or before `now`, if any.
  std::optional<DueNotice> PopDue(UnixSeconds now);
  // When the earliest queued notice falls due (nullopt when none is queued).
  std::optional<UnixSeconds> NextAt();

  std::size_t live() const { return live_; }          // queued notices of current generations
  std::size_t heap_size() const { return heap_.size(); }  // including stale ones
  std::size_t tickets() const { return generation_.size(); }

 private:
  struct Entry {
    UnixSeconds at;
    TicketId ticket;
    std::uint32_t generation;
    DeadlineKind kind;
    Notice notice;
  };
  static bool Later(const Entry& a, const Entry& b);
  bool Stale(const Entry& e) const;
  void DropStaleTop();
  void Compact();

  std::vector<Entry> heap_;
  struct Tracked {
    std::uint32_t generation = 0;
    std::uint32_t live = 0;  // its entries of this generation still in the heap
  };
  std::unordered_map<TicketId, Tracked> generation_;
  std::uint32_t last_generation_ = 0;
  std::size_t live_ = 0;
};

}  // namespace hotline::service

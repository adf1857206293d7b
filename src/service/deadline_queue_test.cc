#include "service/deadline_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace hotline::service {
namespace {

using K = DeadlineKind;

DueNotice N(UnixSeconds at, TicketId ticket, K kind = K::kSign, Notice notice = Notice::kOverdue) {
  return {at, ticket, kind, notice};
}

TEST(DeadlineQueue, GivesWhatIsDueEarliestFirst) {
  DeadlineQueue q;
  q.Track(1, {N(300, 1), N(100, 1, K::kHandle, Notice::kWarn)});
  q.Track(2, {N(200, 2)});
  EXPECT_EQ(q.NextAt(), 100);
  EXPECT_FALSE(q.PopDue(99).has_value()) << "nothing due yet";
  EXPECT_EQ(q.PopDue(1000), N(100, 1, K::kHandle, Notice::kWarn));
  EXPECT_EQ(q.PopDue(1000), N(200, 2));
  EXPECT_EQ(q.PopDue(1000), N(300, 1));
  EXPECT_FALSE(q.PopDue(1000).has_value());
  EXPECT_EQ(q.live(), 0u);
  EXPECT_EQ(q.tickets(), 0u);
}

TEST(DeadlineQueue, TrackingAgainReplacesAndForgettingRemoves) {
  DeadlineQueue q;
  q.Track(1, {N(100, 1), N(200, 1, K::kReply)});
  q.Track(1, {N(150, 1, K::kContact)});  // the ticket changed: only this is owed now
  EXPECT_EQ(q.live(), 1u);
  EXPECT_EQ(q.PopDue(1000), N(150, 1, K::kContact));
  EXPECT_FALSE(q.PopDue(1000).has_value()) << "the replaced notices are gone";

  q.Track(2, {N(100, 2)});
  q.Forget(2);
  q.Track(2, {N(500, 2, K::kHandle)});  // tracked again: the forgotten notice stays forgotten
  EXPECT_EQ(q.NextAt(), 500);
  EXPECT_EQ(q.PopDue(1000), N(500, 2, K::kHandle));
}

// Against a plain reference (a multimap of what each ticket owes) over many random
// changes, with enough churn that the heap compacts itself several times.
TEST(DeadlineQueue, AgreesWithAReferenceUnderChurn) {
  DeadlineQueue q;
  std::map<TicketId, std::vector<DueNotice>> owed;
  std::mt19937_64 rng(7);
  UnixSeconds now = 0;
  std::size_t popped = 0;
  for (int step = 0; step < 20000; ++step) {
    const TicketId id = 1 + static_cast<TicketId>(rng() % 300);
    if (rng() % 4 != 0) {
      std::vector<DueNotice> notices;
      for (int i = 0, n = static_cast<int>(rng() % 4); i < n; ++i)
        notices.push_back(N(now + static_cast<UnixSeconds>(rng() % 1000), id, static_cast<K>(i)));
      q.Track(id, notices);
      if (notices.empty()) owed.erase(id);
      else owed[id] = notices;
      std::size_t live = 0;
      for (const auto& [ticket, list] : owed) live += list.size();
      ASSERT_LE(q.heap_size(), std::max<std::size_t>(64, 2 * live)) << "stale entries are compacted away";
    } else {
      now += static_cast<UnixSeconds>(rng() % 50);
      while (auto n = q.PopDue(now)) {
        ++popped;
        ASSERT_LE(n->at, now);
        auto& list = owed[n->ticket];
        auto it = std::find(list.begin(), list.end(), *n);
        ASSERT_NE(it, list.end()) << "only what is owed is given";
        list.erase(it);
        if (list.empty()) owed.erase(n->ticket);
      }
      for (const auto& [ticket, list] : owed)
        for (const DueNotice& n : list) ASSERT_GT(n.at, now) << "nothing due is left behind";
    }
    std::size_t live = 0;
    for (const auto& [ticket, list] : owed) live += list.size();
    ASSERT_EQ(q.live(), live);
  }
  EXPECT_GT(popped, 1000u);
}

}  // namespace
}  // namespace hotline::service

// The change feed's text form and the in-process hub (change_feed.h, change_hub.h).
#include <gtest/gtest.h>

#include <thread>

#include "store/change_hub.h"

namespace hotline {
namespace {

using K = StoreChange::Kind;

TEST(ChangeFeed, AnnouncementsReadBackFromTheirText) {
  for (const StoreChange& c : {StoreChange{K::kTicket, 42, "co-overdue", "a1b2"}, StoreChange{K::kReference, 0, "", "o"},
                               StoreChange{K::kUsers, 0, "", "o"}, StoreChange{K::kKbEntry, 0, "KB-0001 带空格", "o"}}) {
    auto back = DecodeStoreChange(EncodeStoreChange(c));
    ASSERT_TRUE(back) << EncodeStoreChange(c);
    EXPECT_EQ(*back, c);
  }
  for (const char* bad : {"", "t", "x o 1 k", "t  1 k", "t o x k", "t o 1"}) EXPECT_FALSE(DecodeStoreChange(bad)) << bad;
  EXPECT_NE(NewStoreOrigin(), NewStoreOrigin());
  EXPECT_EQ(NewStoreOrigin().size(), 16u);
}

TEST(ChangeHub, EveryWatcherHearsEachAnnouncementOnce) {
  ChangeHub hub;
  auto a = hub.Watch();
  auto b = hub.Watch();
  std::thread writer([&] { hub.Announce(StoreChange{K::kTicket, 7, "sign", "o"}); });
  writer.join();
  EXPECT_EQ(a->Next(std::chrono::milliseconds(500))->changes.size(), 1u);
  EXPECT_EQ(b->Next(std::chrono::milliseconds(500))->changes.size(), 1u);
  EXPECT_TRUE(a->Next(std::chrono::milliseconds(1))->changes.empty()) << "once";
  b.reset();  // a watcher gone is forgotten
  hub.Announce(StoreChange{K::kUsers, 0, "", "o"});
  EXPECT_EQ(a->Next(std::chrono::milliseconds(1))->changes.size(), 1u);
}

TEST(ChangeHub, AWatcherThatFallsBehindIsToldSo) {
  ChangeHub hub;
  auto w = hub.Watch();
  for (std::size_t i = 0; i < ChangeHub::kMaxBuffered + 5; ++i)
    hub.Announce(StoreChange{K::kTicket, static_cast<TicketId>(i + 1), "supplement", "o"});
  auto batch = w->Next(std::chrono::milliseconds(1));
  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(batch->lost);
  ASSERT_EQ(batch->changes.size(), ChangeHub::kMaxBuffered);
  EXPECT_EQ(batch->changes.front().ticket, 6) << "the oldest were dropped";
  EXPECT_FALSE(w->Next(std::chrono::milliseconds(1))->lost);
}

}  // namespace
}  // namespace hotline

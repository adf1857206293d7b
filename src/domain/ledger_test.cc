#include "domain/ledger.h"

#include <gtest/gtest.h>


namespace hotline {
namespace {

TEST(LedgerMonth, SpansTheCalendarMonthInCityTime) {
  auto jan = ParseLedgerMonth("2026-01");
  ASSERT_TRUE(jan.ok());
  // 2026-01-01 00:00 in Beijing is 2025-12-31 16:00 UTC.
  EXPECT_EQ(jan->from, 1767225600 - 8 * 3600);
  auto feb = ParseLedgerMonth("2026-02");
  ASSERT_TRUE(feb.ok());
  EXPECT_EQ(jan->to, feb->from);
  EXPECT_EQ(feb->to - feb->from, 28 * 86400);
  auto dec = ParseLedgerMonth("2024-12");
  ASSERT_TRUE(dec.ok());
  EXPECT_EQ(dec->to - dec->from, 31 * 86400);
  EXPECT_EQ(LedgerMonthOf(dec->from), "2024-12");
  EXPECT_EQ(LedgerMonthOf(dec->to - 1), "2024-12");
  EXPECT_EQ(LedgerMonthOf(dec->to), "2025-01");
}

TEST(LedgerMonth, RefusesAnythingButYyyyMmNamingTheField) {
  for (const char* bad : {"", "2026", "2026-1", "2026-13", "2026-00", "1999-12", "2026/01", "2026-01-01", "２０２６-01",
                          "+026-01", "2026- 1"}) {
    auto span = ParseLedgerMonth(bad);
    ASSERT_FALSE(span.ok()) << bad;
    EXPECT_EQ(span.status().field(), "month") << bad;
    EXPECT_EQ(span.status().reason().name(), "invalid_value") << bad;
  }
}

Event Closing(const std::string& command, TicketState from) {
  Event e;
  e.command = command;
  e.from = from;
  e.to = TicketState::kClosed;
  return e;
}

TEST(LedgerClearing, TheClosingEventSaysHow) {
  EXPECT_EQ(HowCleared(Closing("callback", TicketState::kToCallback)), ClearedHow::kSatisfied);
  EXPECT_EQ(HowCleared(Closing("close", TicketState::kUnsatisfied)), ClearedHow::kClosedWithReason);
  EXPECT_EQ(HowCleared(Closing("close", TicketState::kToCallback)), ClearedHow::kClosedUnreachable);
  EXPECT_EQ(HowCleared(Closing("review", TicketState::kReplied)), ClearedHow::kClosed);
  EXPECT_EQ(Name(ClearedHow::kClosedWithReason), "closed_with_reason");
}

TEST(LedgerClearing, RateIsClearedOverTotal) {
  EXPECT_DOUBLE_EQ(ClearDownRate(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(ClearDownRate(3, 4), 0.75);
  EXPECT_DOUBLE_EQ(ClearDownRate(5, 5), 1.0);
}

}  // namespace
}  // namespace hotline

#include "domain/ticket_number.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(TicketNumber, DateIsTheCitysAndIdHasSixDigits) {
  Ticket t;
  t.id = 42;
  t.created_at = 1795420800;  // 2026-11-23T08:00:00Z = 16:00 in the city
  EXPECT_EQ(TicketNumber(t), "LC20261123000042");
  t.created_at = 1795420800 + 9 * 3600;  // 01:00 on the 24th in the city, still the 23rd in UTC
  EXPECT_EQ(TicketNumber(t), "LC20261124000042");
  t.id = 12345678;
  EXPECT_EQ(TicketNumber(t), "LC2026112412345678");
}

TEST(TicketNumber, IdRoundTripsAndGarbageIsRefused) {
  Ticket t;
  t.id = 7;
  t.created_at = 1795420800;
  EXPECT_EQ(TicketIdFromNumber(TicketNumber(t)), 7);
  EXPECT_EQ(TicketIdFromNumber("lc20261123000007"), 7);             // users type it in lower case
  EXPECT_EQ(TicketIdFromNumber("Lc20261123000007"), 7);
  EXPECT_EQ(TicketIdFromNumber("LC20261123"), std::nullopt);        // no id
  EXPECT_EQ(TicketIdFromNumber("XX20261123000007"), std::nullopt);  // wrong prefix
  EXPECT_EQ(TicketIdFromNumber("LC2026112300000a"), std::nullopt);  // not digits
  EXPECT_EQ(TicketIdFromNumber("LC20261123000000"), std::nullopt);  // id 0
  EXPECT_EQ(TicketIdFromNumber("LC" + std::string(30, '1')), std::nullopt);  // too long
}

}  // namespace
}  // namespace hotline

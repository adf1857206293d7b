#include "domain/kb_entry.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

KbEntry Valid() {
  KbEntry e;
  e.question = "供暖时间是什么时候？";
  e.answer = "每年11月15日至次年3月15日。";
  e.category = "010101";
  return e;
}

TEST(KbEntry, ValidationNamesTheField) {
  Taxonomy tax = testing::SmallTaxonomy();
  UnitTree units = testing::SmallCity();
  EXPECT_TRUE(ValidateKbEntry(Valid(), &tax, &units).ok());
  KbEntry e = Valid();
  e.question.clear();
  EXPECT_EQ(ValidateKbEntry(e, &tax, &units).field(), "question");
  e = Valid();
  e.answer = std::string(20001, 'a');
  EXPECT_EQ(ValidateKbEntry(e, &tax, &units).field(), "answer");
  e = Valid();
  e.valid_from = "2026-13-01";
  EXPECT_EQ(ValidateKbEntry(e, &tax, &units).field(), "valid_from");
  e = Valid();
  e.valid_from = "2026-05-01";
  e.valid_to = "2026-04-30";
  EXPECT_EQ(ValidateKbEntry(e, &tax, &units).field(), "valid_to");
  e = Valid();
  e.category = "99";
  EXPECT_EQ(ValidateKbEntry(e, &tax, &units).field(), "category");
  e = Valid();
  e.unit = "NOPE";
  EXPECT_EQ(ValidateKbEntry(e, &tax, &units).field(), "unit");
}

TEST(KbEntry, ValidityWindow) {
  KbEntry e = Valid();
  e.valid_from = "2026-01-01";
  e.valid_to = "2026-12-31";
  EXPECT_TRUE(KbEntryValidOn(e, "2026-06-01"));
  EXPECT_FALSE(KbEntryValidOn(e, "2025-12-31"));
  EXPECT_FALSE(KbEntryValidOn(e, "2027-01-01"));
  e.active = false;
  EXPECT_FALSE(KbEntryValidOn(e, "2026-06-01"));
}

}  // namespace
}  // namespace hotline

#include "domain/catalog.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

TEST(Catalog, MostSpecificRuleWins) {
  UnitTree units = testing::SmallCity();
  Taxonomy tax = testing::SmallTaxonomy();
  std::vector<CatalogRule> rules = {
      {"01", "", "any", "C", {}},
      {"0101", "", "any", "HEAT", {"D1"}},
      {"010101", "D1", "any", "D1", {}},
      {"010101", "S1", "any", "S1", {}},  // 一单到底: straight to the street office
      {"0101", "", "yes", "C", {}},
  };
  auto at = [&](const std::string& area, bool ent = false) {
    auto r = MatchCatalog(rules, tax, units, "010101", area, ent);
    return r ? r->lead : std::string("none");
  };
  EXPECT_EQ(at("S1C1"), "S1");  // nearest area
  EXPECT_EQ(at("S2"), "D1");
  EXPECT_EQ(at("S3"), "HEAT");  // no located rule: the level-2 rule
  EXPECT_EQ(at(""), "HEAT");
  EXPECT_EQ(MatchCatalog(rules, tax, units, "0101", "", true)->lead, "C");  // enterprise rule at the same depth
  EXPECT_EQ(MatchCatalog(rules, tax, units, "01", "", false)->lead, "C");
  EXPECT_FALSE(MatchCatalog(rules, tax, units, "99", "", false).has_value());
}

// 联席会议: a decision becomes an exception rule that wins for its kind of appeal
// where it was decided, and replaces an earlier exception for the same kind.
TEST(Catalog, JointReviewExceptionWinsForItsKindOnly) {
  UnitTree units = testing::SmallCity();
  Taxonomy tax = testing::SmallTaxonomy();
  std::vector<CatalogRule> rules = {{"01", "", "any", "C", {}}, {"010101", "D1", "any", "D1", {}}};
  rules = WithRule(rules, ExceptionRule("010101", "S1", false, "S1", {"HEAT"}));
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(MatchCatalog(rules, tax, units, "010101", "S1C1", false)->lead, "S1");
  EXPECT_EQ(MatchCatalog(rules, tax, units, "010101", "S1C1", false)->co_units, std::vector<std::string>{"HEAT"});
  EXPECT_EQ(MatchCatalog(rules, tax, units, "010101", "S2", false)->lead, "D1");       // elsewhere: unchanged
  EXPECT_EQ(MatchCatalog(rules, tax, units, "010101", "S1C1", true)->lead, "D1");      // a company's: unchanged
  rules = WithRule(rules, ExceptionRule("010101", "S1", false, "D1", {}));            // decided again
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(MatchCatalog(rules, tax, units, "010101", "S1C1", false)->lead, "D1");
}

}  // namespace
}  // namespace hotline

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

}  // namespace
}  // namespace hotline

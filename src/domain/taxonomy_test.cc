#include "domain/taxonomy.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

TEST(Taxonomy, LeavesAndNames) {
  Taxonomy t = testing::SmallTaxonomy();
  EXPECT_TRUE(t.IsLeaf("010101"));
  EXPECT_FALSE(t.IsLeaf("0101"));
  EXPECT_FALSE(t.IsLeaf("99"));
  EXPECT_EQ(t.FullName("010101"), "城乡建设 / 供热 / 室温不达标");
  EXPECT_EQ(t.Lineage("010101"), (std::vector<std::string>{"010101", "0101", "01"}));
}

TEST(Taxonomy, RejectsLevelSkips) {
  auto r = Taxonomy::Build({{"01", "a", "", 1}, {"010101", "b", "01", 3}});
  EXPECT_EQ(r.status().field(), "level");
  auto r2 = Taxonomy::Build({{"01", "a", "", 2}});
  EXPECT_EQ(r2.status().field(), "parent");
}

}  // namespace
}  // namespace hotline

#include "domain/unit_tree.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

TEST(UnitTree, SubtreeAndAncestry) {
  UnitTree t = testing::SmallCity();
  EXPECT_TRUE(t.IsWithin("S1C1", "D1"));
  EXPECT_TRUE(t.IsWithin("S1", "S1"));
  EXPECT_FALSE(t.IsWithin("S3", "D1"));
  EXPECT_FALSE(t.IsWithin("NOPE", "C"));
  auto sub = t.Subtree("D1");
  EXPECT_EQ(sub.size(), 4u);
  EXPECT_EQ(t.PathToRoot("S1C1"), (std::vector<std::string>{"S1C1", "S1", "D1", "C"}));
}

TEST(UnitTree, RejectsBadTrees) {
  auto dup = UnitTree::Build({{"A", "a", UnitKind::kCity, ""}, {"A", "b", UnitKind::kDistrict, "A"}});
  EXPECT_EQ(dup.status().code(), StatusCode::kInvalidArgument);
  auto orphan = UnitTree::Build({{"A", "a", UnitKind::kCity, ""}, {"B", "b", UnitKind::kDistrict, "X"}});
  EXPECT_EQ(orphan.status().field(), "parent");
  auto cycle = UnitTree::Build({{"A", "a", UnitKind::kCity, "B"}, {"B", "b", UnitKind::kDistrict, "A"}});
  EXPECT_FALSE(cycle.ok());
  EXPECT_NE(cycle.status().message().find("cycle"), std::string::npos);
}

}  // namespace
}  // namespace hotline

#include "triage/intake/router.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"

namespace hotline::triage {
namespace {

class RouterTest : public ::testing::Test {
 protected:
  RouterTest()
      : units_(hotline::testing::SmallCity()),
        taxonomy_(Taxonomy::Build({{"01", "城乡建设", "", 1},
                                   {"0101", "供热", "01", 2},
                                   {"010101", "室温不达标", "0101", 3},
                                   {"0102", "市容", "01", 2},
                                   {"010201", "占道经营", "0102", 3}})
                      .value()),
        router_(units_, taxonomy_,
                {{"0101", "", "any", "HEAT", {"D1"}},
                 {"0102", "", "any", "C", {}},
                 {"010201", "S1", "any", "S1", {}}}) {}
  UnitTree units_;
  Taxonomy taxonomy_;
  Router router_;
};

TEST_F(RouterTest, CatalogGivesLeadCoUnitsAndReasons) {
  auto s = router_.Suggest({{"010101", 0.9}}, "S3", false);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].unit, "HEAT");
  EXPECT_EQ(s[0].co_units, std::vector<std::string>{"D1"});
  EXPECT_NE(s[0].reasons[0].find("分派目录"), std::string::npos);
}

TEST_F(RouterTest, StreetMattersGoStraightToTheStreet) {
  auto s = router_.Suggest({{"010201", 0.8}}, "S1C1", false);  // located in a community of S1
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].unit, "S1");
  EXPECT_NE(s[0].reasons[0].find("一单到底"), std::string::npos);
  EXPECT_EQ(router_.Suggest({{"010201", 0.8}}, "S3", false)[0].unit, "C");  // elsewhere: the city rule
}

TEST_F(RouterTest, SeveralCategoriesGiveRankedUnits) {
  auto s = router_.Suggest({{"010101", 0.6}, {"010201", 0.3}}, "S1", false);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].unit, "HEAT");
  EXPECT_EQ(s[1].unit, "S1");
  EXPECT_GT(s[0].score, s[1].score);
}

TEST_F(RouterTest, UnitsThatReturnTicketsAreSuggestedLess) {
  const double before = router_.Suggest({{"010101", 0.6}, {"010201", 0.5}}, "S1", false)[0].score;
  router_.AddHistory("HEAT", "010101", 20, 15);
  auto s = router_.Suggest({{"010101", 0.6}, {"010201", 0.5}}, "S1", false);
  EXPECT_EQ(s[0].unit, "S1");  // HEAT fell below the street
  bool explained = false;
  for (const auto& u : s)
    for (const auto& r : u.reasons) explained = explained || r.find("历史退回率") != std::string::npos;
  EXPECT_TRUE(explained);
  EXPECT_LT(s[1].score, before);
  EXPECT_DOUBLE_EQ(router_.ReturnRate("HEAT", "0101"), 15.0 / 23.0);
  EXPECT_EQ(router_.ReturnRate("S1", "0101"), 0);
}

TEST_F(RouterTest, NoRuleFallsBackToTheDistrict) {
  Router empty(units_, taxonomy_, {});
  auto s = empty.Suggest({{"010101", 1.0}}, "S1C1", false);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].unit, "D1");
  EXPECT_TRUE(empty.Suggest({{"999", 1.0}}, "S1", false).empty());
  EXPECT_TRUE(empty.Suggest({}, "", false).empty());
}

}  // namespace
}  // namespace hotline::triage

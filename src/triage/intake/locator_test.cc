#include "triage/intake/locator.h"

#include <gtest/gtest.h>

#include "app/csv_reader.h"
#include "app/reference_files.h"

namespace hotline::triage {
namespace {

class LocatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = app::DataDir();
    units_ = UnitTree::Build(*app::LoadUnitsFile(dir + "/demo/units.csv")).value();
    auto centers = app::CsvTable::ReadFile(dir + "/demo/street_centers.csv");
    ASSERT_TRUE(centers.ok());
    std::vector<StreetCenter> list;
    for (std::size_t i = 0; i < centers->size(); ++i)
      list.push_back({centers->Get(i, "code"), std::stod(centers->Get(i, "lat")), std::stod(centers->Get(i, "lon"))});
    locator_ = std::make_unique<Locator>(units_, std::move(list));
  }
  std::string Area(const std::string& address) {
    auto loc = locator_->FromAddress(address);
    return loc ? loc->area : "none";
  }
  UnitTree units_;
  std::unique_ptr<Locator> locator_;
};

TEST_F(LocatorTest, FullAddressesAndMissingLevels) {
  EXPECT_EQ(Area("临川市东城区东华街道幸福里社区3号楼"), "LC-D01-S01-C01");
  auto loc = locator_->FromAddress("幸福里社区门口");  // no district or street given
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->street, "LC-D01-S01");
  EXPECT_EQ(loc->district, "LC-D01");
  EXPECT_EQ(Area("东城区鼓楼街道人民路12号"), "LC-D01-S02");
  EXPECT_EQ(Area("西湖区某小区"), "LC-D02");
}

TEST_F(LocatorTest, ShortFormsAndTypos) {
  EXPECT_EQ(Area("东城东华人民路"), "LC-D01-S01");     // short forms of 东城区, 东华街道
  EXPECT_EQ(Area("东城区东化街道人民路"), "LC-D01-S01");  // 东化: one character wrong
  EXPECT_EQ(Area("火星基地"), "none");
  EXPECT_EQ(Area(""), "none");
  EXPECT_EQ(Area(std::string(5000, 'x')), "none");
}

TEST_F(LocatorTest, PointsMapToTheNearestStreet) {
  auto loc = locator_->FromPoint(27.950000, 116.372000);  // LC-D01-S01's centre
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->street, "LC-D01-S01");
  EXPECT_EQ(loc->district, "LC-D01");
  EXPECT_FALSE(locator_->FromPoint(39.9, 116.4).has_value());  // far away: Beijing
  EXPECT_FALSE(locator_->FromPoint(123, 0).has_value());
}

}  // namespace
}  // namespace hotline::triage

#include "triage/intake/locator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

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
    for (std::size_t i = 0; i < centers->size(); ++i)
      geo_.centers.push_back(
          {centers->Get(i, "code"), std::stod(centers->Get(i, "lat")), std::stod(centers->Get(i, "lon"))});
    std::ifstream in(dir + "/demo/city.geojson");
    std::stringstream text;
    text << in.rdbuf();
    auto areas = ParseGeoJsonAreas(text.str());
    ASSERT_TRUE(areas.ok()) << areas.status().ToString();
    geo_.areas = std::move(areas).value();
    locator_ = std::make_unique<Locator>(units_, geo_);
  }
  std::string Area(const std::string& address) {
    auto loc = locator_->FromAddress(address);
    return loc ? loc->area : "none";
  }
  UnitTree units_;
  CityGeography geo_;
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

// Issue 9: the home city's own name is not one of its districts.
TEST_F(LocatorTest, TheCitysOwnNameIsNotADistrict) {
  EXPECT_EQ(Area("今年临川市什么时候开始供暖"), "none");  // was 临川高新区 at 80 %
  EXPECT_EQ(Area("临川的公交车太少了"), "none");
  EXPECT_EQ(Area("临川市东城区鼓楼街道"), "LC-D01-S02");
  EXPECT_EQ(Area("临川高新区科创街道"), "LC-D03-S01");
  EXPECT_EQ(Area("临川高新那边的路灯坏了"), "LC-D03");  // its short form without 区 still works
  // A district named like the city is not found in the city's name by the one-typo rule either.
  UnitTree tree = UnitTree::Build({{"C", "临川市", UnitKind::kCity, ""},
                                   {"D1", "临川区", UnitKind::kDistrict, "C"},
                                   {"S1", "青云街道", UnitKind::kStreet, "D1"}})
                      .value();
  Locator locator(tree, {});
  EXPECT_FALSE(locator.FromAddress("临川市什么时候开始供暖").has_value());
  ASSERT_TRUE(locator.FromAddress("临川市临川区青云街道").has_value());
  EXPECT_EQ(locator.FromAddress("临川市临川区青云街道")->area, "S1");
  EXPECT_EQ(locator.FromAddress("临川区的路灯")->area, "D1");
}

TEST_F(LocatorTest, PointsMapToTheStreetWhosePolygonHoldsThem) {
  ASSERT_EQ(geo_.areas.size(), geo_.centers.size() + 6);  // every street, and the six districts
  for (const StreetCenter& c : geo_.centers) {
    auto loc = locator_->FromPoint(c.lat, c.lon);
    ASSERT_TRUE(loc.has_value()) << c.code;
    EXPECT_EQ(loc->street, c.code);
    EXPECT_EQ(loc->district, c.code.substr(0, 6)) << c.code;  // LC-D01-S01 → LC-D01
    EXPECT_EQ(loc->area, c.code);
  }
  EXPECT_FALSE(locator_->FromPoint(39.9, 116.4).has_value());     // Beijing
  EXPECT_FALSE(locator_->FromPoint(27.95, 116.52).has_value());   // 15 km east: outside the city's outline
  EXPECT_FALSE(locator_->FromPoint(123, 0).has_value());
  EXPECT_FALSE(locator_->FromPoint(std::nan(""), 116.36).has_value());
}

TEST_F(LocatorTest, WithoutPolygonsPointsGoToTheNearestCentreWithinReach) {
  Locator by_centre(units_, {geo_.centers, {}});
  const StreetCenter& c = geo_.centers.front();
  auto loc = by_centre.FromPoint(c.lat + 0.001, c.lon);
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->street, c.code);
  // 15 km east of the centre: outside the outline, but within 10 km of a street centre.
  EXPECT_TRUE(by_centre.FromPoint(27.95, 116.52, /*max_km=*/10).has_value());
  EXPECT_FALSE(locator_->FromPoint(27.95, 116.52, /*max_km=*/10).has_value());  // polygons decide
  EXPECT_FALSE(by_centre.FromPoint(39.9, 116.4).has_value());
}

TEST(GeoJson, PolygonsHolesAndBadInput) {
  auto areas = ParseGeoJsonAreas(R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"code":"A","kind":"street"},"geometry":{"type":"Polygon","coordinates":[
      [[0,0],[10,0],[10,10],[0,10],[0,0]], [[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
    {"type":"Feature","properties":{"code":"B"},"geometry":{"type":"MultiPolygon","coordinates":[
      [[[20,0],[21,0],[21,1],[20,0]]], [[[30,0],[31,0],[31,1],[30,0]]]]}},
    {"type":"Feature","properties":{"name":"no code"},"geometry":{"type":"Point","coordinates":[1,1]}}]})");
  ASSERT_TRUE(areas.ok()) << areas.status().ToString();
  ASSERT_EQ(areas->size(), 2u);
  const AreaPolygon& a = (*areas)[0];
  EXPECT_EQ(a.kind, "street");
  EXPECT_TRUE(a.Contains(/*lat=*/2, /*lon=*/2));
  EXPECT_FALSE(a.Contains(5, 5));  // in the hole
  EXPECT_FALSE(a.Contains(11, 2));
  EXPECT_TRUE((*areas)[1].Contains(0.2, 30.8));  // the second polygon of B

  EXPECT_EQ(ParseGeoJsonAreas("").status().field(), "geojson");
  EXPECT_EQ(ParseGeoJsonAreas("[1,2]").status().field(), "geojson");
  auto broken = ParseGeoJsonAreas(R"({"features":[{"properties":{"code":"X"},
    "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,"a"],[1,1],[0,0]]]}}]})");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("X"), std::string::npos);
}

}  // namespace
}  // namespace hotline::triage

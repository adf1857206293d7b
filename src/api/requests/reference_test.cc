#include "api/requests/reference.h"

#include "api/requests/test_util.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

TEST(ReferenceRequestTest, Units) {
  // As the console sends them (UnitsView: code, name, kind, parent or null).
  const json body = {{"items",
                      {{{"code", "LC"}, {"name", "临川市"}, {"kind", "city"}, {"parent", nullptr}},
                       {{"code", "LC-D01"}, {"name", "东城区"}, {"kind", "district"}, {"parent", "LC"}}}}};
  auto units = DecodeUnits(body);
  ASSERT_TRUE(units.ok()) << units.status().ToString();
  ASSERT_EQ(units->size(), 2u);
  EXPECT_EQ((*units)[1].parent, "LC");
  EXPECT_EQ((*units)[1].kind, UnitKind::kDistrict);
  json extra = body;
  extra["items"][1]["level"] = 2;
  EXPECT_TRUE(Refused(DecodeUnits(extra), "items[1].level", Reasons::kUnknownField));
  extra = body;
  extra["replace"] = true;
  EXPECT_TRUE(Refused(DecodeUnits(extra), "replace", Reasons::kUnknownField));
  json wrong = body;
  wrong["items"][0]["kind"] = "planet";
  EXPECT_TRUE(Refused(DecodeUnits(wrong), "items[0].kind", Reasons::kInvalidValue));
  wrong = body;
  wrong["items"][1]["name"] = 5;
  EXPECT_TRUE(Refused(DecodeUnits(wrong), "items[1].name", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(DecodeUnits({{"items", {1}}}), "items[0]", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(DecodeUnits(json::object()), "items", Reasons::kInvalidValue));
}

TEST(ReferenceRequestTest, Categories) {
  const json body = {{"items",
                      {{{"code", "01"}, {"name", "城乡建设"}, {"level", 1}, {"parent", nullptr}},
                       {{"code", "0101"}, {"name", "市政设施"}, {"level", 2}, {"parent", "01"}}}}};
  auto cats = DecodeCategories(body);
  ASSERT_TRUE(cats.ok()) << cats.status().ToString();
  EXPECT_EQ((*cats)[1].level, 2);
  json extra = body;
  extra["items"][0]["kind"] = "x";
  EXPECT_TRUE(Refused(DecodeCategories(extra), "items[0].kind", Reasons::kUnknownField));
  json wrong = body;
  wrong["items"][1]["level"] = "2";
  EXPECT_TRUE(Refused(DecodeCategories(wrong), "items[1].level", Reasons::kInvalidValue));
  wrong["items"][1]["level"] = 4294967298LL;  // would wrap to 2 as an int
  EXPECT_TRUE(Refused(DecodeCategories(wrong), "items[1].level", Reasons::kInvalidValue));
}

TEST(ReferenceRequestTest, Catalog) {
  // As the console sends a rule (admin.js, ruleBody: area null = anywhere).
  const json body = {{"items",
                      {{{"category", "0101"}, {"area", nullptr}, {"enterprise", "any"}, {"lead", "LC-D01"},
                        {"co_units", {"LC-D02"}}}}}};
  auto rules = DecodeCatalog(body);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ((*rules)[0].lead, "LC-D01");
  EXPECT_EQ((*rules)[0].co_units, std::vector<std::string>{"LC-D02"});
  json extra = body;
  extra["items"][0]["_id"] = 3;  // the console's local key, which it strips
  EXPECT_TRUE(Refused(DecodeCatalog(extra), "items[0]._id", Reasons::kUnknownField));
  json wrong = body;
  wrong["items"][0]["co_units"] = "LC-D02";
  EXPECT_TRUE(Refused(DecodeCatalog(wrong), "items[0].co_units", Reasons::kInvalidValue));
}

}  // namespace
}  // namespace hotline::api::requests

#include "api/requests/fields.h"

#include "api/requests/test_util.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

TEST(FieldsTest, KeysOutsideTheListAreRefusedByName) {
  EXPECT_TRUE(CheckFields(json::object(), {"a"}).ok());
  EXPECT_TRUE(CheckFields({{"a", 1}, {"b", nullptr}}, {"a", "b"}).ok());
  EXPECT_TRUE(Refused(CheckFields({{"a", 1}, {"zz", 1}}, {"a"}), "zz", Reasons::kUnknownField));
  EXPECT_TRUE(Refused(CheckFields({{"x", 1}}, {"a"}, "caller"), "caller.x", Reasons::kUnknownField));
  // An empty key is still named (found by the request_body fuzzer).
  EXPECT_TRUE(Refused(CheckFields({{"a", 1}, {"", "x"}}, {"a"}), "\"\"", Reasons::kUnknownField));
  EXPECT_TRUE(Refused(CheckFields({{"", 1}}, {"a"}, "caller"), "caller.\"\"", Reasons::kUnknownField));
  // A null value does not make an unknown field acceptable.
  EXPECT_TRUE(Refused(CheckFields({{"state", nullptr}}, {"a"}), "state", Reasons::kUnknownField));
  EXPECT_TRUE(Refused(CheckFields(json::array(), {"a"}), "body", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(CheckFields("x", {"a"}, "caller"), "caller", Reasons::kInvalidValue));
}

TEST(FieldsTest, NestedObjectsAreCheckedUnderTheirPath) {
  auto absent = NestedObject(json::object(), "caller", {"name"});
  ASSERT_TRUE(absent.ok());
  EXPECT_EQ(*absent, nullptr);
  auto null = NestedObject({{"caller", nullptr}}, "caller", {"name"});
  ASSERT_TRUE(null.ok());
  EXPECT_EQ(*null, nullptr);
  const json body = {{"caller", {{"name", "张三"}}}};
  auto present = NestedObject(body, "caller", {"name"});
  ASSERT_TRUE(present.ok());
  EXPECT_EQ((**present)["name"], "张三");
  EXPECT_TRUE(
      Refused(NestedObject({{"caller", {{"name", "x"}, {"id", 1}}}}, "caller", {"name"}), "caller.id",
              Reasons::kUnknownField));
  EXPECT_TRUE(Refused(NestedObject({{"caller", "张三"}}, "caller", {"name"}), "caller", Reasons::kInvalidValue));
}

TEST(FieldsTest, LocationNeedsBothCoordinatesAsNumbers) {
  auto none = ReadLocation(json::object());
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto point = ReadLocation({{"location", {{"lat", 27.95}, {"lon", 116.37}}}});
  ASSERT_TRUE(point.ok());
  ASSERT_TRUE(point->has_value());
  EXPECT_DOUBLE_EQ((*point)->lat, 27.95);
  EXPECT_DOUBLE_EQ((*point)->lon, 116.37);
  EXPECT_TRUE(Refused(ReadLocation({{"location", {{"lat", "n"}}}}), "location.lat", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(ReadLocation({{"location", {{"lat", 1}}}}), "location.lon", Reasons::kRequired));
  EXPECT_TRUE(Refused(ReadLocation({{"location", {{"lat", 1}, {"lon", 2}, {"alt", 3}}}}), "location.alt",
                      Reasons::kUnknownField));
  EXPECT_TRUE(Refused(ReadLocation({{"location", json::array({1, 2})}}), "location", Reasons::kInvalidValue));
}

}  // namespace
}  // namespace hotline::api::requests

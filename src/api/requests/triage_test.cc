#include "api/requests/triage.h"

#include "api/requests/test_util.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

// What the console (web/src/domain/triage.js, triageBody) sends.
json Body() {
  return {{"content", "路灯不亮"},
          {"enterprise", false},
          {"address", "人民路12号"},
          {"category", "0101"},
          {"location", {{"lat", 27.95}, {"lon", 116.37}}}};
}

TEST(TriageRequestTest, TheDocumentedBodyIsAccepted) {
  auto in = DecodeTriage(Body());
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->content, "路灯不亮");
  EXPECT_EQ(in->address, "人民路12号");
  EXPECT_EQ(in->category, "0101");
  ASSERT_TRUE(in->location);
  EXPECT_DOUBLE_EQ(in->location->lat, 27.95);
  auto empty = DecodeTriage(json::object());
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->location);
  json null_location = Body();
  null_location["location"] = nullptr;
  EXPECT_TRUE(DecodeTriage(null_location).ok());
}

TEST(TriageRequestTest, UnknownFieldsAndWrongTypesAreNamed) {
  json body = Body();
  body["channel"] = "phone";
  EXPECT_TRUE(Refused(DecodeTriage(body), "channel", Reasons::kUnknownField));
  body = Body();
  body["location"]["zoom"] = 12;
  EXPECT_TRUE(Refused(DecodeTriage(body), "location.zoom", Reasons::kUnknownField));
  body = Body();
  body["content"] = 5;
  EXPECT_TRUE(Refused(DecodeTriage(body), "content", Reasons::kInvalidValue));
  body = Body();
  body["enterprise"] = "no";
  EXPECT_TRUE(Refused(DecodeTriage(body), "enterprise", Reasons::kInvalidValue));
  body = Body();
  body["location"] = {{"lat", "n"}};
  EXPECT_TRUE(Refused(DecodeTriage(body), "location.lat", Reasons::kInvalidValue));
}

}  // namespace
}  // namespace hotline::api::requests

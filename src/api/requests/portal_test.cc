#include "api/requests/portal.h"

#include "api/requests/test_util.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

// What the portal (web/src/domain/portal.js, buildPortalAppeal) sends.
json PortalAppeal() {
  return {{"channel", "mini_program"},
          {"appeal_type", "complaint"},
          {"content", "幸福里小区门口垃圾堆放多日无人清运"},
          {"caller", {{"name", "李四"}, {"phone", "13912345678"}}},
          {"address", "幸福里小区"},
          {"area", "LC-D01-S01"},
          {"location", {{"lat", 27.95}, {"lon", 116.37}}}};
}

TEST(PortalRequestTest, TheDocumentedAppealIsAccepted) {
  auto a = DecodePortalAppeal(PortalAppeal());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->channel, Channel::kMiniProgram);
  EXPECT_EQ(a->caller.phone, "13912345678");
  EXPECT_EQ(a->area, "LC-D01-S01");
  ASSERT_TRUE(a->location);
  json web = PortalAppeal();
  web.erase("channel");
  auto defaulted = DecodePortalAppeal(web);
  ASSERT_TRUE(defaulted.ok());
  EXPECT_EQ(defaulted->channel, Channel::kWeb);
}

TEST(PortalRequestTest, WhatStaffOrTheServerSetIsRefusedByName) {
  for (const char* field : {"category", "enterprise", "urgent", "urgency", "query_code", "state", "id", "lead_unit", "enterprise_verified"}) {
    json body = PortalAppeal();
    body[field] = (field == std::string("enterprise") || field == std::string("urgent")) ? json(true) : json("x");
    EXPECT_TRUE(Refused(DecodePortalAppeal(body), field, Reasons::kUnknownField)) << field;
  }
  json body = PortalAppeal();
  body["caller"]["verified"] = true;
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "caller.verified", Reasons::kUnknownField));
  body = PortalAppeal();
  body["location"]["source"] = "gps";
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "location.source", Reasons::kUnknownField));
}

TEST(PortalRequestTest, ChannelPhoneAndTypesAreChecked) {
  json body = PortalAppeal();
  body["channel"] = "phone";
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "channel", Reasons::kInvalidValue));
  body = PortalAppeal();
  body["caller"].erase("phone");
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "caller.phone", Reasons::kRequired));
  body.erase("caller");
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "caller.phone", Reasons::kRequired));
  body = PortalAppeal();
  body["caller"]["phone"] = "12345";
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "caller.phone", Reasons::kInvalidValue));
  body["caller"]["phone"] = 13912345678;
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "caller.phone", Reasons::kInvalidValue));
  body = PortalAppeal();
  body["area"] = 7;
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "area", Reasons::kInvalidValue));
  body = PortalAppeal();
  body.erase("content");
  EXPECT_TRUE(Refused(DecodePortalAppeal(body), "content", Reasons::kRequired));
}

TEST(PortalRequestTest, Evaluation) {
  auto e = DecodePortalEvaluation({{"code", "123456"}, {"satisfaction", "basically_satisfied"}, {"resolved", false}});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->code, "123456");
  EXPECT_EQ(e->input.satisfaction, Satisfaction::kBasicallySatisfied);
  EXPECT_EQ(e->input.resolved, false);
  EXPECT_FALSE(e->input.unreachable);
  const json good = {{"code", "123456"}, {"satisfaction", "satisfied"}, {"resolved", true}};
  for (const char* field : {"unreachable", "reason", "number"}) {
    json body = good;
    body[field] = true;
    EXPECT_TRUE(Refused(DecodePortalEvaluation(body), field, Reasons::kUnknownField)) << field;
  }
  for (const char* field : {"code", "satisfaction", "resolved"}) {
    json body = good;
    body.erase(field);
    EXPECT_TRUE(Refused(DecodePortalEvaluation(body), field, Reasons::kRequired)) << field;
  }
  json body = good;
  body["satisfaction"] = "great";
  EXPECT_TRUE(Refused(DecodePortalEvaluation(body), "satisfaction", Reasons::kInvalidValue));
  body = good;
  body["resolved"] = "yes";
  EXPECT_TRUE(Refused(DecodePortalEvaluation(body), "resolved", Reasons::kInvalidValue));
  body = good;
  body["code"] = 123456;
  EXPECT_TRUE(Refused(DecodePortalEvaluation(body), "code", Reasons::kInvalidValue));
}

}  // namespace
}  // namespace hotline::api::requests

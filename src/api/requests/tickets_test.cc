#include "api/requests/tickets.h"

#include <algorithm>

#include "api/requests/test_util.h"
#include "domain/limits.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

json Intake() {
  return {{"channel", "phone"},
          {"appeal_type", "complaint"},
          {"content", "小区门口路灯不亮"},
          {"caller", {{"name", "李四"}, {"phone", "15512341563"}}},
          {"address", "人民路12号"},
          {"location", {{"lat", 27.95}, {"lon", 116.37}}},
          {"enterprise", true},
          {"urgent", true},
          {"category", "0101"},
          {"area", "LC-D01-S01"}};
}

TEST(IntakeRequestTest, TheDocumentedBodyIsAccepted) {
  auto a = DecodeIntake(Intake());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->channel, Channel::kPhone);
  EXPECT_EQ(a->type, AppealType::kComplaint);
  EXPECT_EQ(a->content, "小区门口路灯不亮");
  EXPECT_EQ(a->caller.name, "李四");
  EXPECT_EQ(a->caller.phone, "15512341563");
  EXPECT_EQ(a->address, "人民路12号");
  ASSERT_TRUE(a->location);
  EXPECT_DOUBLE_EQ(a->location->lon, 116.37);
  EXPECT_TRUE(a->enterprise);
  EXPECT_EQ(a->urgency, Urgency::kUrgent) << "urgent: true, the older spelling";
  EXPECT_EQ(a->category, "0101");
  EXPECT_EQ(a->area, "LC-D01-S01");
  EXPECT_TRUE(a->query_code.empty());
  // The minimum, and nulls for what is optional.
  auto minimal = DecodeIntake(
      {{"channel", "web"}, {"appeal_type", "help"}, {"content", "x"}, {"caller", nullptr}, {"location", nullptr}});
  ASSERT_TRUE(minimal.ok()) << minimal.status().ToString();
  EXPECT_FALSE(minimal->location);
  EXPECT_EQ(minimal->urgency, Urgency::kNormal);
}

TEST(IntakeRequestTest, UrgencyByNameAgreeingWithTheOlderBool) {
  json body = Intake();
  body.erase("urgent");
  body["urgency"] = "important";
  EXPECT_EQ(DecodeIntake(body)->urgency, Urgency::kImportant);
  body["urgent"] = false;
  EXPECT_EQ(DecodeIntake(body)->urgency, Urgency::kImportant) << "important is not urgent: they agree";
  body["urgent"] = true;
  EXPECT_EQ(DecodeIntake(body).status().field(), "urgency");
  body.erase("urgent");
  body["urgency"] = "URGENT";
  EXPECT_EQ(DecodeIntake(body).status().field(), "urgency");
  body["urgency"] = 2;
  EXPECT_EQ(DecodeIntake(body).status().field(), "urgency");
}

TEST(IntakeRequestTest, WhatTheServerSetsIsRefusedByName) {
  for (const char* field : {"state", "id", "version", "events", "lead_unit", "query_code", "number", "priority",
                            "co_units", "due_at", "created_at", "appeal", "enterprise_verified"}) {
    json body = Intake();
    body[field] = "x";
    EXPECT_TRUE(Refused(DecodeIntake(body), field, Reasons::kUnknownField)) << field;
  }
}

TEST(IntakeRequestTest, UnknownNestedFieldsAreNamedWithTheirPath) {
  json body = Intake();
  body["caller"]["id_number"] = "110101199001011234";
  EXPECT_TRUE(Refused(DecodeIntake(body), "caller.id_number", Reasons::kUnknownField));
  body = Intake();
  body["location"]["accuracy"] = 5;
  EXPECT_TRUE(Refused(DecodeIntake(body), "location.accuracy", Reasons::kUnknownField));
}

TEST(IntakeRequestTest, WrongTypesAndMissingFieldsAreNamed) {
  const std::vector<std::pair<json::json_pointer, json>> wrong = {
      {json::json_pointer("/channel"), 5},
      {json::json_pointer("/channel"), "carrier_pigeon"},
      {json::json_pointer("/appeal_type"), true},
      {json::json_pointer("/content"), json::array()},
      {json::json_pointer("/caller"), "李四"},
      {json::json_pointer("/caller/phone"), 15512341563},
      {json::json_pointer("/address"), 12},
      {json::json_pointer("/enterprise"), "yes"},
      {json::json_pointer("/category"), 101},
      {json::json_pointer("/area"), false},
      {json::json_pointer("/location/lat"), "27.95"},
  };
  for (const auto& [path, value] : wrong) {
    json body = Intake();
    body[path] = value;
    std::string field = path.to_string().substr(1);
    std::replace(field.begin(), field.end(), '/', '.');
    EXPECT_TRUE(Refused(DecodeIntake(body), field, Reasons::kInvalidValue)) << field << " = " << value;
  }
  for (const char* field : {"channel", "appeal_type", "content"}) {
    json body = Intake();
    body.erase(field);
    EXPECT_TRUE(Refused(DecodeIntake(body), field, Reasons::kRequired)) << field;
  }
  json body = Intake();
  body["content"] = std::string(kMaxContentBytes + 1, 'x');
  EXPECT_TRUE(Refused(DecodeIntake(body), "content", Reasons::kTooLong));
  EXPECT_TRUE(Refused(DecodeIntake(json::array()), "body", Reasons::kInvalidValue));
}

HttpRequest Query(std::initializer_list<std::pair<const std::string, std::string>> params) {
  HttpRequest r;
  r.method = "GET";
  r.path = "/api/v1/tickets";
  r.query = params;
  return r;
}

TEST(TicketFilterRequestTest, DatesMustExist) {
  const UnitTree units;
  auto ok = DecodeTicketFilter(Query({{"from", "2026-02-28"}, {"to", "2024-02-29"}}), units);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->from, 1772236800 - 8 * 3600);  // 2026-02-28T00:00:00+08:00
  EXPECT_EQ(ok->to, 1709164800 - 8 * 3600);    // 2024-02-29T00:00:00+08:00
  auto seconds = DecodeTicketFilter(Query({{"from", "1772208000"}}), units);
  ASSERT_TRUE(seconds.ok());
  EXPECT_EQ(seconds->from, 1772208000);
  for (const char* bad : {"2026-02-31", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                          "2026-1-1abc", "2026-01-1x", "2026/01/01", "yesterday", "+026-01-01"}) {
    EXPECT_TRUE(Refused(DecodeTicketFilter(Query({{"from", bad}}), units), "from", Reasons::kInvalidValue)) << bad;
    EXPECT_TRUE(Refused(DecodeTicketFilter(Query({{"to", bad}}), units), "to", Reasons::kInvalidValue)) << bad;
  }
}

TEST(TicketFilterRequestTest, ParametersAreCheckedAndUnknownOnesIgnored) {
  const UnitTree units;
  auto f = DecodeTicketFilter(
      Query({{"state", "triage,closed"}, {"channel", "phone"}, {"page", "2"}, {"per_page", "50"}, {"_", "1712345"}}),
      units);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->states.size(), 2u);
  EXPECT_EQ(f->page, 2);
  EXPECT_EQ(f->per_page, 50);
  EXPECT_TRUE(Refused(DecodeTicketFilter(Query({{"state", "lost"}}), units), "state", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(DecodeTicketFilter(Query({{"per_page", "201"}}), units), "per_page", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(DecodeTicketFilter(Query({{"unit", "LC-NOPE"}}), units), "unit", Reasons::kUnknownUnit));
  auto number = DecodeTicketFilter(Query({{"q", "lc20261123000042"}}), units);
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(number->id, 42);
  EXPECT_TRUE(number->query.empty());
}

}  // namespace
}  // namespace hotline::api::requests

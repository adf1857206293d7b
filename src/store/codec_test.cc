#include "store/codec.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

using nlohmann::json;

TEST(Codec, TicketRoundTrip) {
  Ticket t;
  t.id = 42;
  t.appeal = testing::HeatingAppeal();
  t.appeal.location = GeoPoint{36.45, 115.98};
  t.state = TicketState::kUnsatisfied;
  t.co_units = {"A", "B"};
  t.dispatch_chain = {"D1"};
  t.reply_result = ReplyResult::kExplained;
  t.satisfaction = Satisfaction::kUnsatisfied;
  t.resolved = false;
  t.due_at = 123;
  t.version = 9;
  auto back = DecodeTicket(json::parse(EncodeTicket(t).dump()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(EncodeTicket(*back), EncodeTicket(t));
}

TEST(Codec, AppealNamesTheBadField) {
  json ok = {{"channel", "phone"}, {"appeal_type", "complaint"}, {"content", "路灯不亮"}};
  EXPECT_TRUE(DecodeAppeal(ok).ok());
  auto with = [&](const char* key, json v) {
    json j = ok;
    j[key] = v;
    return DecodeAppeal(j).status();
  };
  EXPECT_EQ(with("channel", "pigeon").field(), "channel");
  EXPECT_EQ(with("channel", 3).field(), "channel");
  EXPECT_EQ(with("content", "").field(), "content");
  EXPECT_EQ(with("content", std::string(20001, 'x')).field(), "content");
  EXPECT_EQ(with("enterprise", "yes").field(), "enterprise");
  EXPECT_EQ(with("caller", json{{"phone", 138}}).field(), "caller.phone");
  EXPECT_EQ(with("caller", "张三").field(), "caller");
  EXPECT_EQ(with("location", json{{"lat", 1}}).field(), "location.lon");
  EXPECT_EQ(with("location", json{{"lat", "x"}, {"lon", 1}}).field(), "location.lat");
  json missing = ok;
  missing.erase("appeal_type");
  EXPECT_EQ(DecodeAppeal(missing).status().field(), "appeal_type");
  EXPECT_EQ(DecodeAppeal(json::array()).status().field(), "body");
}

TEST(Codec, CommandInputValidatesTypes) {
  EXPECT_EQ(DecodeCommandInput(json{{"co_units", "A"}}).status().field(), "co_units");
  EXPECT_EQ(DecodeCommandInput(json{{"co_units", {"A", 1}}}).status().field(), "co_units");
  EXPECT_EQ(DecodeCommandInput(json{{"days", 1.5}}).status().field(), "days");
  EXPECT_EQ(DecodeCommandInput(json{{"accept", "true"}}).status().field(), "accept");
  EXPECT_EQ(DecodeCommandInput(json{{"satisfaction", "meh"}}).status().field(), "satisfaction");
  auto in = DecodeCommandInput(json{{"unit", "S1"}, {"co_units", {"A"}}, {"satisfaction", "satisfied"}});
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->unit, "S1");
  EXPECT_EQ(in->satisfaction, Satisfaction::kSatisfied);
  EXPECT_EQ(EncodeCommandInput(*in)["co_units"], json({"A"}));
}

}  // namespace
}  // namespace hotline

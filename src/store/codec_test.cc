#include "store/codec.h"

#include <gtest/gtest.h>

#include "domain/state_machine.h"
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
  t.dissatisfaction = Dissatisfaction::kOffTopic;
  t.callback_comment = "答非所问";
  t.returned_by = "S1";
  t.return_reason = "不属于本街道";
  t.extension_pending = true;
  t.extension_days = 3;
  t.extension_reason = "需协调";
  t.return_kind = ReturnKind::kNotOurDuty;
  t.return_suggested_unit = "S3";
  t.dispatch_note = "请当天上门";
  t.reply_unit = "S1C1";
  t.reply_contact = ContactMethod::kPhone;
  t.reply_contacted_at = 1'795'000'000;
  t.reply_handler = "李红";
  t.reply_handler_phone = "0794-1234567";
  t.reply_awaiting = true;
  t.reply_from = "S1C1";
  t.appeal.urgency = Urgency::kImportant;
  t.deadlines = {{DeadlineKind::kSign, 1'795'003'600, DeadlineState::kMet, 1'795'001'000},
                 {DeadlineKind::kHandle, 1'795'400'000, DeadlineState::kPending, 0},
                 {DeadlineKind::kCallback, 0, DeadlineState::kCancelled, 0}};
  t.urge_count = 2;
  t.last_urged_at = 1'795'000'100;
  t.supplement_count = 1;
  t.due_at = 123;
  t.version = 9;
  auto back = DecodeTicket(json::parse(EncodeTicket(t).dump()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(EncodeTicket(*back), EncodeTicket(t));
  EXPECT_EQ(back->dissatisfaction, Dissatisfaction::kOffTopic);
  EXPECT_EQ(back->return_reason, "不属于本街道");
  EXPECT_EQ(back->reply_contact, ContactMethod::kPhone);
  EXPECT_TRUE(back->reply_awaiting);
  EXPECT_EQ(back->appeal.urgency, Urgency::kImportant);
  EXPECT_EQ(back->deadlines, t.deadlines);
}

// Events record the deadlines a command changed; an unknown kind or state is an
// error naming the field, not a silent default.
TEST(Codec, CommandInputKeepsDeadlines) {
  CommandInput in;
  in.urgency = Urgency::kUrgent;
  in.deadlines = std::vector<Deadline>{{DeadlineKind::kReply, 1'795'000'000, DeadlineState::kOverdue, 0}};
  auto back = DecodeCommandInput(json::parse(EncodeCommandInput(in).dump()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->deadlines, in.deadlines);
  EXPECT_EQ(back->urgency, Urgency::kUrgent);
  json bad = EncodeCommandInput(in);
  bad["deadlines"][0]["state"] = "late";
  EXPECT_EQ(DecodeCommandInput(bad).status().field(), "state");
  bad = EncodeCommandInput(in);
  bad["deadlines"][0].erase("kind");
  EXPECT_EQ(DecodeCommandInput(bad).status().field(), "deadlines.kind");
  bad["deadlines"] = "soon";
  EXPECT_EQ(DecodeCommandInput(bad).status().field(), "deadlines");
}

// Documents stored before the callback note, the return and the extension reason
// existed still decode, with those fields empty.
TEST(Codec, OlderTicketDocumentsDecode) {
  Ticket t;
  t.id = 5;
  t.appeal = testing::HeatingAppeal();
  json j = EncodeTicket(t);
  for (const char* added : {"extension_reason", "returned_by", "return_reason", "dissatisfaction", "callback_comment",
                            "return_kind", "return_suggested_unit", "dispatch_note", "reply_unit", "reply_contact",
                            "reply_contacted_at", "reply_handler", "reply_handler_phone", "reply_awaiting", "reply_from",
                            "urge_count", "last_urged_at", "supplement_count", "deadlines"})
    ASSERT_EQ(j.erase(added), 1u) << added;
  ASSERT_EQ(j["appeal"].erase("urgency"), 1u);
  auto back = DecodeTicket(j);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_FALSE(back->dissatisfaction.has_value());
  EXPECT_EQ(back->returned_by, "");
  EXPECT_FALSE(back->reply_awaiting);
  EXPECT_EQ(back->appeal.urgency, Urgency::kNormal);
  EXPECT_TRUE(back->deadlines.empty());
  // Before issue 10 an appeal said only whether it was urgent.
  j["appeal"]["urgent"] = true;
  EXPECT_EQ(DecodeTicket(j)->appeal.urgency, Urgency::kUrgent);
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

// Every field of CommandInput, set.
CommandInput EveryField() {
  CommandInput in;
  in.unit = "S1";
  in.co_units = {"S2"};
  in.reason = "r";
  in.content = "c";
  in.result = ReplyResult::kResolved;
  in.satisfaction = Satisfaction::kSatisfied;
  in.resolved = true;
  in.approve = true;
  in.accept = true;
  in.unreachable = true;
  in.days = 3;
  in.level = 1;
  in.number = "110";
  in.kb_entry = "KB-1";
  in.main_ticket = 7;
  in.attachment = "a1";
  in.contact_method = ContactMethod::kVisit;
  in.contacted_at = 1'795'000'000;
  in.handler = "李红";
  in.handler_phone = "0794-1234567";
  in.return_kind = ReturnKind::kOutsideArea;
  in.suggested_unit = "S3";
  in.area = "S1";
  in.urgent = false;
  in.assignee = "孙立";
  in.instructions = "限期整改";
  in.note = "同意销号";
  in.due_at = 99;
  return in;
}

// The wire names of the input fields are exactly the codec's (due_at is one only
// for supervise, which reads it from its caller).
TEST(Codec, InputFieldNamesAreTheCodecsNames) {
  const json all = EncodeCommandInput(EveryField());
  for (const auto& [key, value] : all.items()) {
    auto f = ParseInputField(key);
    ASSERT_TRUE(f.has_value()) << key;
    EXPECT_EQ(Name(*f), key);
  }
  EXPECT_EQ(all.size(), 28u);
  for (const std::string& cmd : CommandNames())
    EXPECT_EQ(CommandReads(cmd)->Has(InputField::kDueAt), cmd == "supervise") << cmd << " reads due_at";
}

// For every command: each field it does not read is refused, naming the field;
// the fields it reads are accepted.
TEST(Codec, CommandRequestsRefuseFieldsTheCommandDoesNotRead) {
  const json all = EncodeCommandInput(EveryField());
  for (const std::string& cmd : CommandNames()) {
    const InputFields reads = *CommandReads(cmd);
    json accepted = json::object();
    for (const auto& [key, value] : all.items()) {
      auto f = ParseInputField(key);
      if (f && reads.Has(*f)) {
        accepted[key] = value;
        continue;
      }
      auto r = DecodeCommandRequest({{key, value}}, cmd);
      ASSERT_FALSE(r.ok()) << cmd << " accepted " << key;
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(r.status().field(), key) << cmd;
      EXPECT_EQ(r.status().message(), "field " + key + " is not accepted by command " + cmd);
    }
    auto ok = DecodeCommandRequest(accepted, cmd);
    EXPECT_TRUE(ok.ok()) << cmd << ": " << ok.status().ToString();
    auto unknown = DecodeCommandRequest({{"colour", "red"}}, cmd);
    EXPECT_EQ(unknown.status().field(), "colour") << cmd;
    if (cmd != "supervise")  // the state machine's own field for every other command
      EXPECT_EQ(DecodeCommandRequest({{"due_at", 1}}, cmd).status().field(), "due_at") << cmd;
  }
  EXPECT_EQ(DecodeCommandRequest(json::object(), "teleport").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(DecodeCommandRequest(json::array(), "sign").status().field(), "body");
  // A read field of the wrong type is still named.
  EXPECT_EQ(DecodeCommandRequest({{"days", "three"}}, "request-extension").status().field(), "days");
}

// 并单 takes the number users see, as well as the id.
TEST(Codec, MergeTakesATicketNumberOrAnId) {
  EXPECT_EQ(DecodeCommandRequest({{"main_ticket", "LC20261123000042"}}, "merge")->main_ticket, 42);
  EXPECT_EQ(DecodeCommandRequest({{"main_ticket", "lc20261123000042"}}, "merge")->main_ticket, 42);
  EXPECT_EQ(DecodeCommandRequest({{"main_ticket", 42}}, "merge")->main_ticket, 42);
  for (const char* bad : {"42", "LC2026", "XX20261123000042", ""}) {
    auto r = DecodeCommandRequest({{"main_ticket", bad}}, "merge");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().field(), "main_ticket") << bad;
  }
}

}  // namespace
}  // namespace hotline

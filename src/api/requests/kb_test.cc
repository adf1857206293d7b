#include "api/requests/kb.h"

#include "api/requests/test_util.h"
#include "domain/limits.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

// What the console (web/src/domain/kb.js, entryBody) sends.
json Entry() {
  return {{"question", "社保卡丢了怎么补办？"}, {"answer", "携带身份证到社保窗口办理。"}, {"category", "07"},
          {"unit", "LC-D01"},                   {"public", true},                              {"valid_from", "2026-01-01"},
          {"valid_to", ""}};
}

TEST(KbRequestTest, Create) {
  auto r = DecodeKbCreate(Entry());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entry.question, "社保卡丢了怎么补办？");
  EXPECT_EQ(r->entry.category, "07");
  EXPECT_TRUE(r->entry.is_public);
  EXPECT_EQ(r->entry.valid_from, "2026-01-01");
  EXPECT_TRUE(r->entry.id.empty());
  for (const char* field : {"id", "version", "active", "updated_by", "updated_at"}) {
    json body = Entry();
    body[field] = "x";
    EXPECT_TRUE(Refused(DecodeKbCreate(body), field, Reasons::kUnknownField)) << field;
  }
  json body = Entry();
  body["public"] = "yes";
  EXPECT_TRUE(Refused(DecodeKbCreate(body), "public", Reasons::kInvalidValue));
  body = Entry();
  body["answer"] = std::string(kMaxKbAnswerBytes + 1, 'x');
  EXPECT_TRUE(Refused(DecodeKbCreate(body), "answer", Reasons::kTooLong));
}

TEST(KbRequestTest, Update) {
  json body = Entry();
  body["version"] = 3;
  auto r = DecodeKbUpdate(body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->version, 3);
  EXPECT_FALSE(r->active);
  body["active"] = false;
  auto withdrawn = DecodeKbUpdate(body);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->active, false);
  for (const char* field : {"id", "updated_by"}) {
    json extra = body;
    extra[field] = "x";
    EXPECT_TRUE(Refused(DecodeKbUpdate(extra), field, Reasons::kUnknownField)) << field;
  }
  json wrong = body;
  wrong["version"] = "3";
  EXPECT_TRUE(Refused(DecodeKbUpdate(wrong), "version", Reasons::kInvalidValue));
  wrong.erase("version");
  EXPECT_TRUE(Refused(DecodeKbUpdate(wrong), "version", Reasons::kRequired));
  wrong = body;
  wrong["active"] = 0;
  EXPECT_TRUE(Refused(DecodeKbUpdate(wrong), "active", Reasons::kInvalidValue));
}

}  // namespace
}  // namespace hotline::api::requests

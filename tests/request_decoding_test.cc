// Every JSON request body is decoded by its endpoint's own decoder
// (src/api/requests), which accepts only the fields the endpoint documents: a
// field the server sets (a ticket's state, id, version, query code, …) or any
// other unknown one is refused with 400 naming it — reason unknown_field — and
// nothing is written. Also: the ticket list refuses dates that do not exist.
#include <gtest/gtest.h>

#include "support/shared_server_test.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResult;

json Appeal() {
  return {{"channel", "phone"},
          {"appeal_type", "complaint"},
          {"content", "小区门口路灯不亮已经三天"},
          {"caller", {{"name", "李四"}, {"phone", "15512341563"}}},
          {"address", "东城区东华街道人民路12号"},
          {"area", "LC-D01-S01"},
          {"location", {{"lat", 27.95}, {"lon", 116.36}}}};
}

class RequestDecodingTest : public testing::SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer("request_decoding"); }
};


// A 400 naming `field`, reason unknown_field.
::testing::AssertionResult RefusesField(const HttpResult& r, const std::string& field) {
  const json e = r.Json().value("error", json::object());
  if (r.status == 400 && e.value("field", "") == field && e.value("reason", "") == "unknown_field")
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << r.status << " " << r.body << " (expected " << field << " refused)";
}

TEST_F(RequestDecodingTest, IntakeRefusesWhatTheServerSets) {
  HttpClient op = As("operator");
  const auto before = Count();
  const std::vector<std::pair<std::string, json>> fields = {
      {"state", "closed"},   {"id", 1},           {"version", 7},
      {"events", json::array()}, {"lead_unit", "LC-D01"}, {"query_code", "000000"},
      {"priority", 1},       {"due_at", 0},       {"number", "LC20260101000001"}};
  for (const auto& [field, value] : fields) {
    json body = Appeal();
    body[field] = value;
    EXPECT_TRUE(RefusesField(op.Post("/api/v1/tickets", body), field)) << field;
  }
  json nested = Appeal();
  nested["caller"]["id_number"] = "110101199001011234";
  EXPECT_TRUE(RefusesField(op.Post("/api/v1/tickets", nested), "caller.id_number"));
  nested = Appeal();
  nested["location"]["accuracy"] = 5;
  EXPECT_TRUE(RefusesField(op.Post("/api/v1/tickets", nested), "location.accuracy"));
  EXPECT_EQ(Count(), before);  // nothing created

  // The documented body still records a ticket, with a query code of the server's.
  auto created = op.Post("/api/v1/tickets", Appeal());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["state"], "triage");
  EXPECT_EQ(created.Json()["query_code"].get<std::string>().size(), 6u);
  EXPECT_EQ(Count(), before + 1);
  json wrong_type = Appeal();
  wrong_type["enterprise"] = "yes";
  auto wrong = op.Post("/api/v1/tickets", wrong_type);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["field"], "enterprise");
  EXPECT_EQ(wrong.Json()["error"]["reason"], "invalid_value");
}

TEST_F(RequestDecodingTest, PortalRefusesWhatStaffOrTheServerSet) {
  HttpClient citizen = server_->Client();
  const auto before = Count();
  json appeal = Appeal();
  appeal["channel"] = "web";
  for (const char* field : {"category", "enterprise", "query_code", "state", "lead_unit"}) {
    json body = appeal;
    body[field] = field == std::string("enterprise") ? json(true) : json("x");
    EXPECT_TRUE(RefusesField(citizen.Post("/api/v1/public/appeals", body), field)) << field;
  }
  json nested = appeal;
  nested["caller"]["verified"] = true;
  EXPECT_TRUE(RefusesField(citizen.Post("/api/v1/public/appeals", nested), "caller.verified"));
  EXPECT_EQ(Count(), before);
  auto r = citizen.Post("/api/v1/public/appeals", appeal);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string number = r.Json()["number"];
  const std::string code = r.Json()["query_code"];
  // The evaluation takes {code, satisfaction, resolved} only.
  auto unreachable = citizen.Post("/api/v1/public/tickets/" + number + "/evaluation",
                                  {{"code", code}, {"satisfaction", "satisfied"}, {"resolved", true}, {"unreachable", true}});
  EXPECT_TRUE(RefusesField(unreachable, "unreachable"));
}

TEST_F(RequestDecodingTest, EveryOtherBodyRefusesUnknownFields) {
  HttpClient anon = server_->Client();
  EXPECT_TRUE(RefusesField(anon.Post("/api/v1/sessions", {{"username", "operator"}, {"password", "demo"}, {"role", "admin"}}),
                           "role"));
  HttpClient op = As("operator");
  EXPECT_TRUE(RefusesField(
      op.Post("/api/v1/me/password", {{"current_password", "demo"}, {"new_password", "hotline-2026"}, {"username", "admin"}}),
      "username"));
  EXPECT_EQ(As("operator").Get("/api/v1/me").status, 200);  // the password did not change
  EXPECT_TRUE(RefusesField(op.Post("/api/v1/triage", {{"content", "路灯不亮"}, {"channel", "phone"}}), "channel"));
  EXPECT_TRUE(RefusesField(op.Post("/api/v1/triage", {{"content", "路灯不亮"}, {"location", {{"lat", 27.9}, {"lon", 116.3}, {"z", 1}}}}),
                           "location.z"));

  HttpClient admin = As("admin");
  json user = {{"username", "zhao.lei"}, {"password", "s3cret-pass"}, {"role", "operator"}, {"display_name", "赵磊"},
               {"password_hash", "$argon2id$..."}};
  EXPECT_TRUE(RefusesField(admin.Post("/api/v1/users", user), "password_hash"));
  EXPECT_FALSE(server_->store().FindUser("zhao.lei").ok());
  user.erase("password_hash");
  ASSERT_EQ(admin.Post("/api/v1/users", user).status, 201);
  json update = user;
  update.erase("password");
  update["name"] = "赵磊";  // the console's field is display_name
  EXPECT_TRUE(RefusesField(admin.Request("PUT", "/api/v1/users/zhao.lei", update.dump()), "name"));
  update.erase("name");
  update["username"] = "zhao.lei2";
  auto renamed = admin.Request("PUT", "/api/v1/users/zhao.lei", update.dump());
  EXPECT_EQ(renamed.status, 400);
  EXPECT_EQ(renamed.Json()["error"]["field"], "username");

  json units = admin.Get("/api/v1/units").Json()["items"];
  units[2]["level"] = 2;
  EXPECT_TRUE(RefusesField(admin.Request("PUT", "/api/v1/units", json{{"items", units}}.dump()), "items[2].level"));
  json categories = admin.Get("/api/v1/categories").Json()["items"];
  EXPECT_TRUE(RefusesField(
      admin.Request("PUT", "/api/v1/categories", json{{"items", categories}, {"version", 2}}.dump()), "version"));
  json catalog = admin.Get("/api/v1/catalog").Json()["items"];
  const auto rules = catalog.size();
  catalog[0]["_id"] = 1;
  EXPECT_TRUE(RefusesField(admin.Request("PUT", "/api/v1/catalog", json{{"items", catalog}}.dump()), "items[0]._id"));
  EXPECT_EQ(admin.Get("/api/v1/catalog").Json()["total"], rules);

  HttpClient sup = As("supervisor");
  json entry = {{"question", "垃圾分类投放时间？"}, {"answer", "每日 7:00–9:00、18:00–20:00。"}, {"id", "KB-0001"}};
  EXPECT_TRUE(RefusesField(sup.Post("/api/v1/kb", entry), "id"));
  entry.erase("id");
  auto created = sup.Post("/api/v1/kb", entry);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.Json()["id"];
  json edit = entry;
  edit["version"] = 1;
  edit["updated_by"] = "admin";
  EXPECT_TRUE(RefusesField(sup.Request("PUT", "/api/v1/kb/" + id, edit.dump()), "updated_by"));
  edit.erase("updated_by");
  edit["active"] = false;
  auto withdrawn = sup.Request("PUT", "/api/v1/kb/" + id, edit.dump());
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json()["active"], false);
}

TEST_F(RequestDecodingTest, TicketListRefusesDatesThatDoNotExist) {
  HttpClient op = As("operator");
  for (const std::string param : {"from", "to"}) {
    for (const char* date : {"2026-02-31", "2026-02-29", "2026-04-31", "2026-13-01"}) {
      auto r = op.Get("/api/v1/tickets?" + param + "=" + date);
      EXPECT_EQ(r.status, 400) << param << "=" << date;
      EXPECT_EQ(r.Json()["error"]["field"], param) << date;
      EXPECT_EQ(r.Json()["error"]["reason"], "invalid_value") << date;
    }
    EXPECT_EQ(op.Get("/api/v1/stats?" + param + "=2026-02-30").status, 400);
  }
  EXPECT_EQ(op.Get("/api/v1/tickets?from=2024-02-29&to=2026-02-28").status, 200);
  EXPECT_EQ(op.Get("/api/v1/tickets?from=1772208000&_=1712345678").status, 200);  // a cache-buster is fine
}

}  // namespace
}  // namespace hotline

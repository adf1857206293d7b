// Integration tests: the real HTTP server on loopback, driven over HTTP.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include <filesystem>
#include <thread>

#include "api/site.h"
#include "api/views.h"
#include "app/division_files.h"
#include "app/reference_files.h"
#include "domain/limits.h"
#include "domain/password_policy.h"
#include "support/appeal.h"
#include "support/stream_reader.h"
#include "support/shared_server_test.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::Appeal;
using testing::HttpClient;

class ServerTest : public testing::SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer("server_test"); }
  static std::int64_t NewTicket(HttpClient& op) {
    auto r = op.Post("/api/v1/tickets", Appeal());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<std::int64_t>();
  }
  static std::string Cmd(std::int64_t id, const std::string& command) {
    return "/api/v1/tickets/" + std::to_string(id) + "/" + command;
  }
};


TEST_F(ServerTest, LifeOfATicketOverHttp) {
  HttpClient op = As("operator");
  auto created = op.Post("/api/v1/tickets", Appeal());
  ASSERT_EQ(created.status, 201) << created.body;
  json t = created.Json();
  const auto id = t["id"].get<std::int64_t>();
  EXPECT_EQ(t["state"], "triage");
  EXPECT_EQ(t["caller"]["phone"], "13800138000");
  EXPECT_EQ(t["query_code"].get<std::string>().size(), 6u);
  EXPECT_TRUE(t["number"].get<std::string>().starts_with("LC"));

  ASSERT_EQ(op.Post(Cmd(id, "to-dispatch"), json::object()).status, 200);
  HttpClient disp = As("dispatcher");
  auto d = disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}, {"co_units", {"LC-CG"}}});
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.Json()["state"], "dispatched");
  EXPECT_EQ(d.Json()["lead_unit"]["code"], "LC-D01-S01");
  EXPECT_FALSE(d.Json()["due_at"].is_null());
  EXPECT_EQ(d.Json()["caller"]["phone"], "138****8000");  // dispatchers see masked numbers
  EXPECT_EQ(d.Json()["caller"]["name"], "张*");

  HttpClient unit = As("LC-D01-S01");
  auto inbox = unit.Get("/api/v1/tickets?state=dispatched");
  ASSERT_EQ(inbox.status, 200);
  bool found = false;
  const json inbox_items = inbox.Json()["items"];
  for (const auto& item : inbox_items) found = found || item["id"].get<std::int64_t>() == id;
  EXPECT_TRUE(found) << inbox.body.substr(0, 300);
  ASSERT_EQ(unit.Post(Cmd(id, "sign"), json::object()).status, 200);
  auto replied = unit.Post(Cmd(id, "reply"), {{"content", "已更换路灯灯头，现已恢复照明"}, {"result", "resolved"}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  HttpClient cb = As("callback");
  ASSERT_EQ(cb.Post(Cmd(id, "review"), {{"accept", true}}).status, 200);
  auto closed = cb.Post(Cmd(id, "callback"), {{"satisfaction", "satisfied"}, {"resolved", true}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["state"], "closed");

  auto full = op.Get("/api/v1/tickets/" + std::to_string(id));
  ASSERT_EQ(full.status, 200);
  json events = full.Json()["events"];
  ASSERT_EQ(events.size(), 7u);
  std::vector<std::string> commands;
  for (const auto& e : events) commands.push_back(e["command"]);
  EXPECT_EQ(commands, (std::vector<std::string>{"intake", "to-dispatch", "dispatch", "sign", "reply", "review",
                                                "callback"}));
  EXPECT_EQ(events[2]["actor"]["username"], "dispatcher");
  EXPECT_EQ(events[2]["input"]["unit"], "LC-D01-S01");

  // The stored state is what its events replay to.
  auto stored = server_->store().GetTicket(id);
  auto history = server_->store().GetEvents(id);
  ASSERT_TRUE(stored.ok() && history.ok());
  UnitTree units = UnitTree::Build(*server_->store().LoadUnits()).value();
  Context ctx;
  ctx.units = &units;
  auto replayed = Replay(*history, ctx);
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ(replayed->state, TicketState::kClosed);
  EXPECT_EQ(replayed->due_at, stored->due_at);
}

TEST_F(ServerTest, AuthenticationIsRequired) {
  HttpClient anon = server_->Client();
  auto r = anon.Get("/api/v1/tickets");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.Json()["error"]["code"], "unauthenticated");
  anon.SetToken("not-a-token");
  EXPECT_EQ(anon.Get("/api/v1/units").status, 401);
  EXPECT_EQ(anon.Post("/api/v1/tickets", Appeal()).status, 401);
  HttpClient c = server_->Client();
  EXPECT_EQ(c.Login("operator", "wrong"), 401);
  EXPECT_EQ(c.Login("nobody", "demo"), 401);
  auto missing = c.Post("/api/v1/sessions", {{"username", "operator"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.Json()["error"]["field"], "password");
  // Logging out ends the session.
  HttpClient op = As("operator");
  EXPECT_EQ(op.Request("DELETE", "/api/v1/sessions").status, 200);
  EXPECT_EQ(op.Get("/api/v1/me").status, 401);
}

TEST_F(ServerTest, RolesAndUnitScope) {
  HttpClient op = As("operator");
  const auto id = NewTicket(op);
  HttpClient disp = As("dispatcher");
  ASSERT_EQ(disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}}).status, 200);

  HttpClient other = As("LC-D02-S01");
  auto denied = other.Get("/api/v1/tickets/" + std::to_string(id));
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.Json()["error"]["code"], "permission_denied");
  EXPECT_EQ(other.Post(Cmd(id, "sign"), json::object()).status, 403);
  auto list = other.Get("/api/v1/tickets?per_page=200");
  const json listed = list.Json()["items"];
  for (const auto& item : listed) EXPECT_NE(item["id"], id);

  HttpClient district = As("LC-D01");  // the district above the street sees it
  EXPECT_EQ(district.Get("/api/v1/tickets/" + std::to_string(id)).status, 200);

  HttpClient analyst = As("analyst");
  auto seen = analyst.Get("/api/v1/tickets/" + std::to_string(id));
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.Json()["caller"]["phone"], "138****8000");
  EXPECT_FALSE(seen.Json().contains("query_code"));
  EXPECT_EQ(analyst.Post("/api/v1/tickets", Appeal()).status, 403);
  EXPECT_EQ(analyst.Post(Cmd(id, "supervise"), {{"level", 1}}).status, 403);
  EXPECT_EQ(op.Post(Cmd(id, "sign"), json::object()).status, 403);
  // A state that does not allow the command: 409.
  HttpClient sup = As("supervisor");
  auto conflict = sup.Post(Cmd(id, "reopen"), {{"reason", "x"}});
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(conflict.Json()["error"]["code"], "conflict");
}

// Authority comes before input: a role or unit that may not issue a command gets
// 403 whatever the body holds (bad JSON, wrong types, a ticket it cannot see).
TEST_F(ServerTest, CommandsCheckAuthorityBeforeInput) {
  HttpClient op = As("operator");
  const auto id = NewTicket(op);
  const auto main = NewTicket(op);
  HttpClient unit = As("LC-D01-S01");
  EXPECT_EQ(unit.Post(Cmd(id, "merge"), {{"main_ticket", main}}).status, 403);
  EXPECT_EQ(unit.Post(Cmd(id, "merge"), {{"main_ticket", 999999}}).status, 403);
  EXPECT_EQ(unit.Post(Cmd(id, "merge"), {{"main_ticket", "abc"}}).status, 403);
  EXPECT_EQ(unit.Request("POST", Cmd(id, "merge"), "{not json").status, 403);
  HttpClient analyst = As("analyst");
  for (const std::string& cmd : CommandNames()) {
    if (cmd == "attach") continue;
    EXPECT_EQ(analyst.Request("POST", Cmd(id, cmd), "{not json").status, 403) << cmd;
    EXPECT_EQ(analyst.Post(Cmd(id, cmd), {{"level", "high"}, {"days", "many"}}).status, 403) << cmd;
  }
  // Allowed actors still hear what is wrong with the input.
  auto bad = op.Post(Cmd(id, "merge"), {{"main_ticket", "abc"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["field"], "main_ticket");
  EXPECT_EQ(op.Get("/api/v1/tickets/" + std::to_string(id)).Json()["state"], "triage");
}

// A command accepts only the fields it reads; the event records only those.
TEST_F(ServerTest, CommandsRefuseFieldsTheyDoNotRead) {
  HttpClient op = As("operator");
  const auto id = NewTicket(op);
  auto extra = op.Post(Cmd(id, "to-dispatch"), {{"reason", "顺便备注"}});
  EXPECT_EQ(extra.status, 400);
  EXPECT_EQ(extra.Json()["error"]["field"], "reason");
  EXPECT_EQ(extra.Json()["error"]["message"], "field reason is not accepted by command to-dispatch");
  HttpClient disp = As("dispatcher");
  const json unit = {{"unit", "LC-D01-S01"}};
  for (const char* field : {"reason", "main_ticket", "due_at", "colour"}) {
    json body = unit;
    body[field] = field == std::string("main_ticket") || field == std::string("due_at") ? json(1) : json("x");
    auto r = disp.Post(Cmd(id, "dispatch"), body);
    EXPECT_EQ(r.status, 400) << field;
    EXPECT_EQ(r.Json()["error"]["field"], field);
  }
  EXPECT_EQ(op.Get("/api/v1/tickets/" + std::to_string(id)).Json()["events"].size(), 1u);

  ASSERT_EQ(disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01"}, {"co_units", {"LC-CG"}}}).status, 200);
  auto t = op.Get("/api/v1/tickets/" + std::to_string(id)).Json();
  const json input = t["events"].back()["input"];
  for (const auto& [key, value] : input.items())
    EXPECT_TRUE(key == "unit" || key == "co_units" || key == "due_at" || key == "co_due_at" || key == "deadlines")
        << key;  // due_at, co_due_at and deadlines: the state machine's own, recorded for replay

  // A district re-dispatching names co-handlers within itself (or the catalog's), not 市供热公司.
  HttpClient district = As("LC-D01");
  ASSERT_EQ(district.Post(Cmd(id, "sign"), json::object()).status, 200);
  auto outside = district.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}, {"co_units", {"LC-GR"}}});
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(outside.Json()["error"]["field"], "co_units");
  EXPECT_NE(outside.Json()["error"]["message"].get<std::string>().find("LC-GR"), std::string::npos);
  EXPECT_EQ(district.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}, {"co_units", {"LC-D01-S02"}}}).status, 200);
}

TEST_F(ServerTest, BadInputIsRefusedAndNothingIsStored) {
  HttpClient op = As("operator");
  const auto before = Count();
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  json no_content = Appeal();
  no_content.erase("content");
  json wrong_type = Appeal();
  wrong_type["enterprise"] = "yes";
  json bad_channel = Appeal();
  bad_channel["channel"] = "carrier pigeon";
  json bad_area = Appeal();
  bad_area["area"] = "LC-NOWHERE";
  json bad_category = Appeal();
  bad_category["category"] = "999999";
  json bad_lat = Appeal();
  bad_lat["location"]["lat"] = 123.0;
  json long_field = Appeal();
  long_field["address"] = std::string(2000, 'x');
  const std::vector<Case> cases = {
      {"{not json", 400, "body"},
      {"[1,2,3]", 400, "body"},
      {no_content.dump(), 400, "content"},
      {wrong_type.dump(), 400, "enterprise"},
      {bad_channel.dump(), 400, "channel"},
      {bad_area.dump(), 400, "area"},
      {bad_category.dump(), 400, "category"},
      {bad_lat.dump(), 400, "location.lat"},
      {long_field.dump(), 400, "address"},
  };
  for (const Case& c : cases) {
    auto r = op.Request("POST", "/api/v1/tickets", c.body);
    EXPECT_EQ(r.status, c.status) << c.body.substr(0, 80);
    json err = r.Json();
    ASSERT_TRUE(err.contains("error")) << r.body;
    EXPECT_EQ(err["error"]["field"], c.field) << r.body;
    EXPECT_FALSE(err["error"]["message"].get<std::string>().empty());
  }
  // A body over the 1 MiB limit.
  json huge = Appeal(std::string(2 << 20, 'a'));
  EXPECT_EQ(op.Request("POST", "/api/v1/tickets", huge.dump()).status, 413);
  EXPECT_EQ(Count(), before);

  const auto id = NewTicket(op);
  HttpClient disp = As("dispatcher");
  auto unknown_unit = disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-NOPE"}});
  EXPECT_EQ(unknown_unit.status, 400);
  EXPECT_EQ(unknown_unit.Json()["error"]["field"], "unit");
  auto bad_co = disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}, {"co_units", "LC-CG"}});
  EXPECT_EQ(bad_co.Json()["error"]["field"], "co_units");
  auto unknown_cmd = disp.Post(Cmd(id, "teleport"), json::object());
  EXPECT_EQ(unknown_cmd.status, 404);
  EXPECT_EQ(disp.Post("/api/v1/tickets/abc/sign", json::object()).Json()["error"]["field"], "id");
  EXPECT_EQ(disp.Post("/api/v1/tickets/999999/sign", json::object()).status, 404);
  EXPECT_EQ(disp.Request("PUT", "/api/v1/tickets").status, 405);
  EXPECT_EQ(disp.Get("/api/v1/nothing").status, 404);
  auto after = op.Get("/api/v1/tickets/" + std::to_string(id)).Json();
  EXPECT_EQ(after["state"], "triage");
  EXPECT_EQ(after["events"].size(), 1u);
}

// Free text refuses NUL and other C0 controls (tab and line breaks are fine);
// attachment names refuse control and text-direction characters.
TEST_F(ServerTest, ControlCharactersAreRefusedInTextAndFileNames) {
  HttpClient op = As("operator");
  const auto before = Count();
  for (const auto& [path, value] : std::vector<std::pair<json::json_pointer, std::string>>{
           {json::json_pointer("/content"), std::string("井盖缺失\0", 13)},
           {json::json_pointer("/caller/name"), "张三\x1b[2J"},
           {json::json_pointer("/caller/phone"), "138\x07"},
           {json::json_pointer("/address"), "人民路\x01号"}}) {
    json body = Appeal();
    body[path] = value;
    auto r = op.Post("/api/v1/tickets", body);
    EXPECT_EQ(r.status, 400) << path.to_string();
    std::string field = path.to_string().substr(1);
    std::replace(field.begin(), field.end(), '/', '.');
    EXPECT_EQ(r.Json()["error"]["field"], field);
  }
  EXPECT_EQ(Count(), before);
  const auto id = NewTicket(op);
  auto bad_reason = op.Post(Cmd(id, "out-of-scope"), {{"reason", "已进入\x0c司法程序"}});
  EXPECT_EQ(bad_reason.status, 400);
  EXPECT_EQ(bad_reason.Json()["error"]["field"], "reason");
  EXPECT_EQ(op.Post(Cmd(id, "out-of-scope"), {{"reason", "已进入司法程序：\n\t详见判决书"}}).status, 200);

  const auto open = NewTicket(op);
  const std::string files = "/api/v1/tickets/" + std::to_string(open) + "/attachments";
  for (const char* name : {"photo%E2%80%AEgpj.exe", "a%E2%81%A6b.jpg", "a%C2%85b.jpg", "a%00b.jpg", "a%1Bb.jpg"}) {
    auto r = op.Request("POST", files + "?name=" + name, "\xFF\xD8\xFF jpeg bytes", "image/jpeg");
    EXPECT_EQ(r.status, 400) << name;
    EXPECT_EQ(r.Json()["error"]["field"], "name") << name;
  }
  EXPECT_EQ(op.Request("POST", files + "?name=%E7%85%A7%E7%89%87.jpg", "\xFF\xD8\xFF jpeg bytes", "image/jpeg").status, 201);
  // The content must be what the type says: an executable is not a photo.
  auto exe = op.Request("POST", files + "?name=photo.jpg", "MZ\x90 not a photo", "image/jpeg");
  EXPECT_EQ(exe.status, 400);
  EXPECT_EQ(exe.Json()["error"]["reason"], "content_type_mismatch");
}

// The console words errors by their reason and params, never by the English message.
TEST_F(ServerTest, ErrorsCarryStableReasonsAndParams) {
  auto error = [](const testing::HttpResult& r) { return r.Json()["error"]; };
  HttpClient op = As("operator");
  json no_content = Appeal();
  no_content.erase("content");
  json e = error(op.Post("/api/v1/tickets", no_content));
  EXPECT_EQ(e["reason"], "required");
  EXPECT_EQ(e["field"], "content");
  EXPECT_FALSE(e.contains("params"));
  json long_address = Appeal();
  long_address["address"] = std::string(kMaxAddressBytes + 1, 'x');
  e = error(op.Post("/api/v1/tickets", long_address));
  EXPECT_EQ(e["reason"], "too_long");
  EXPECT_EQ(e["params"]["max"], std::to_string(kMaxAddressBytes));

  const auto id = NewTicket(op);
  HttpClient disp = As("dispatcher");
  e = error(disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-NOPE"}}));
  EXPECT_EQ(e["reason"], "unknown_unit");
  EXPECT_EQ(e["params"]["code"], "LC-NOPE");
  ASSERT_EQ(disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}}).status, 200);
  e = error(op.Post(Cmd(id, "sign"), json::object()));
  EXPECT_EQ(e["reason"], "role_not_allowed");
  EXPECT_EQ(e["params"], (json{{"role", "operator"}, {"command", "sign"}}));
  HttpClient other = As("LC-D02-S01");
  e = error(other.Get("/api/v1/tickets/" + std::to_string(id)));
  EXPECT_EQ(e["code"], "permission_denied");
  EXPECT_EQ(e["reason"], "outside_unit_scope");
  HttpClient sup = As("supervisor");
  auto conflict = sup.Post(Cmd(id, "reopen"), {{"reason", "x"}});
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(error(conflict)["reason"], "state_not_allowed");
  EXPECT_EQ(error(conflict)["params"], (json{{"command", "reopen"}, {"state", "dispatched"}}));

  HttpClient unit = As("LC-D01-S01");
  ASSERT_EQ(unit.Post(Cmd(id, "sign"), json::object()).status, 200);
  e = error(unit.Post(Cmd(id, "request-extension"), {{"days", 99}, {"reason", "需协调"}}));
  EXPECT_EQ(e["reason"], "invalid_value");
  EXPECT_EQ(e["params"]["max"], "30");
  ASSERT_EQ(unit.Post(Cmd(id, "request-extension"), {{"days", 5}, {"reason", "需协调"}}).status, 200);
  EXPECT_EQ(error(unit.Post(Cmd(id, "request-extension"), {{"days", 5}, {"reason", "再次"}}))["reason"],
            "extension_pending");
  ASSERT_EQ(sup.Post(Cmd(id, "decide-extension"), {{"approve", true}}).status, 200);
  EXPECT_EQ(error(sup.Post(Cmd(id, "decide-extension"), {{"approve", true}}))["reason"], "no_extension_pending");
  ASSERT_EQ(unit.Post(Cmd(id, "reply"), {{"content", "已处理"}, {"result", "resolved"}}).status, 200);
  HttpClient cb = As("callback");
  ASSERT_EQ(cb.Post(Cmd(id, "review"), {{"accept", true}}).status, 200);
  e = error(cb.Post(Cmd(id, "close"), {{"reason", "联系不上"}}));
  EXPECT_EQ(e["reason"], "callback_attempts_required");
  EXPECT_EQ(e["params"]["attempts"], "3");
  EXPECT_EQ(error(op.Get("/api/v1/nothing"))["reason"], "not_found");
}

// GET /api/v1/limits serves the constants the server enforces.
TEST_F(ServerTest, LimitsAreServedToStaff) {
  EXPECT_EQ(server_->Client().Get("/api/v1/limits").status, 401);
  HttpClient op = As("operator");
  auto r = op.Get("/api/v1/limits");
  ASSERT_EQ(r.status, 200) << r.body;
  const json l = r.Json();
  EXPECT_EQ(l["content_max_bytes"], kMaxContentBytes);
  EXPECT_EQ(l["reason_max_bytes"], kMaxReasonBytes);
  EXPECT_EQ(l["address_max_bytes"], kMaxAddressBytes);
  EXPECT_EQ(l["kb_answer_max_bytes"], kMaxKbAnswerBytes);
  EXPECT_EQ(l["username_max_length"], 64);
  EXPECT_EQ(l["username_pattern"], "^[A-Za-z0-9._-]+$");
  EXPECT_EQ(l["password_min_length"], kMinPasswordLength);
  EXPECT_EQ(l["password_max_length"], kMaxPasswordLength);
  EXPECT_EQ(l["attachment_max_bytes"], 10 << 20);
  EXPECT_EQ(l["attachment_types"].size(), service::Attachments::AllowedTypes().size());
  EXPECT_NE(l["attachment_types"].dump().find("image/jpeg"), std::string::npos);
  EXPECT_EQ(l["per_page_max"], 200);
  EXPECT_EQ(l["unit_code_max_bytes"], 64);
  EXPECT_EQ(l["category_code_max_bytes"], 32);
  EXPECT_EQ(l["q_max_bytes"], 200);
  EXPECT_EQ(l["extension_days_max"], server_->service().policy().max_extension_days);
  EXPECT_EQ(l["session_idle_seconds"], server_->service().accounts().session_options().idle_seconds);
  EXPECT_EQ(l["session_max_seconds"], server_->service().accounts().session_options().max_seconds);
  // The limits hold: one byte more is refused.
  json long_content = Appeal(std::string(l["content_max_bytes"].get<std::size_t>() + 1, 'x'));
  EXPECT_EQ(op.Post("/api/v1/tickets", long_content).Json()["error"]["reason"], "too_long");
  const std::string q(l["q_max_bytes"].get<std::size_t>() + 1, 'x');
  EXPECT_EQ(op.Get("/api/v1/tickets?q=" + q).Json()["error"]["field"], "q");
  EXPECT_EQ(op.Get("/api/v1/tickets?per_page=" + std::to_string(l["per_page_max"].get<int>() + 1)).status, 400);
}

TEST_F(ServerTest, SearchKeywordsAreAndedOverContentAndAddress) {
  HttpClient op = As("operator");
  json both = Appeal("冬季暖气不热，室温十五度");
  both["address"] = "幸福里小区3栋";
  json place = Appeal("路灯不亮");
  place["address"] = "幸福里小区5栋";
  ASSERT_EQ(op.Post("/api/v1/tickets", both).status, 201);
  ASSERT_EQ(op.Post("/api/v1/tickets", place).status, 201);
  // q=幸福里　暖气 (an ideographic space between): only the ticket with both.
  auto found = op.Get("/api/v1/tickets?q=%E5%B9%B8%E7%A6%8F%E9%87%8C%E3%80%80%E6%9A%96%E6%B0%94");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.Json()["total"], 1);
  EXPECT_EQ(found.Json()["items"][0]["content"], "冬季暖气不热，室温十五度");
  // q=幸福里: both; q=暖氣 (traditional): the first.
  EXPECT_EQ(op.Get("/api/v1/tickets?q=%E5%B9%B8%E7%A6%8F%E9%87%8C").Json()["total"], 2);
  EXPECT_EQ(op.Get("/api/v1/tickets?q=%E6%9A%96%E6%B0%A3").Json()["total"], 1);
}

TEST_F(ServerTest, ListPagesFiltersAndValidates) {
  HttpClient op = As("operator");
  for (int i = 0; i < 5; ++i) op.Post("/api/v1/tickets", Appeal("小区电梯停运第" + std::to_string(i) + "天"));
  auto page = op.Get("/api/v1/tickets?q=%E7%94%B5%E6%A2%AF&per_page=2&page=2");  // q=电梯
  ASSERT_EQ(page.status, 200) << page.body;
  json p = page.Json();
  EXPECT_EQ(p["total"], 5);
  EXPECT_EQ(p["items"].size(), 2u);
  EXPECT_EQ(p["page"], 2);
  auto by_phone = op.Get("/api/v1/tickets?phone=13800138000&per_page=1");
  EXPECT_GE(by_phone.Json()["total"].get<int>(), 5);
  auto triage = op.Get("/api/v1/tickets?state=triage,to_dispatch&from=2020-01-01&sort=due_at");
  EXPECT_EQ(triage.status, 200);
  const json triaged = triage.Json()["items"];
  for (const auto& item : triaged)
    EXPECT_TRUE(item["state"] == "triage" || item["state"] == "to_dispatch");
  EXPECT_EQ(op.Get("/api/v1/tickets?state=lost").Json()["error"]["field"], "state");
  EXPECT_EQ(op.Get("/api/v1/tickets?page=0").Json()["error"]["field"], "page");
  EXPECT_EQ(op.Get("/api/v1/tickets?per_page=x").Json()["error"]["field"], "per_page");
  EXPECT_EQ(op.Get("/api/v1/tickets?sort=content").Json()["error"]["field"], "sort");
  EXPECT_EQ(op.Get("/api/v1/tickets?unit=LC-NOPE").Json()["error"]["field"], "unit");
  EXPECT_EQ(op.Get("/api/v1/tickets?from=yesterday").Json()["error"]["field"], "from");
}

TEST_F(ServerTest, ReferenceDataHealthAndMetrics) {
  HttpClient op = As("operator");
  auto units = op.Get("/api/v1/units").Json();
  EXPECT_GE(units["items"].size(), 80u);
  bool has_root = false;
  for (const auto& u : units["items"]) has_root |= u["parent"].is_null() && u["kind"] == "city";
  EXPECT_TRUE(has_root);
  auto cats = op.Get("/api/v1/categories").Json();
  int leaves = 0;
  for (const auto& c : cats["items"]) leaves += c["level"] == 3;
  EXPECT_GE(leaves, 60);
  HttpClient anon = server_->Client();
  auto health = anon.Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Json()["status"], "ok");
  auto metrics = anon.Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("hotline_http_requests_total"), std::string::npos);
  EXPECT_NE(metrics.content_type.find("text/plain"), std::string::npos);
}

TEST_F(ServerTest, ListCarriesCommandsAndFindsTicketNumbers) {
  HttpClient op = As("operator");
  auto created = op.Post("/api/v1/tickets", Appeal("编号查询测试：井盖缺失")).Json();
  const std::string number = created["number"];
  auto found = op.Get("/api/v1/tickets?q=" + number).Json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  EXPECT_EQ(found["items"][0]["id"], created["id"]);
  json cmds = found["items"][0]["available_commands"];
  EXPECT_NE(std::find(cmds.begin(), cmds.end(), "answer-directly"), cmds.end());
  EXPECT_EQ(op.Get("/api/v1/tickets?channel=phone&per_page=1").status, 200);
  EXPECT_EQ(op.Get("/api/v1/tickets?channel=fax").Json()["error"]["field"], "channel");
  EXPECT_EQ(op.Get("/api/v1/tickets?area=LC-NOPE").Json()["error"]["field"], "area");

  // A returned ticket shows up under returned=1.
  const auto id = created["id"].get<std::int64_t>();
  HttpClient disp = As("dispatcher");
  ASSERT_EQ(disp.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S02"}}).status, 200);
  HttpClient unit = As("LC-D01-S02");
  ASSERT_EQ(unit.Post(Cmd(id, "return"), {{"reason", "不属于本街道"}}).status, 200);
  auto returned = disp.Get("/api/v1/tickets?returned=1&per_page=200").Json();
  bool seen = false;
  for (const auto& item : returned["items"]) {
    if (item["id"].get<std::int64_t>() != id) continue;
    seen = true;
    // Who sent it back and why travel with the ticket, for the queue and the dispatch dialog.
    EXPECT_EQ(item["last_return"]["unit"]["code"], "LC-D01-S02") << item.dump();
    EXPECT_EQ(item["last_return"]["reason"], "不属于本街道");
  }
  EXPECT_TRUE(seen);
}

// 我受理的: mine=1 lists the tickets the caller recorded, not a colleague's.
TEST_F(ServerTest, MineListsTheCallersOwnIntakes) {
  HttpClient op = As("operator");
  HttpClient admin = As("admin");
  const auto before = op.Get("/api/v1/tickets?mine=1&per_page=1").Json()["total"].get<std::int64_t>();
  const auto own = NewTicket(op);
  const auto other = NewTicket(admin);
  auto mine = op.Get("/api/v1/tickets?mine=1&per_page=200").Json();
  EXPECT_EQ(mine["total"].get<std::int64_t>(), before + 1) << mine.dump();
  bool own_seen = false;
  for (const auto& item : mine["items"]) {
    EXPECT_EQ(item["intake_by"], "operator");
    EXPECT_NE(item["id"].get<std::int64_t>(), other);
    own_seen = own_seen || item["id"].get<std::int64_t>() == own;
  }
  EXPECT_TRUE(own_seen);
  const json admins = admin.Get("/api/v1/tickets?mine=1&per_page=200").Json();  // kept alive for the loop
  for (const auto& item : admins["items"])
    EXPECT_NE(item["id"].get<std::int64_t>(), own) << "the operator's ticket is not the admin's";
}

TEST_F(ServerTest, StatsCountAndScope) {
  HttpClient op = As("operator");
  for (int i = 0; i < 3; ++i) NewTicket(op);
  HttpClient analyst = As("analyst");
  auto r = analyst.Get("/api/v1/stats");
  ASSERT_EQ(r.status, 200) << r.body;
  json s = r.Json();
  EXPECT_EQ(s["total"].get<std::int64_t>(), Count());
  std::int64_t by_state = 0;
  for (auto& [k, v] : s["by_state"].items()) by_state += v.get<std::int64_t>();
  EXPECT_EQ(by_state, s["total"].get<std::int64_t>());
  ASSERT_FALSE(s["by_district"].empty());
  EXPECT_EQ(s["by_district"][0]["code"], "LC-D01");  // every test appeal is in 东华街道, 东城区
  ASSERT_FALSE(s["by_area"].empty());  // the units as located, for the density map
  EXPECT_EQ(s["by_area"][0]["code"], "LC-D01-S01");
  EXPECT_EQ(s["by_area"][0]["name"], "东华街道");
  EXPECT_FALSE(s["by_day"].empty());
  EXPECT_TRUE(s.contains("overdue"));
  // A unit sees only its own subtree's counts.
  HttpClient unit = As("LC-D06");
  EXPECT_LT(unit.Get("/api/v1/stats").Json()["total"].get<std::int64_t>(), s["total"].get<std::int64_t>());
  EXPECT_EQ(server_->Client().Get("/api/v1/stats").status, 401);
}

TEST_F(ServerTest, CitizenPortalSubmitTrackAndEvaluate) {
  HttpClient citizen = server_->Client();  // no login
  json appeal = {{"appeal_type", "complaint"},
                 {"content", "幸福里小区门口垃圾堆放多日无人清运"},
                 {"caller", {{"name", "李四"}, {"phone", "13912345678"}}},
                 {"area", "LC-D01-S01"}};
  auto r = citizen.Post("/api/v1/public/appeals", appeal);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string number = r.Json()["number"];
  const std::string code = r.Json()["query_code"];
  EXPECT_EQ(code.size(), 6u);
  json no_phone = appeal;
  no_phone["caller"].erase("phone");
  EXPECT_EQ(citizen.Post("/api/v1/public/appeals", no_phone).Json()["error"]["field"], "caller.phone");
  json sms = appeal;
  sms["channel"] = "phone";
  EXPECT_EQ(citizen.Post("/api/v1/public/appeals", sms).Json()["error"]["field"], "channel");

  auto tracked = citizen.Get("/api/v1/public/tickets/" + number + "?code=" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.Json()["state"], "triage");
  EXPECT_FALSE(tracked.body.find("13912345678") != std::string::npos);  // no personal data
  EXPECT_EQ(citizen.Get("/api/v1/public/tickets/" + number + "?code=000000").status, 404);
  EXPECT_EQ(citizen.Get("/api/v1/public/tickets/LC20200101999999?code=" + code).status, 404);

  // Staff handle it; then the citizen evaluates online.
  const auto id = *TicketIdFromNumber(number);
  HttpClient op = As("operator");
  ASSERT_EQ(op.Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}}).status, 200);
  HttpClient unit = As("LC-D01-S01");
  ASSERT_EQ(unit.Post(Cmd(id, "sign"), json::object()).status, 200);
  ASSERT_EQ(unit.Post(Cmd(id, "reply"), {{"content", "已清运"}, {"result", "resolved"}}).status, 200);
  HttpClient cb = As("callback");
  ASSERT_EQ(cb.Post(Cmd(id, "review"), {{"accept", true}}).status, 200);
  const std::string eval = "/api/v1/public/tickets/" + number + "/evaluation";
  EXPECT_EQ(citizen.Post(eval, {{"code", "111111"}, {"satisfaction", "satisfied"}, {"resolved", true}}).status, 404);
  EXPECT_EQ(citizen.Post(eval, {{"code", code}, {"satisfaction", "great"}, {"resolved", true}}).Json()["error"]["field"],
            "satisfaction");
  auto done = citizen.Post(eval, {{"code", code}, {"satisfaction", "satisfied"}, {"resolved", true}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["state"], "closed");
  EXPECT_EQ(citizen.Post(eval, {{"code", code}, {"satisfaction", "unsatisfied"}, {"resolved", false}}).status, 409);
  auto history = op.Get("/api/v1/tickets/" + std::to_string(id)).Json()["events"];
  EXPECT_EQ(history.back()["actor"]["role"], "citizen");
}

TEST_F(ServerTest, AttachmentsAreStoredWithTheirEventAndScoped) {
  HttpClient op = As("operator");
  const auto id = NewTicket(op);
  ASSERT_EQ(op.Post(Cmd(id, "to-dispatch"), json::object()).status, 200);
  ASSERT_EQ(As("dispatcher").Post(Cmd(id, "dispatch"), {{"unit", "LC-D01-S01"}}).status, 200);
  const std::string files = "/api/v1/tickets/" + std::to_string(id) + "/attachments";
  const std::string photo = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(1000, '\0') + "jpeg";  // binary, with NULs

  HttpClient unit = As("LC-D01-S01");
  auto up = unit.Request("POST", files + "?name=%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg", photo, "image/jpeg");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.Json()["name"], "现场照片.jpg");
  EXPECT_EQ(up.Json()["size"], photo.size());
  EXPECT_EQ(up.Json()["uploaded_by"], "LC-D01-S01");
  const std::string aid = up.Json()["id"];

  auto list = op.Get(files);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["content_type"], "image/jpeg");
  auto down = op.Get(files + "/" + aid);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.content_type, "image/jpeg");
  EXPECT_EQ(down.body, photo);
  EXPECT_EQ(op.Get(files + "/nosuchfile").status, 404);
  // The upload is an event of the ticket, and no button among its commands.
  auto full = op.Get("/api/v1/tickets/" + std::to_string(id)).Json();
  EXPECT_EQ(full["events"].back()["command"], "attach");
  EXPECT_EQ(full["events"].back()["input"]["content"], "现场照片.jpg");
  const auto events = full["events"].size();
  for (const auto& c : full["commands"]) EXPECT_NE(c, "attach");

  // Another unit can neither see nor add files.
  HttpClient other = As("LC-D02-S01");
  EXPECT_EQ(other.Get(files).status, 403);
  EXPECT_EQ(other.Get(files + "/" + aid).status, 403);
  EXPECT_EQ(other.Request("POST", files + "?name=x.jpg", photo, "image/jpeg").status, 403);

  // Bad files are refused by name and change nothing.
  auto field = [&](const std::string& target, const std::string& body, const std::string& type) {
    auto r = unit.Request("POST", target, body, type);
    EXPECT_EQ(r.status, 400) << r.body;
    return r.Json()["error"]["field"].get<std::string>();
  };
  EXPECT_EQ(field(files + "?name=run.exe", photo, "application/x-msdownload"), "content_type");
  EXPECT_EQ(field(files, photo, "image/jpeg"), "name");
  EXPECT_EQ(field(files + "?name=..%2Fetc%2Fpasswd", photo, "image/jpeg"), "name");
  EXPECT_EQ(field(files + "?name=big.pdf", std::string((10 << 20) + 1, 'x'), "application/pdf"), "size");
  EXPECT_EQ(unit.Post(Cmd(id, "attach"), {{"attachment", "forged"}, {"content", "x.jpg"}}).Json()["error"]["field"],
            "command");
  EXPECT_EQ(op.Get(files).Json()["items"].size(), 1u);
  EXPECT_EQ(op.Get("/api/v1/tickets/" + std::to_string(id)).Json()["events"].size(), events);
  // JSON endpoints keep their 1 MiB limit.
  EXPECT_EQ(op.Request("POST", "/api/v1/tickets", std::string(2 << 20, ' ')).status, 413);
}

TEST_F(ServerTest, RelatedTicketsBySameCallerMergeAndSimilarity) {
  HttpClient op = As("operator");
  const auto first = NewTicket(op);
  const auto again = NewTicket(op);  // same caller, same place and category
  json other_caller = Appeal("人民路路灯又坏了");
  other_caller["caller"]["phone"] = "13900001111";
  const auto merged = op.Post("/api/v1/tickets", other_caller).Json()["id"].get<std::int64_t>();
  // 并单 by the number users see (the id works too, see CommandsCheckAuthorityBeforeInput).
  const std::string first_number = op.Get("/api/v1/tickets/" + std::to_string(first)).Json()["number"];
  ASSERT_EQ(op.Post(Cmd(merged, "merge"), {{"main_ticket", first_number}}).status, 200);
  EXPECT_EQ(op.Get("/api/v1/tickets/" + std::to_string(merged)).Json()["main_ticket"], first);

  auto related = [&](HttpClient& c, std::int64_t id) {
    std::map<std::int64_t, std::string> out;
    auto r = c.Get("/api/v1/tickets/" + std::to_string(id) + "/related");
    EXPECT_EQ(r.status, 200) << r.body;
    const json items = r.Json()["items"];
    for (const auto& item : items) out[item["id"].get<std::int64_t>()] = item["relation"];
    return out;
  };
  auto of_first = related(op, first);
  EXPECT_EQ(of_first[again], "same_caller");
  EXPECT_EQ(of_first[merged], "merged");
  EXPECT_FALSE(of_first.count(first));
  EXPECT_EQ(related(op, merged)[first], "merged");
  // A unit sees only what it may see: none of these were dispatched to it.
  HttpClient unit = As("LC-D02-S01");
  EXPECT_EQ(unit.Get("/api/v1/tickets/" + std::to_string(first) + "/related").status, 403);
}

TEST_F(ServerTest, PortalServesTheCityMap) {
  auto map = server_->Client().Get("/api/v1/public/map");  // no login: the portal's location picker uses it
  ASSERT_EQ(map.status, 200);
  EXPECT_EQ(map.content_type, "application/geo+json");
  auto geo = map.Json();
  EXPECT_EQ(geo["type"], "FeatureCollection");
  int streets = 0, districts = 0;
  for (const auto& f : geo["features"]) {
    streets += f["properties"]["kind"] == "street";
    districts += f["properties"]["kind"] == "district";
  }
  EXPECT_EQ(districts, 6);
  EXPECT_GT(streets, 30);
}

TEST_F(ServerTest, PortalLocatesAnAddressWithoutLogin) {
  HttpClient citizen = server_->Client();
  // 东城区东华街道幸福里小区
  auto r = citizen.Get("/api/v1/public/locate?address=%E4%B8%9C%E5%9F%8E%E5%8C%BA%E4%B8%9C%E5%8D%8E%E8%A1%97%E9%81%93"
                       "%E5%B9%B8%E7%A6%8F%E9%87%8C%E5%B0%8F%E5%8C%BA");
  ASSERT_EQ(r.status, 200) << r.body;
  const json place = r.Json();
  EXPECT_EQ(place["code"].get<std::string>().rfind("LC-D01-S01", 0), 0u) << place.dump();
  ASSERT_TRUE(place["point"].is_object()) << place.dump();  // the street's centre (data/demo/street_centers.csv)
  EXPECT_DOUBLE_EQ(place["point"]["lat"].get<double>(), 27.95);
  EXPECT_DOUBLE_EQ(place["point"]["lon"].get<double>(), 116.36);
  EXPECT_EQ(place.size(), 3u);  // code, name, point: nothing else
  EXPECT_EQ(citizen.Get("/api/v1/public/locate?address=%E7%81%AB%E6%98%9F").status, 404);  // 火星
  EXPECT_EQ(citizen.Get("/api/v1/public/locate").Json()["error"]["field"], "address");
  auto privacy = citizen.Get("/api/v1/public/privacy");
  ASSERT_EQ(privacy.status, 200);
  EXPECT_TRUE(privacy.Json()["retention_days"].is_null());  // the test server runs without a retention period
}

TEST_F(ServerTest, PortalPhotosOnlyWithTheCodeWhileNew) {
  HttpClient citizen = server_->Client();
  json appeal = {{"appeal_type", "report"},
                 {"content", "东华街道路口井盖松动，有安全隐患"},
                 {"caller", {{"name", "赵六"}, {"phone", "13700007777"}}}};
  auto r = citizen.Post("/api/v1/public/appeals", appeal);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string number = r.Json()["number"];
  const std::string code = r.Json()["query_code"];
  const std::string files = "/api/v1/public/tickets/" + number + "/attachments";
  // A phone's photo: larger than the JSON body limit, smaller than the photo limit.
  const std::string photo = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(2 << 20, '\0');
  auto up = citizen.Request("POST", files + "?code=" + code + "&name=%E7%8E%B0%E5%9C%BA.jpg", photo, "image/jpeg");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.Json()["name"], "现场.jpg");
  EXPECT_FALSE(up.Json().contains("uploaded_by"));
  const std::string wrong = code == "000000" ? "000001" : "000000";
  EXPECT_EQ(citizen.Request("POST", files + "?code=" + wrong + "&name=a.jpg", "\xFF\xD8\xFF x", "image/jpeg").status, 404);
  auto pdf = citizen.Request("POST", files + "?code=" + code + "&name=a.pdf", "%PDF-1.4 x", "application/pdf");
  EXPECT_EQ(pdf.Json()["error"]["reason"], "unsupported_type");
  auto fake = citizen.Request("POST", files + "?code=" + code + "&name=a.png", "<svg onload=x>", "image/png");
  EXPECT_EQ(fake.Json()["error"]["reason"], "content_type_mismatch");

  // Staff see the photo among the ticket's files.
  const auto id = *TicketIdFromNumber(number);
  HttpClient op = As("operator");
  auto list = op.Get("/api/v1/tickets/" + std::to_string(id) + "/attachments").Json()["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["uploaded_by"], "portal");
  EXPECT_EQ(list[0]["size"], photo.size());

  // Once the hotline has moved it on, no more photos.
  ASSERT_EQ(op.Post(Cmd(id, "to-dispatch"), json::object()).status, 200);
  auto late = citizen.Request("POST", files + "?code=" + code + "&name=b.jpg", "\xFF\xD8\xFF x", "image/jpeg");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.Json()["error"]["reason"], "state_not_allowed");
  // Only a photo with a six-digit code may send more than the JSON limit.
  EXPECT_TRUE(api::AllowsLargeBody({"POST", files + "?code=123456&name=a.jpg", ""}));
  EXPECT_TRUE(api::AllowsLargeBody({"POST", files + "?name=a.jpg&code=123456", ""}));
  EXPECT_FALSE(api::AllowsLargeBody({"POST", files + "?name=a.jpg", ""}));
  EXPECT_FALSE(api::AllowsLargeBody({"POST", files + "?code=12345&name=a.jpg", ""}));
  EXPECT_FALSE(api::AllowsLargeBody({"POST", files + "?code=1234567", ""}));
  EXPECT_FALSE(api::AllowsLargeBody({"POST", files + "?xcode=123456", ""}));
  EXPECT_FALSE(api::AllowsLargeBody({"GET", files + "?code=123456", ""}));
  EXPECT_FALSE(api::AllowsLargeBody({"POST", "/api/v1/public/appeals?code=123456", ""}));
}

TEST_F(ServerTest, PortalLookupsAreRateLimited) {
  HttpClient probe = server_->Client();
  int limited = 0;
  for (int i = 0; i < 25; ++i)
    limited += probe.Get("/api/v1/public/tickets/LC20260101000001?code=" + std::to_string(100000 + i)).status == 429;
  EXPECT_GE(limited, 4);
}

TEST_F(ServerTest, KnowledgeBaseSearchEditAndHistory) {
  HttpClient op = As("operator");
  auto found = op.Get("/api/v1/kb?q=" + std::string("%E7%A4%BE%E4%BF%9D%E5%8D%A1%E4%B8%A2%E4%BA%86"));  // 社保卡丢了
  ASSERT_EQ(found.status, 200) << found.body;
  json items = found.Json()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_NE(items[0]["question"].get<std::string>().find("社保卡"), std::string::npos);
  EXPECT_NE(items[0]["question_highlight"].get<std::string>().find("<em>"), std::string::npos);
  const std::string kb_id = items[0]["id"];

  // Operators answer from it; the ticket records which entry answered.
  const auto id = NewTicket(op);
  auto answered = op.Post(Cmd(id, "answer-directly"), {{"content", "已按知识库答复"}, {"kb_entry", kb_id}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.Json()["kb_entry"], kb_id);
  const auto id2 = NewTicket(op);
  EXPECT_EQ(op.Post(Cmd(id2, "answer-directly"), {{"content", "x"}, {"kb_entry", "KB-9999"}}).Json()["error"]["field"],
            "kb_entry");

  // Editing: operators may not; supervisors may, with the version they edit.
  json entry = {{"question", "新冠疫苗还能去哪里打？"}, {"answer", "可到各社区卫生服务中心预约接种。"}, {"category", "07"}};
  EXPECT_EQ(op.Post("/api/v1/kb", entry).status, 403);
  HttpClient sup = As("supervisor");
  auto created = sup.Post("/api/v1/kb", entry);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string new_id = created.Json()["id"];
  json bad = entry;
  bad["valid_to"] = "2026-02-30x";
  EXPECT_EQ(sup.Post("/api/v1/kb", bad).Json()["error"]["field"], "valid_to");
  json edit = entry;
  edit["answer"] = "可到各社区卫生服务中心或定点医院预约接种。";
  edit["version"] = 1;
  ASSERT_EQ(sup.Request("PUT", "/api/v1/kb/" + new_id, edit.dump()).status, 200);
  EXPECT_EQ(sup.Request("PUT", "/api/v1/kb/" + new_id, edit.dump()).status, 409);  // stale version
  auto history = sup.Get("/api/v1/kb/" + new_id + "/versions").Json()["items"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["answer"], "可到各社区卫生服务中心预约接种。");
  // Staff see who edited by name, not by account.
  EXPECT_EQ(history[0]["updated_by"], "supervisor");
  EXPECT_EQ(history[0]["updated_by_name"], "督办员 赵磊");
  // New entries are searchable at once; withdrawn ones disappear.
  auto contains = [&](const json& list) {
    for (const auto& h : list)
      if (h["id"] == new_id) return true;
    return false;
  };
  EXPECT_TRUE(contains(op.Get("/api/v1/kb?q=%E7%96%AB%E8%8B%97%E6%8E%A5%E7%A7%8D").Json()["items"]));  // 疫苗接种
  ASSERT_EQ(sup.Request("DELETE", "/api/v1/kb/" + new_id + "?version=2").status, 200);
  EXPECT_FALSE(contains(op.Get("/api/v1/kb?q=%E7%96%AB%E8%8B%97%E6%8E%A5%E7%A7%8D").Json()["items"]));
  // Editing a withdrawn entry keeps it withdrawn; "active": true puts it back in force.
  edit["version"] = 3;
  auto still = sup.Request("PUT", "/api/v1/kb/" + new_id, edit.dump());
  ASSERT_EQ(still.status, 200) << still.body;
  EXPECT_FALSE(still.Json()["active"].get<bool>());
  EXPECT_FALSE(contains(op.Get("/api/v1/kb?q=%E7%96%AB%E8%8B%97%E6%8E%A5%E7%A7%8D").Json()["items"]));
  edit["version"] = 4;
  edit["active"] = true;
  EXPECT_TRUE(sup.Request("PUT", "/api/v1/kb/" + new_id, edit.dump()).Json()["active"].get<bool>());
  EXPECT_TRUE(contains(op.Get("/api/v1/kb?q=%E7%96%AB%E8%8B%97%E6%8E%A5%E7%A7%8D").Json()["items"]));

  // The portal sees public entries only, without staff fields.
  HttpClient citizen = server_->Client();
  auto pub = citizen.Get("/api/v1/public/kb?q=%E4%BE%9B%E6%9A%96");  // 供暖
  ASSERT_EQ(pub.status, 200);
  json pub_items = pub.Json()["items"];
  ASSERT_FALSE(pub_items.empty());
  for (const auto& h : pub_items) {
    EXPECT_TRUE(h["public"].get<bool>());
    EXPECT_FALSE(h.contains("updated_by"));
    EXPECT_FALSE(h.contains("updated_by_name"));
  }
}

TEST_F(ServerTest, TriageSuggestsLocationUnitsKnowledgeAndAlerts) {
  HttpClient op = As("operator");
  json body = {{"content", "东华街道幸福里社区门口有人占道经营，摊位堵住了人行道"},
               {"address", "东城区东华街道幸福里社区"},
               {"category", "010401"}};
  auto r = op.Post("/api/v1/triage", body);
  ASSERT_EQ(r.status, 200) << r.body;
  json t = r.Json();
  EXPECT_FALSE(t["classifier_available"].get<bool>());  // the test server loads no model
  ASSERT_FALSE(t["location"].is_null());
  EXPECT_EQ(t["location"]["street"]["code"], "LC-D01-S01");
  EXPECT_EQ(t["location"]["source"], "address");
  ASSERT_FALSE(t["units"].empty());
  EXPECT_EQ(t["units"][0]["unit"]["code"], "LC-D01-S01");  // 一单到底: the street office itself
  EXPECT_NE(t["units"][0]["reasons"][0].get<std::string>().find("一单到底"), std::string::npos);
  EXPECT_FALSE(t["unit_needs_choice"].get<bool>());  // the operator's category is certain
  EXPECT_TRUE(t["alerts"].empty());
  EXPECT_TRUE(t["division"].is_null()) << t["division"];  // the city's own 东华街道, not 石家庄's

  auto fire = op.Post("/api/v1/triage", {{"content", "我家楼下饭店着火了，浓烟很大"}}).Json();
  ASSERT_FALSE(fire["alerts"].empty());
  EXPECT_EQ(fire["alerts"][0]["code"], "119");
  EXPECT_TRUE(fire["alerts"][0]["blocking"].get<bool>());

  auto kb = op.Post("/api/v1/triage", {{"content", "社保卡丢了怎么补办"}}).Json();
  ASSERT_FALSE(kb["knowledge"].empty());

  auto point = op.Post("/api/v1/triage", {{"content", "路灯不亮"}, {"location", {{"lat", 27.95}, {"lon", 116.372}}}}).Json();
  EXPECT_EQ(point["location"]["source"], "point");
  EXPECT_EQ(point["location"]["district"]["code"], "LC-D01");  // the city centre is in 东城区's polygons
  // With China's divisions installed (scripts/build.sh does), the address also gets its official codes.
  auto coded = op.Post("/api/v1/triage", {{"content", "路灯不亮"}, {"address", "北京市朝阳区三里屯街道"}}).Json();
  if (std::filesystem::exists(app::DefaultDivisionsDir(app::DataDir()) + "/streets.csv")) {
    EXPECT_EQ(coded["division"]["code"], "110105004") << coded["division"];
    EXPECT_EQ(coded["division"]["district"]["name"], "朝阳区");
  } else {
    EXPECT_TRUE(coded["division"].is_null());
  }
  auto outside = op.Post("/api/v1/triage", {{"content", "路灯不亮"}, {"location", {{"lat", 27.95}, {"lon", 116.6}}}}).Json();
  EXPECT_TRUE(outside["location"].is_null()) << outside["location"];

  EXPECT_EQ(op.Post("/api/v1/triage", {{"content", 5}}).Json()["error"]["field"], "content");
  EXPECT_EQ(op.Post("/api/v1/triage", {{"content", "x"}, {"location", {{"lat", "n"}}}}).Json()["error"]["field"],
            "location.lat");
  EXPECT_EQ(As("analyst").Post("/api/v1/triage", body).status, 403);
}

// Reads from an event stream until `needle` shows up or `seconds` pass.
using testing::StreamReader;

TEST_F(ServerTest, LiveEventsStreamNewTicketsWithinScope) {
  auto login = [&](const std::string& user) {
    HttpClient c = server_->Client();
    auto r = c.Post("/api/v1/sessions", {{"username", user}, {"password", "demo"}});
    return r.Json()["token"].get<std::string>();
  };
  StreamReader board(server_->port(), login("supervisor"));
  StreamReader other_unit(server_->port(), login("LC-D02-S01"));
  ASSERT_TRUE(board.WaitFor("text/event-stream"));
  ASSERT_TRUE(other_unit.WaitFor(": connected"));
  HttpClient op = As("operator");
  auto created = op.Post("/api/v1/tickets", Appeal("实时推送测试：路面塌陷")).Json();
  const std::string number = created["number"];
  EXPECT_TRUE(board.WaitFor(number)) << board.seen();
  EXPECT_NE(board.seen().find("event: ticket"), std::string::npos);
  EXPECT_EQ(board.seen().find("13800138000"), std::string::npos);  // no personal data on the wire
  HttpClient disp = As("dispatcher");
  ASSERT_EQ(disp.Post(Cmd(created["id"].get<std::int64_t>(), "dispatch"), {{"unit", "LC-D01-S01"}}).status, 200);
  EXPECT_TRUE(board.WaitFor("\"command\":\"dispatch\""));
  EXPECT_FALSE(other_unit.WaitFor(number, 1));  // another district's street sees nothing of it
  EXPECT_EQ(server_->Client().Get("/api/v1/live").status, 401);
}

// Issue 9: the token must not travel in the URL. A query token is refused like no token at
// all (401 with the usual error body, no stream); the same token in the header streams.
TEST_F(ServerTest, LiveEventsTakeTheTokenFromTheHeaderOnly) {
  HttpClient c = server_->Client();
  const std::string token =
      c.Post("/api/v1/sessions", {{"username", "supervisor"}, {"password", "demo"}}).Json()["token"].get<std::string>();
  StreamReader in_query(server_->port(), token, StreamReader::TokenIn::kQuery);
  ASSERT_TRUE(in_query.WaitFor("\r\n\r\n{")) << in_query.seen();  // the whole JSON error
  EXPECT_EQ(in_query.seen().rfind("HTTP/1.1 401", 0), 0u) << in_query.seen();
  EXPECT_NE(in_query.seen().find("\"error\""), std::string::npos) << in_query.seen();
  EXPECT_EQ(in_query.seen().find("text/event-stream"), std::string::npos);
  // The same answer as a call with no token at all: no session.
  auto refused = server_->Client().Get("/api/v1/live?token=" + token);
  auto anonymous = server_->Client().Get("/api/v1/live");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.Json()["error"], anonymous.Json()["error"]);

  StreamReader in_header(server_->port(), token);
  ASSERT_TRUE(in_header.WaitFor(": connected")) << in_header.seen();
  EXPECT_EQ(in_header.seen().rfind("HTTP/1.1 200", 0), 0u) << in_header.seen();
  auto created = As("operator").Post("/api/v1/tickets", Appeal("实时推送测试：令牌在请求头")).Json();
  EXPECT_TRUE(in_header.WaitFor(created["number"].get<std::string>())) << in_header.seen();
}

// Administration changes shared state: it gets a server of its own.
TEST(AdminTest, UsersUnitsTaxonomyAndCatalog) {
  testing::TestServer server("admin_test");
  HttpClient admin = server.Client();
  ASSERT_EQ(admin.Login("admin"), 201);
  HttpClient op = server.Client();
  ASSERT_EQ(op.Login("operator"), 201);
  EXPECT_EQ(op.Get("/api/v1/users").status, 403);
  auto users = admin.Get("/api/v1/users").Json();
  EXPECT_GT(users["total"].get<int>(), 100);
  EXPECT_FALSE(users.dump().find("argon2") != std::string::npos);  // no password hashes on the wire

  json newbie = {{"username", "wang.min"}, {"password", "s3cret-pass"}, {"role", "unit"}, {"unit", "LC-D01-S01"},
                 {"display_name", "王敏"}};
  ASSERT_EQ(admin.Post("/api/v1/users", newbie).status, 201);
  auto again = admin.Post("/api/v1/users", newbie);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Json()["error"]["reason"], "already_exists");
  EXPECT_EQ(again.Json()["error"]["params"]["username"], "wang.min");
  json bad = newbie;
  bad["username"] = "x y";
  EXPECT_EQ(admin.Post("/api/v1/users", bad).Json()["error"]["field"], "username");
  bad = newbie;
  bad["username"] = "li";
  bad["password"] = "short";
  EXPECT_EQ(admin.Post("/api/v1/users", bad).Json()["error"]["field"], "password");
  bad["password"] = "long-enough";
  bad["unit"] = "LC-NOPE";
  EXPECT_EQ(admin.Post("/api/v1/users", bad).Json()["error"]["field"], "unit");
  HttpClient wang = server.Client();
  ASSERT_EQ(wang.Login("wang.min", "s3cret-pass"), 201);
  // Disabling the account ends its sessions at once.
  json disable = newbie;
  disable.erase("password");
  disable["active"] = false;
  ASSERT_EQ(admin.Request("PUT", "/api/v1/users/wang.min", disable.dump()).status, 200);
  EXPECT_EQ(wang.Get("/api/v1/me").status, 401);
  EXPECT_EQ(admin.Request("PUT", "/api/v1/users/admin", json{{"role", "operator"}}.dump()).Json()["error"]["field"], "role");

  // Catalog: read by staff, replaced by admins, validated.
  auto catalog = op.Get("/api/v1/catalog").Json();
  ASSERT_GT(catalog["total"].get<int>(), 100);
  json items = catalog["items"];
  json broken = {{"items", items}};
  broken["items"][1]["lead"] = "LC-NOPE";
  const json rule_error = admin.Request("PUT", "/api/v1/catalog", broken.dump()).Json()["error"];
  EXPECT_EQ(rule_error["field"], "lead");
  EXPECT_EQ(rule_error["reason"], "unknown_unit");
  EXPECT_EQ(rule_error["params"], (json{{"rule", "2"}, {"code", "LC-NOPE"}}));
  EXPECT_EQ(op.Request("PUT", "/api/v1/catalog", json{{"items", items}}.dump()).status, 403);
  json smaller = {{"items", json::array({items[0], items[1]})}};
  ASSERT_EQ(admin.Request("PUT", "/api/v1/catalog", smaller.dump()).status, 200);
  EXPECT_EQ(op.Get("/api/v1/catalog").Json()["total"], 2);

  // Units and taxonomy: a cycle or a skipped level is refused, nothing changes.
  json units = op.Get("/api/v1/units").Json()["items"];
  json cyclic = units;
  for (auto& u : cyclic)
    if (u["code"] == "LC") u["parent"] = "LC-D01";
  auto cycle = admin.Request("PUT", "/api/v1/units", json{{"items", cyclic}}.dump());
  EXPECT_EQ(cycle.status, 400);
  EXPECT_EQ(cycle.Json()["error"]["reason"], "unit_cycle");
  EXPECT_TRUE(cycle.Json()["error"]["params"].contains("code"));
  json twice = units;
  twice.push_back(units[0]);
  const json duplicate = admin.Request("PUT", "/api/v1/units", json{{"items", twice}}.dump()).Json()["error"];
  EXPECT_EQ(duplicate["reason"], "duplicate_code");
  EXPECT_EQ(duplicate["params"]["code"], units[0]["code"]);
  json renamed = units;
  for (auto& u : renamed) {
    if (u["parent"].is_null()) u.erase("parent");
    if (u["code"] == "LC-D01-S01") u["name"] = "东华街道（新）";
  }
  ASSERT_EQ(admin.Request("PUT", "/api/v1/units", json{{"items", renamed}}.dump()).status, 200);
  bool found = false;
  const json after = op.Get("/api/v1/units").Json()["items"];
  for (const auto& u : after) found = found || u["name"] == "东华街道（新）";
  EXPECT_TRUE(found);
  json cats = op.Get("/api/v1/categories").Json()["items"];
  json skipped = cats;
  for (auto& c : skipped) {
    if (c["parent"].is_null()) c.erase("parent");
    if (c["level"] == 3) c["level"] = 2;
  }
  const json level_error = admin.Request("PUT", "/api/v1/categories", json{{"items", skipped}}.dump()).Json()["error"];
  EXPECT_EQ(level_error["field"], "level");
  EXPECT_EQ(level_error["reason"], "level_mismatch");

  // Every accepted change is in the audit trail, newest first; refused ones are not.
  auto audit = admin.Get("/api/v1/audit?per_page=10");
  ASSERT_EQ(audit.status, 200) << audit.body;
  const json trail = audit.Json()["items"];
  std::vector<std::string> actions;
  for (const auto& r : trail) actions.push_back(r["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"replace_units", "replace_catalog", "update_user", "create_user"}));
  EXPECT_EQ(trail[0]["actor"], "admin");
  EXPECT_NE(trail[0]["summary"].get<std::string>().find("东华街道（新）"), std::string::npos) << trail[0]["summary"];
  EXPECT_NE(trail[1]["summary"].get<std::string>().find(" → 2; removed"), std::string::npos) << trail[1]["summary"];
  EXPECT_NE(trail[2]["summary"].get<std::string>().find("disabled"), std::string::npos) << trail[2]["summary"];
  EXPECT_EQ(admin.Get("/api/v1/audit?per_page=1&page=2").Json()["items"][0]["action"], "replace_catalog");
  EXPECT_EQ(admin.Get("/api/v1/audit?per_page=500").Json()["error"]["field"], "per_page");
  EXPECT_EQ(op.Get("/api/v1/audit").status, 403);
}

}  // namespace
}  // namespace hotline

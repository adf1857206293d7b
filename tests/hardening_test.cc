// Regression tests for defects found by probing the server from outside
// (issue 8): each test names the probe it answers.
#include <gtest/gtest.h>

#include <boost/asio.hpp>

#include <atomic>
#include <fstream>
#include <future>
#include <thread>

#include "support/appeal.h"
#include "support/stream_reader.h"
#include "support/test_server.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::Appeal;
using testing::HttpClient;
using testing::StreamReader;
using testing::TestServer;

HttpClient As(TestServer& server, const std::string& user, const std::string& password = "demo") {
  HttpClient c = server.Client();
  EXPECT_EQ(c.Login(user, password), 201) << user;
  return c;
}

std::string Token(TestServer& server, const std::string& user) { return As(server, user).token(); }

// A raw request sent exactly as written (no client-side path normalisation).
std::string RawExchange(unsigned short port, const std::string& request) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket(ioc);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  boost::asio::write(socket, boost::asio::buffer(request));
  std::string out;
  boost::system::error_code ec;
  char buf[4096];
  while (true) {
    const std::size_t n = socket.read_some(boost::asio::buffer(buf), ec);
    if (ec) break;
    out.append(buf, n);
  }
  return out;
}

// Probe 1 (critical): `curl --path-as-is $H//etc/passwd` and `$H/%2Fetc/shadow` returned the file.
TEST(HardeningTest, StaticFilesNeverLeaveTheWebRoot) {
  TestServer server("hardening_static");
  const auto web = server.dir() / "web";
  std::filesystem::create_directories(web / "assets");
  std::ofstream(web / "index.html") << "<p>console</p>";
  std::ofstream(web / "assets" / "app.js") << "1";
  const std::string db = (server.dir() / "hotline.db").string();
  const unsigned short port = server.port();
  for (const std::string& target :
       {std::string("//etc/passwd"), std::string("/%2Fetc/passwd"), std::string("/%2fetc%2fpasswd"), "/" + db,
        "/%2F" + db.substr(1), std::string("/..%2F..%2Fetc/passwd"), std::string("/%2e%2e/%2e%2e/etc/passwd"),
        std::string("/assets/%2e%2e/%2e%2e/hotline.db"), std::string("/assets/../../hotline.db"),
        std::string("/assets/..%5c..%5chotline.db")}) {
    const std::string response = RawExchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), std::string::npos) << target << "\n" << response.substr(0, 200);
    EXPECT_EQ(response.find("root:"), std::string::npos) << target;
    EXPECT_EQ(response.find("SQLite format"), std::string::npos) << target;
  }
  auto index = server.Client().Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<p>console</p>");
}

TEST(HardeningTest, EveryResponseCarriesSecurityHeaders) {
  TestServer server("hardening_headers");
  std::filesystem::create_directories(server.dir() / "web");
  std::ofstream(server.dir() / "web" / "index.html") << "<p>console</p>";
  HttpClient c = server.Client();
  for (const char* target : {"/", "/api/v1/me", "/api/v1/nowhere", "/healthz", "/missing.js"}) {
    auto r = c.Get(target);
    EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_NE(r.Header("content-security-policy").find("script-src 'self'"), std::string::npos) << target;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer") << target;
    EXPECT_EQ(r.Header("access-control-allow-origin"), "") << target;  // no CORS
  }
  EXPECT_EQ(c.Get("/api/v1/me").Header("cache-control"), "no-store");
}

// Error bodies quote the path: bytes that are not UTF-8 must not throw out of the handler.
TEST(HardeningTest, BadBytesInThePathAreAnsweredNotThrown) {
  TestServer server("hardening_utf8");
  auto r = server.Client().Get("/api/v1/%FF%FE");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Json()["error"]["reason"], "not_found");
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

// Probe 2: a login flood; and accounts: throttling per username and per address.
TEST(HardeningTest, LoginsAreThrottledPerUsernameAndAddress) {
  TestServer server("hardening_login");
  service::LoginGuard::Options guard;
  guard.max_failures_per_address = 1000;  // this test is about usernames
  server.service().accounts().SetLoginGuard(guard);
  HttpClient c = server.Client();
  for (int i = 0; i < 10; ++i) ASSERT_EQ(c.Login("dispatcher", "wrong-password"), 401) << i;
  auto r = c.Post("/api/v1/sessions", {{"username", "dispatcher"}, {"password", "demo"}});
  EXPECT_EQ(r.status, 429);  // even with the right password
  EXPECT_EQ(r.Json()["error"]["reason"], "rate_limited");
  const int retry_after = std::stoi(r.Header("retry-after"));
  EXPECT_GT(retry_after, 800);
  EXPECT_LE(retry_after, 900);
  EXPECT_EQ(c.Login("operator"), 201);  // other accounts are not locked out
  server.AdvanceClock(retry_after);
  EXPECT_EQ(c.Login("dispatcher"), 201);

  service::LoginGuard::Options by_address;
  by_address.max_failures_per_address = 3;
  server.service().accounts().SetLoginGuard(by_address);
  for (const char* user : {"a1", "a2", "a3"}) EXPECT_EQ(c.Login(user, "x"), 401);
  EXPECT_EQ(c.Login("analyst"), 429);
}

TEST(HardeningTest, ConcurrentPasswordChecksAreBounded) {
  TestServer server("hardening_flood");
  service::LoginGuard::Options guard;
  guard.max_concurrent_checks = 1;
  guard.max_waiting = 2;
  guard.max_failures = guard.max_failures_per_address = 100000;
  server.service().accounts().SetLoginGuard(guard);
  std::vector<std::future<int>> logins;
  for (int i = 0; i < 24; ++i)
    logins.push_back(std::async(std::launch::async, [&] { return server.Client().Login("operator", "wrong-one"); }));
  int refused = 0, checked = 0;
  for (auto& f : logins) {
    const int status = f.get();
    EXPECT_TRUE(status == 401 || status == 429) << status;
    (status == 429 ? refused : checked) += 1;
  }
  EXPECT_GT(refused, 0);  // no queue of 24 argon2 checks (64 MiB each)
  EXPECT_GT(checked, 0);
  EXPECT_EQ(server.Client().Login("operator"), 201);
}

// Probe 3: as analyst, `phone=` confirmed guesses of a masked number.
TEST(HardeningTest, MaskedRolesMayNotSearchOrRelateByPhone) {
  TestServer server("hardening_phone");
  HttpClient op = As(server, "operator");
  const auto first = op.Post("/api/v1/tickets", Appeal()).Json()["id"].get<std::int64_t>();
  ASSERT_EQ(op.Post("/api/v1/tickets", Appeal("同一位来电人的第二件诉求")).status, 201);
  for (const char* role : {"analyst", "dispatcher"}) {
    HttpClient c = As(server, role);
    auto r = c.Get(std::string("/api/v1/tickets?phone=") + testing::kAppealCallerPhone);
    EXPECT_EQ(r.status, 403) << role;
    EXPECT_EQ(r.Json()["error"]["reason"], "personal_data_not_allowed") << role;
    const json related = c.Get("/api/v1/tickets/" + std::to_string(first) + "/related").Json();
    for (const json& item : related["items"]) EXPECT_NE(item["relation"], "same_caller") << role;
  }
  auto mine = op.Get(std::string("/api/v1/tickets?phone=") + testing::kAppealCallerPhone);
  EXPECT_EQ(mine.status, 200);
  EXPECT_EQ(mine.Json()["total"], 2);
}

// Probe 5: live streams kept delivering after logout, disable and expiry; a reset left sessions valid.
TEST(HardeningTest, LiveStreamsAndSessionsEndWithTheSession) {
  TestServer server("hardening_live");
  HttpClient admin = As(server, "admin");
  HttpClient op = As(server, "operator");

  HttpClient sup = As(server, "supervisor");
  StreamReader after_logout(server.port(), sup.token());
  ASSERT_TRUE(after_logout.WaitFor(": connected"));
  ASSERT_EQ(sup.Request("DELETE", "/api/v1/sessions").status, 200);
  EXPECT_TRUE(after_logout.WaitClosed());
  EXPECT_EQ(sup.Get("/api/v1/me").status, 401);

  // Disabling an account closes its streams and sessions at once.
  const std::string analyst = Token(server, "analyst");
  StreamReader after_disable(server.port(), analyst);
  ASSERT_TRUE(after_disable.WaitFor(": connected"));
  ASSERT_EQ(admin.Request("PUT", "/api/v1/users/analyst",
                          json{{"role", "analyst"}, {"display_name", "分析员"}, {"active", false}}.dump())
                .status,
            200);
  EXPECT_TRUE(after_disable.WaitClosed());

  // An admin password reset ends every session of the user.
  HttpClient callback = As(server, "callback");
  StreamReader after_reset(server.port(), callback.token());
  ASSERT_TRUE(after_reset.WaitFor(": connected"));
  ASSERT_EQ(admin.Request("PUT", "/api/v1/users/callback",
                          json{{"role", "callback"}, {"active", true}, {"password", "new-pass-2026"}}.dump())
                .status,
            200);
  EXPECT_TRUE(after_reset.WaitClosed());
  EXPECT_EQ(callback.Get("/api/v1/me").status, 401);
  EXPECT_EQ(server.Client().Login("callback", "new-pass-2026"), 201);

  // An idle session expires: its stream gets nothing more and its token is refused.
  HttpClient disp = As(server, "dispatcher");
  StreamReader idle(server.port(), disp.token());
  ASSERT_TRUE(idle.WaitFor(": connected"));
  server.AdvanceClock(server.service().accounts().session_options().idle_seconds + 1);
  HttpClient op2 = As(server, "operator");
  const std::string number = op2.Post("/api/v1/tickets", Appeal("过期会话不应收到此推送")).Json()["number"];
  EXPECT_FALSE(idle.WaitFor(number, 1));
  EXPECT_TRUE(idle.WaitClosed());
  auto expired = disp.Get("/api/v1/me");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.Json()["error"]["reason"], "session_expired");
}

TEST(HardeningTest, ChangingOwnPasswordEndsOtherSessionsAndFollowsThePolicy) {
  TestServer server("hardening_password");
  HttpClient here = As(server, "operator");
  HttpClient elsewhere = As(server, "operator");
  auto weak = here.Post("/api/v1/me/password", {{"current_password", "demo"}, {"new_password", "12345678"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.Json()["error"]["field"], "new_password");
  EXPECT_EQ(weak.Json()["error"]["reason"], "password_too_simple");
  auto wrong = here.Post("/api/v1/me/password", {{"current_password", "nope"}, {"new_password", "hotline-2026"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["field"], "current_password");
  ASSERT_EQ(here.Post("/api/v1/me/password", {{"current_password", "demo"}, {"new_password", "hotline-2026"}}).status,
            200);
  EXPECT_EQ(here.Get("/api/v1/me").status, 200);        // this session goes on
  EXPECT_EQ(elsewhere.Get("/api/v1/me").status, 401);  // the others end
  EXPECT_EQ(server.Client().Login("operator", "demo"), 401);
  EXPECT_EQ(server.Client().Login("operator", "hotline-2026"), 201);
}

TEST(HardeningTest, AdminDeletesAUserWhosePastEventsKeepTheirName) {
  TestServer server("hardening_delete");
  HttpClient admin = As(server, "admin");
  HttpClient op = As(server, "operator");
  const auto id = op.Post("/api/v1/tickets", Appeal()).Json()["id"].get<std::int64_t>();
  EXPECT_EQ(op.Request("DELETE", "/api/v1/users/operator").status, 403);
  EXPECT_EQ(admin.Request("DELETE", "/api/v1/users/admin").status, 400);  // not oneself
  ASSERT_EQ(admin.Request("DELETE", "/api/v1/users/operator").status, 200);
  EXPECT_EQ(admin.Request("DELETE", "/api/v1/users/operator").status, 404);
  EXPECT_EQ(op.Get("/api/v1/me").status, 401);
  auto events = admin.Get("/api/v1/tickets/" + std::to_string(id) + "/events").Json();
  EXPECT_EQ(events["items"][0]["actor"]["username"], "operator");
  auto audit = admin.Get("/api/v1/audit").Json();
  EXPECT_EQ(audit["items"][0]["action"], "delete_user");
}

TEST(HardeningTest, TimelinesAndAuditNamePeopleByTheirDisplayNames) {
  TestServer server("hardening_names");
  HttpClient admin = As(server, "admin");
  HttpClient op = As(server, "operator");
  const std::string path = "/api/v1/tickets/";
  const auto id = op.Post("/api/v1/tickets", Appeal()).Json()["id"].get<std::int64_t>();
  const std::string ticket = path + std::to_string(id);
  ASSERT_EQ(op.Post(ticket + "/to-dispatch", json::object()).status, 200);
  ASSERT_EQ(As(server, "dispatcher").Post(ticket + "/dispatch", {{"unit", "LC-D01-S01"}}).status, 200);
  // One of the unit's two named demo staff signs with their own login.
  auto staff = server.store().FindUser("LC-D01-S01.1");
  ASSERT_TRUE(staff.ok());
  ASSERT_FALSE(staff->display_name.empty());
  EXPECT_EQ(staff->unit, "LC-D01-S01");
  EXPECT_NE(staff->display_name, server.store().FindUser("LC-D01-S01.2")->display_name);
  ASSERT_EQ(As(server, "LC-D01-S01.1").Post(ticket + "/sign", json::object()).status, 200);

  json view = op.Get(ticket).Json();
  EXPECT_EQ(view["intake_by"], "operator");
  EXPECT_EQ(view["intake_by_name"], server.store().FindUser("operator")->display_name);
  ASSERT_EQ(view["events"].size(), 4u);
  EXPECT_EQ(view["events"][3]["command"], "sign");
  EXPECT_EQ(view["events"][3]["actor"]["username"], "LC-D01-S01.1");
  EXPECT_EQ(view["events"][3]["actor"]["display_name"], staff->display_name);
  EXPECT_EQ(view["events"][3]["actor"]["unit"], "LC-D01-S01");

  // An account without a display name is shown by its username.
  ASSERT_EQ(admin.Post("/api/v1/users", {{"username", "nameless"}, {"password", "s3cret-pass"}, {"role", "operator"}})
                .status,
            201);
  EXPECT_EQ(admin.Get("/api/v1/audit").Json()["items"][0]["actor_name"], "系统管理员");
  HttpClient nameless = As(server, "nameless", "s3cret-pass");
  const auto other = nameless.Post("/api/v1/tickets", Appeal()).Json()["id"].get<std::int64_t>();
  json other_view = nameless.Get(path + std::to_string(other)).Json();
  EXPECT_EQ(other_view["intake_by_name"], "nameless");
  EXPECT_EQ(other_view["events"][0]["actor"]["display_name"], "nameless");

  // A renamed account is shown by its new name at once; a deleted one by its username.
  ASSERT_EQ(admin.Request("PUT", "/api/v1/users/operator", json{{"username", "operator"}, {"role", "operator"},
                                                           {"display_name", "受理员 王敏敏"}}.dump()).status,
            200);
  EXPECT_EQ(op.Get(ticket).Json()["intake_by_name"], "受理员 王敏敏");
  ASSERT_EQ(admin.Request("DELETE", "/api/v1/users/LC-D01-S01.1").status, 200);
  json events = op.Get(ticket + "/events").Json()["items"];
  EXPECT_EQ(events[3]["actor"]["username"], "LC-D01-S01.1");
  EXPECT_EQ(events[3]["actor"]["display_name"], "LC-D01-S01.1");
}

TEST(HardeningTest, EveryUnmaskedViewOfPersonalDataIsRecorded) {
  TestServer server("hardening_pii");
  HttpClient op = As(server, "operator");
  HttpClient admin = As(server, "admin");
  const auto id = op.Post("/api/v1/tickets", Appeal()).Json()["id"].get<std::int64_t>();
  const std::string ticket = std::to_string(id);
  HttpClient sup = As(server, "supervisor");
  sup.SetHeader("X-Hotline-Screen", "工单详情");
  ASSERT_EQ(sup.Get("/api/v1/tickets/" + ticket).status, 200);
  ASSERT_EQ(As(server, "analyst").Get("/api/v1/tickets/" + ticket).status, 200);  // masked: nothing to record
  ASSERT_EQ(op.Get("/api/v1/tickets?q=%E8%B7%AF%E7%81%AF").status, 200);
  EXPECT_EQ(op.Get("/api/v1/audit/personal-data").status, 403);
  auto r = admin.Get("/api/v1/audit/personal-data?ticket=" + ticket);
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = r.Json();
  ASSERT_FALSE(body["items"].empty()) << r.body;
  std::map<std::string, std::string> seen;  // actor → endpoint
  for (const json& item : body["items"]) {
    EXPECT_EQ(item["ticket_id"], id);
    seen.emplace(item["actor"].get<std::string>(), item["endpoint"].get<std::string>());  // newest first
    if (item["actor"] == "supervisor") {
      EXPECT_EQ(item["screen"], "工单详情");
    }
  }
  EXPECT_EQ(seen["supervisor"], "GET /api/v1/tickets/{id}");
  EXPECT_EQ(seen["operator"], "GET /api/v1/tickets");  // the newest of the operator's views (after the intake)
  EXPECT_EQ(seen.count("analyst"), 0u);
  for (const json& item : body["items"])  // entering the data is in the intake event, not a view
    EXPECT_NE(item["endpoint"], "POST /api/v1/tickets");
  EXPECT_EQ(admin.Get("/api/v1/audit/personal-data?actor=supervisor").Json()["items"].size(), 1u);
}

// Probe 4: unauthenticated connections each sending a 12 MiB body pinned memory.
TEST(HardeningTest, LargeBodiesOnlyForAuthenticatedUploadsAndWithinABudget) {
  TestServer server("hardening_body", "", [](api::ServerOptions& o) { o.large_body_budget_bytes = 3 << 20; });
  const unsigned short port = server.port();
  // Without a token, a body over the JSON limit is refused before it is read.
  std::string response = RawExchange(port, "POST /api/v1/tickets/1/attachments HTTP/1.1\r\nHost: x\r\n"
                                           "Content-Length: 12000000\r\n\r\n");
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response.substr(0, 100);
  response = RawExchange(port, "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response.substr(0, 100);

  // With a token, large uploads share a budget: while 2 MiB are held, a second 2 MiB waits its turn (503).
  const std::string token = Token(server, "operator");
  const std::string head = "POST /api/v1/tickets/1/attachments?name=a.jpg HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           token + "\r\nContent-Type: image/jpeg\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n";
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket holder(ioc);
  holder.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  boost::asio::write(holder, boost::asio::buffer(head + std::string(1000, 'x')));  // the rest is withheld
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  response = RawExchange(port, head);
  EXPECT_EQ(response.rfind("HTTP/1.1 503", 0), 0u) << response;
  holder.close();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  response = RawExchange(port, head + std::string(2000000, 'x'));
  EXPECT_EQ(response.find("HTTP/1.1 503"), std::string::npos) << response.substr(0, 100);  // room again
}

TEST(HardeningTest, ConnectionsBeyondTheCapAreRefusedAndLongUrlsTooLong) {
  TestServer server("hardening_conn", "", [](api::ServerOptions& o) { o.max_connections = 8; });
  boost::asio::io_context ioc;
  std::vector<std::unique_ptr<boost::asio::ip::tcp::socket>> idle;
  for (int i = 0; i < 12; ++i) {
    idle.push_back(std::make_unique<boost::asio::ip::tcp::socket>(ioc));
    idle.back()->connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::string refused = RawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused.substr(0, 100);
  idle.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
  EXPECT_EQ(server.Client().Get("/api/v1/tickets?q=" + std::string(20000, 'a')).status, 431);
}

}  // namespace
}  // namespace hotline

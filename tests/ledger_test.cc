// GET /api/v1/ledger over HTTP (issue 10, 动态清零): the month's unsatisfied or
// unresolved tickets, cleared or open, the clear-down rate, unit scope, filters,
// paging, errors naming the field, and the CSV and XLSX exports.
#include <gtest/gtest.h>

#include "domain/ledger.h"
#include "support/appeal.h"
#include "support/shared_server_test.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::HttpClient;

class LedgerTest : public testing::SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    StartServer("ledger_test");
    // Three tickets found unsatisfied this month: one closed by the supervisor with
    // a reason, one reopened and then satisfied, one still open (in another district).
    a_ = Unsatisfied("LC-D01-S01");
    Do("supervisor", a_, "close", {{"reason", "诉求人要求超出政策，已解释"}});
    b_ = Unsatisfied("LC-D01-S01");
    Do("supervisor", b_, "reopen", {{"reason", "二次办理"}});
    ReplyAndReview(b_, "LC-D01-S01");
    Do("callback", b_, "callback", {{"satisfaction", "satisfied"}, {"resolved", true}});
    c_ = Unsatisfied("LC-D02-S01");
    // Satisfied at once: not in the ledger.
    const std::int64_t d = Dispatched("LC-D01-S01");
    ReplyAndReview(d, "LC-D01-S01");
    Do("callback", d, "callback", {{"satisfaction", "satisfied"}, {"resolved", true}});
  }
  static std::string Cmd(std::int64_t id, const std::string& command) {
    return "/api/v1/tickets/" + std::to_string(id) + "/" + command;
  }
  static void Do(const std::string& user, std::int64_t id, const std::string& command, const json& body) {
    HttpClient c = As(user);
    auto r = c.Post(Cmd(id, command), body);
    ASSERT_EQ(r.status, 200) << command << " " << r.body;
  }
  static std::int64_t Dispatched(const std::string& unit) {
    HttpClient op = As("operator");
    auto r = op.Post("/api/v1/tickets", testing::Appeal());
    EXPECT_EQ(r.status, 201) << r.body;
    const auto id = r.Json()["id"].get<std::int64_t>();
    Do("operator", id, "dispatch", {{"unit", unit}});
    Do(unit, id, "sign", json::object());
    return id;
  }
  static void ReplyAndReview(std::int64_t id, const std::string& unit) {
    Do(unit, id, "reply", {{"content", "已到现场处理"}, {"result", "resolved"}});
    Do("callback", id, "review", {{"accept", true}});
  }
  static std::int64_t Unsatisfied(const std::string& unit) {
    const std::int64_t id = Dispatched(unit);
    ReplyAndReview(id, unit);
    Do("callback", id, "callback",
       {{"satisfaction", "unsatisfied"}, {"resolved", false}, {"dissatisfaction", "unresolved"}});
    return id;
  }
  static std::string ThisMonth() { return LedgerMonthOf(server_->service().Now()); }
  static json Ledger(const std::string& user, const std::string& query = "") {
    HttpClient c = As(user);
    auto r = c.Get("/api/v1/ledger?month=" + ThisMonth() + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  static const json* Row(const json& ledger, std::int64_t id) {
    for (const json& row : ledger["items"])
      if (row["id"] == id) return &row;
    return nullptr;
  }

  static inline std::int64_t a_ = 0, b_ = 0, c_ = 0;
};

TEST_F(LedgerTest, ListsTheMonthsRowsWithOwnerStateClearingAndRate) {
  json l = Ledger("supervisor", "&per_page=200");
  EXPECT_EQ(l["month"], ThisMonth());
  EXPECT_EQ(l["total"], 3);
  EXPECT_EQ(l["cleared"], 2);
  EXPECT_EQ(l["open"], 1);
  EXPECT_NEAR(l["rate"].get<double>(), 2.0 / 3.0, 1e-9);
  ASSERT_EQ(l["items"].size(), 3u);
  const json* a = Row(l, a_);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ((*a)["cleared"], true);
  EXPECT_EQ((*a)["cleared_how"], "closed_with_reason");
  EXPECT_EQ((*a)["clear_reason"], "诉求人要求超出政策，已解释");
  EXPECT_EQ((*a)["cleared_by"], "supervisor");
  EXPECT_EQ((*a)["state"], "closed");
  EXPECT_EQ((*a)["lead_unit"], "LC-D01-S01");
  EXPECT_EQ((*a)["lead_unit_name"], "东华街道");
  EXPECT_EQ((*a)["dissatisfaction"], "unresolved");
  EXPECT_EQ((*a)["resolved"], false);
  EXPECT_TRUE((*a)["number"].get<std::string>().starts_with("LC"));
  const json* b = Row(l, b_);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ((*b)["cleared_how"], "satisfied");
  EXPECT_TRUE((*b)["clear_reason"].is_null());
  const json* c = Row(l, c_);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ((*c)["cleared"], false);
  EXPECT_EQ((*c)["state"], "unsatisfied");
  EXPECT_TRUE((*c)["cleared_at"].is_null());
}

TEST_F(LedgerTest, FiltersAndPages) {
  json open = Ledger("analyst", "&cleared=no");
  ASSERT_EQ(open["items"].size(), 1u);
  EXPECT_EQ(open["items"][0]["id"], c_);
  EXPECT_EQ(open["total"], 3);  // the month's counts whatever the filter
  EXPECT_EQ(open["matching"], 1);
  json cleared = Ledger("analyst", "&cleared=yes&per_page=1&page=2");
  EXPECT_EQ(cleared["matching"], 2);
  ASSERT_EQ(cleared["items"].size(), 1u);
  EXPECT_EQ(cleared["items"][0]["id"], b_);  // by the first unsatisfied callback
  json d2 = Ledger("analyst", "&unit=LC-D02");
  EXPECT_EQ(d2["total"], 1);
  EXPECT_EQ(d2["rate"], 0.0);
  json other = Ledger("analyst", "&unit=LC-D03");
  EXPECT_EQ(other["total"], 0);
  EXPECT_TRUE(other["items"].empty());
}

TEST_F(LedgerTest, UnitsSeeTheirSubtreeAndOthersAreRefused) {
  json street = Ledger("LC-D01-S01");
  EXPECT_EQ(street["total"], 2);
  json district_supervisor = Ledger("LC-D02.sup");
  EXPECT_EQ(district_supervisor["total"], 1);
  EXPECT_EQ(Ledger("LC-D03-S01")["total"], 0);
  for (const char* user : {"operator", "dispatcher", "callback"}) {
    HttpClient c = As(user);
    auto r = c.Get("/api/v1/ledger?month=" + ThisMonth());
    EXPECT_EQ(r.status, 403) << user;
    EXPECT_EQ(r.Json()["error"]["reason"], "role_not_allowed") << user;
  }
  EXPECT_EQ(server_->Client().Get("/api/v1/ledger?month=" + ThisMonth()).status, 401);
}

TEST_F(LedgerTest, BadParametersNameTheirField) {
  HttpClient c = As("supervisor");
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"", "month", "required"},
      {"month=2026-13", "month", "invalid_value"},
      {"month=2026-1", "month", "invalid_value"},
      {"month=26-01", "month", "invalid_value"},
      {"month=2026-01&cleared=maybe", "cleared", "invalid_value"},
      {"month=2026-01&unit=NOPE", "unit", "unknown_unit"},
      {"month=2026-01&format=pdf", "format", "invalid_value"},
      {"month=2026-01&per_page=500", "per_page", "invalid_value"},
      {"month=2026-01&sort=id", "sort", "unknown_field"},
  };
  for (const auto& [query, field, reason] : cases) {
    auto r = c.Get("/api/v1/ledger?" + query);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field) << query << " " << r.body;
    EXPECT_EQ(r.Json()["error"]["reason"], reason) << query << " " << r.body;
  }
}

TEST_F(LedgerTest, ExportsCsvAndXlsx) {
  HttpClient c = As("supervisor");
  auto csv = c.Get("/api/v1/ledger?month=" + ThisMonth() + "&format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF工单编号,"));
  int lines = 0;
  for (char ch : csv.body) lines += ch == '\n';
  EXPECT_EQ(lines, 4);  // the header and three rows
  EXPECT_NE(csv.body.find("诉求人要求超出政策，已解释"), std::string::npos);
  EXPECT_NE(csv.body.find("未清零"), std::string::npos);
  // Unit staff export their own rows only.
  HttpClient street = As("LC-D02-S01");
  auto mine = street.Get("/api/v1/ledger?month=" + ThisMonth() + "&format=csv&cleared=no");
  ASSERT_EQ(mine.status, 200);
  lines = 0;
  for (char ch : mine.body) lines += ch == '\n';
  EXPECT_EQ(lines, 2);

  auto xlsx = c.Get("/api/v1/ledger?month=" + ThisMonth() + "&format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(xlsx.body.starts_with("PK\x03\x04"));  // a zip container
  EXPECT_NE(xlsx.body.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_GT(xlsx.body.size(), 3000u);
}

}  // namespace
}  // namespace hotline

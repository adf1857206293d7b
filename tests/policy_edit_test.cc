// The admin's changes to the time limits over HTTP (issue 10): PUT /api/v1/policies
// (the whole rule set and working hours, with the version read) and
// PUT /api/v1/calendar/{year} (one year of the holiday calendar, CSV or JSON).
// An edit reaches the next dispatch's deadlines without a restart while tickets
// dispatched before keep theirs; a stale version is 409; a bad row names its line
// and field and changes nothing; only the admin may change them; an uploaded year
// appears in /policies and ends the calendar warning; each change is audited and
// survives a restart.
#include <gtest/gtest.h>

#include "support/appeal.h"
#include "support/shared_server_test.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::HttpClient;

UnixSeconds LocalNoon(int y, unsigned m, unsigned d) {
  return static_cast<UnixSeconds>(DaysFromCivil(y, m, d)) * 86400 + 12 * 3600 - WorkCalendar::kUtcOffsetSeconds;
}

std::string Param(const json& error, const std::string& key) {
  const json& params = error["error"].value("params", json::object());
  return params.contains(key) ? params[key].get<std::string>() : "";
}

class PolicyEditTest : public testing::SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer("policy_edit_test"); }
  static void SetClock(UnixSeconds t) { server_->AdvanceClock(t - server_->service().Now()); }

  static json Policies() {
    HttpClient c = As("admin");
    auto r = c.Get("/api/v1/policies");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  // The change body for what GET returned: every rule's text, the hours, the version.
  static json EditOf(const json& policies) {
    json rules = json::array();
    for (const json& r : policies["rules"]) rules.push_back(r["text"]);
    return {{"version", policies["version"]}, {"rules", rules}, {"working_hours", policies["working_hours"]}};
  }
  static testing::HttpResult Put(HttpClient& c, const std::string& target, const json& body) {
    return c.Request("PUT", target, body.dump());
  }
  static json& RuleText(json& edit, const std::string& id) {
    for (json& r : edit["rules"])
      if (r["rule"] == id) return r;
    ADD_FAILURE() << "no rule " << id;
    return edit;
  }
  // A normal help appeal dispatched to 东华街道; the sign deadline's time from the dispatch.
  static UnixSeconds SignTimeOfNewDispatch() {
    HttpClient op = As("operator");
    auto r = op.Post("/api/v1/tickets", testing::Appeal("小区门口路灯坏了一个多星期，晚上很黑"));
    EXPECT_EQ(r.status, 201) << r.body;
    const std::int64_t id = r.Json().value("id", std::int64_t{0});
    HttpClient disp = As("dispatcher");
    auto d = disp.Post("/api/v1/tickets/" + std::to_string(id) + "/dispatch", {{"unit", "LC-D01-S01"}});
    EXPECT_EQ(d.status, 200) << d.body;
    return SignTime(id);
  }
  static UnixSeconds SignTime(std::int64_t id) {
    auto t = server_->store().GetTicket(id);
    auto events = server_->store().GetEvents(id);
    EXPECT_TRUE(t.ok() && events.ok());
    UnixSeconds dispatched = 0;
    for (const Event& e : *events)
      if (e.command == "dispatch") dispatched = e.at;
    for (const Deadline& d : t->deadlines)
      if (d.kind == DeadlineKind::kSign) return d.due_at - dispatched;
    ADD_FAILURE() << "no sign deadline";
    return 0;
  }
  static std::size_t AuditCount(const std::string& action) {
    HttpClient c = As("admin");
    auto r = c.Get("/api/v1/audit?per_page=100");
    EXPECT_EQ(r.status, 200) << r.body;
    const json body = r.Json();  // kept: the loop reads into it
    std::size_t n = 0;
    for (const json& item : body["items"])
      if (item["action"] == action) ++n;
    return n;
  }
};

TEST_F(PolicyEditTest, AnEditReachesTheNextDispatchAndTicketsKeepTheirDeadlines) {
  // A Monday at noon: the default rule gives the sign deadline in natural hours.
  SetClock(LocalNoon(2026, 11, 16));
  HttpClient admin = As("admin");
  const json before = Policies();
  EXPECT_EQ(before["source"], "files");
  const UnixSeconds old_sign = SignTimeOfNewDispatch();
  EXPECT_EQ(old_sign, 24 * 3600);
  json edit = EditOf(before);
  RuleText(edit, "default")["sign"] = "3 natural_hours";
  const std::size_t audited = AuditCount("replace_time_limits");
  auto r = Put(admin, "/api/v1/policies", edit);
  ASSERT_EQ(r.status, 200) << r.body;
  const json after = r.Json();
  EXPECT_EQ(after["version"], before["version"].get<int>() + 1);
  EXPECT_EQ(after["source"], "store");
  EXPECT_EQ(Policies()["rules"][0]["limits"]["sign"], json({{"amount", 3}, {"unit", "natural_hours"}}));
  EXPECT_EQ(SignTimeOfNewDispatch(), 3 * 3600);  // no restart needed
  EXPECT_EQ(AuditCount("replace_time_limits"), audited + 1);

  // Put it back, so the other tests see the shipped rules.
  json back = EditOf(before);
  back["version"] = after["version"];
  ASSERT_EQ(Put(admin, "/api/v1/policies", back).status, 200);
  EXPECT_EQ(SignTimeOfNewDispatch(), 24 * 3600);
}

TEST_F(PolicyEditTest, AStaleVersionIsRefusedAndChangesNothing) {
  HttpClient admin = As("admin");
  const json read = Policies();
  json first = EditOf(read);
  RuleText(first, "urgent")["sign"] = "2 natural_hours";
  ASSERT_EQ(Put(admin, "/api/v1/policies", first).status, 200);
  json second = EditOf(read);  // edited from the same, now stale, version
  RuleText(second, "urgent")["sign"] = "30 natural_hours";
  auto r = Put(admin, "/api/v1/policies", second);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.Json()["error"]["reason"], "stale_version");
  const json now = Policies();
  EXPECT_EQ(now["version"], read["version"].get<int>() + 1);
  EXPECT_EQ(now["rules"][1]["text"]["sign"], "2 natural_hours");
  json restore = EditOf(read);
  restore["version"] = now["version"];
  ASSERT_EQ(Put(admin, "/api/v1/policies", restore).status, 200);
}

TEST_F(PolicyEditTest, ABadRowNamesItsLineAndFieldAndNothingChanges) {
  HttpClient admin = As("admin");
  const json read = Policies();
  const std::size_t audited = AuditCount("replace_time_limits");
  json edit = EditOf(read);
  edit["rules"][1]["handle"] = "3 fortnights";
  auto r = Put(admin, "/api/v1/policies", edit);
  ASSERT_EQ(r.status, 400) << r.body;
  json error = r.Json();
  EXPECT_EQ(error["error"]["field"], "handle");
  EXPECT_EQ(error["error"]["reason"], "invalid_value");
  EXPECT_EQ(Param(error, "line"), "2");
  EXPECT_EQ(Param(error, "list"), "rules");

  // The set's own checks (TimeLimitPolicy::Make): the same conditions twice.
  edit = EditOf(read);
  json twin = edit["rules"][0];
  twin["rule"] = "default-again";
  edit["rules"].push_back(twin);
  r = Put(admin, "/api/v1/policies", edit);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Param(r.Json(), "line"), std::to_string(edit["rules"].size()));

  edit = EditOf(read);
  edit["working_hours"] = json::array({{{"start", "09:00"}, {"end", "12:00"}}, {{"start", "11:00"}, {"end", "17:00"}}});
  r = Put(admin, "/api/v1/policies", edit);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Param(r.Json(), "list"), "working_hours");
  EXPECT_EQ(Param(r.Json(), "line"), "2");

  EXPECT_EQ(Policies(), read);
  EXPECT_EQ(AuditCount("replace_time_limits"), audited);
}

TEST_F(PolicyEditTest, OnlyTheAdminChangesThem) {
  const json read = Policies();
  for (const char* user : {"operator", "dispatcher", "supervisor", "callback", "analyst", "LC-D01-S01"}) {
    HttpClient c = As(user);
    EXPECT_EQ(Put(c, "/api/v1/policies", EditOf(read)).status, 403) << user;
    EXPECT_EQ(c.Request("PUT", "/api/v1/calendar/2027", "date,kind\n2027-01-01,holiday\n", "text/csv").status, 403)
        << user;
    EXPECT_EQ(c.Get("/api/v1/calendar/2026").status, 200) << user;
  }
  EXPECT_EQ(server_->Client().Get("/api/v1/calendar/2026").status, 401);
  EXPECT_EQ(Policies()["version"], read["version"]);
}

TEST_F(PolicyEditTest, AnUploadedYearEndsTheWarningAndCountsInWorkingDays) {
  SetClock(LocalNoon(2026, 11, 20));  // before logging in: a session does not outlive days of the clock
  HttpClient admin = As("admin");
  json p = Policies();
  ASSERT_FALSE(p["calendar_warning"].is_null());
  EXPECT_EQ(p["calendar_warning"]["year"], 2027);
  const std::size_t audited = AuditCount("replace_calendar_year");

  // A date of another year: refused naming the line and the field; nothing kept.
  const std::string bad = "# 2027\ndate,kind\n2027-01-01,holiday\n2026-10-08,workday\n";
  auto r = admin.Request("PUT", "/api/v1/calendar/2027", bad, "text/csv");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "date");
  EXPECT_EQ(r.Json()["error"]["reason"], "date_outside_year");
  EXPECT_EQ(Param(r.Json(), "line"), "4");
  r = admin.Request("PUT", "/api/v1/calendar/2027", "date,kind\n2027-01-01,holiday\n2027-01-01,holiday\n", "text/csv");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["reason"], "duplicate_date");
  EXPECT_EQ(Param(r.Json(), "line"), "3");
  EXPECT_EQ(admin.Get("/api/v1/calendar/2027").Json()["days"].size(), 0u);
  EXPECT_FALSE(Policies()["calendar_warning"].is_null());

  const std::string csv =
      "# 2027 (test)\ndate,kind\n2027-01-01,holiday\n2027-01-02,holiday\n2027-01-03,holiday\n"
      "2027-02-06,holiday\n2027-02-07,holiday\n2027-02-08,holiday\n2027-02-09,holiday\n"
      "2027-02-10,holiday\n2027-02-11,holiday\n2027-02-12,holiday\n2027-02-13,holiday\n2027-02-14,workday\n";
  r = admin.Request("PUT", "/api/v1/calendar/2027", csv, "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["holidays"], 11);
  EXPECT_EQ(r.Json()["workdays"], 1);
  p = Policies();
  EXPECT_TRUE(p["calendar_warning"].is_null()) << p["calendar_warning"];
  EXPECT_EQ(p["calendar_years"].back(), 2027);
  EXPECT_EQ(p["calendar_uploaded_years"], json({2027}));
  EXPECT_EQ(AuditCount("replace_calendar_year"), audited + 1);
  HttpClient op = As("operator");
  json year = op.Get("/api/v1/calendar/2027").Json();
  ASSERT_EQ(year["days"].size(), 12u);
  EXPECT_EQ(year["days"][0], json({{"date", "2027-01-01"}, {"kind", "holiday"}}));
  // The shipped years are still listed.
  EXPECT_GT(op.Get("/api/v1/calendar/2026").Json()["days"].size(), 20u);

  // JSON works as well; the year in force is the last upload.
  r = Put(admin, "/api/v1/calendar/2027", {{"days", {{{"date", "2027-01-01"}, {"kind", "holiday"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(op.Get("/api/v1/calendar/2027").Json()["days"].size(), 1u);
  r = Put(admin, "/api/v1/calendar/2027", {{"days", {{{"date", "2027-01-01"}, {"kind", "rest"}}}}});
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "kind");
  EXPECT_EQ(admin.Request("PUT", "/api/v1/calendar/27", csv, "text/csv").status, 400);

  // Removing the upload: only the admin; the year is uncovered again (the file
  // lacks 2027), the warning is back, and it is audited; a year never uploaded is 404.
  EXPECT_EQ(op.Request("DELETE", "/api/v1/calendar/2027").status, 403);
  EXPECT_EQ(admin.Request("DELETE", "/api/v1/calendar/2026").Json()["error"]["reason"], "not_found");
  r = admin.Request("DELETE", "/api/v1/calendar/2027");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["days"].size(), 0u);
  p = Policies();
  EXPECT_FALSE(p["calendar_warning"].is_null());
  EXPECT_EQ(p["calendar_uploaded_years"], json::array());
  EXPECT_EQ(p["calendar_years"].back(), 2026);
  EXPECT_EQ(AuditCount("remove_calendar_year"), 1u);
  EXPECT_EQ(admin.Request("DELETE", "/api/v1/calendar/2027").status, 404) << "removed already";

  // Removing an upload of a year the file has brings the file's days back.
  const std::size_t shipped = op.Get("/api/v1/calendar/2026").Json()["days"].size();
  r = Put(admin, "/api/v1/calendar/2026", {{"days", {{{"date", "2026-01-01"}, {"kind", "holiday"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(op.Get("/api/v1/calendar/2026").Json()["days"].size(), 1u);
  r = admin.Request("DELETE", "/api/v1/calendar/2026");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["days"].size(), shipped);
}

}  // namespace
}  // namespace hotline

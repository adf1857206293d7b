// GET /api/v1/policies over HTTP (issue 10): the time-limit rules in force as the
// data directory gives them, the working hours, the calendar's years, and the
// calendar warning as the server's clock moves past November 1.
#include <gtest/gtest.h>

#include "app/time_limit_files.h"
#include "support/shared_server_test.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::HttpClient;

UnixSeconds LocalNoon(int y, unsigned m, unsigned d) {
  return static_cast<UnixSeconds>(DaysFromCivil(y, m, d)) * 86400 + 12 * 3600 - WorkCalendar::kUtcOffsetSeconds;
}

class PoliciesTest : public testing::SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer("policies_test"); }
  static json Policies(const std::string& user = "operator") {
    HttpClient c = As(user);
    auto r = c.Get("/api/v1/policies");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  // The server's clock (system time + an offset) to `t`.
  static void SetClock(UnixSeconds t) { server_->AdvanceClock(t - server_->service().Now()); }
};

TEST_F(PoliciesTest, EveryStaffRoleReadsThemAndNobodyElse) {
  EXPECT_EQ(server_->Client().Get("/api/v1/policies").status, 401);
  for (const char* user : {"operator", "dispatcher", "supervisor", "callback", "analyst", "admin", "LC-D01-S01"}) {
    HttpClient c = As(user);
    EXPECT_EQ(c.Get("/api/v1/policies").status, 200) << user;
  }
}

TEST_F(PoliciesTest, ListsTheRulesOfTheDataDirectory) {
  const auto files = app::LoadTimeLimitFiles(app::DataDir());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  json p = Policies();
  const auto& rules = files->policy.rules();
  ASSERT_EQ(p["rules"].size(), rules.size());
  EXPECT_EQ(p["total"], rules.size());
  bool saw_default = false, saw_enterprise = false;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    json& shown = p["rules"][i];
    EXPECT_EQ(shown["rule"], rules[i].id);
    EXPECT_EQ(shown["conditions"], rules[i].conditions());
    EXPECT_EQ(shown["note"], rules[i].note);
    for (DeadlineKind kind : kAllDeadlineKinds) {
      const std::string name(Name(kind));
      const auto& limit = rules[i].limit(kind);
      ASSERT_EQ(shown["limits"].contains(name), limit.has_value()) << rules[i].id << " " << name;
      if (!limit) continue;
      EXPECT_EQ(shown["limits"][name]["amount"], limit->amount);
      EXPECT_EQ(shown["limits"][name]["unit"], std::string(Name(limit->unit)));
    }
    if (rules[i].conditions() == 0) {
      saw_default = true;
      EXPECT_TRUE(shown["urgency"].is_null() && shown["category"].is_null() && shown["enterprise"].is_null());
      EXPECT_EQ(shown["limits"].size(), kDeadlineKinds);
    }
    if (rules[i].enterprise == true && rules[i].conditions() == 1) {
      saw_enterprise = true;
      EXPECT_EQ(shown["enterprise"], true);
      EXPECT_TRUE(shown["appeal_type"].is_null());
    }
    if (rules[i].urgency) {
      EXPECT_EQ(shown["urgency"], std::string(Name(*rules[i].urgency)));
    }
    if (!rules[i].category.empty()) {
      EXPECT_EQ(shown["category"], rules[i].category);
    }
  }
  EXPECT_TRUE(saw_default);
  EXPECT_TRUE(saw_enterprise);  // the 2110 rule
  EXPECT_EQ(p["deadline_kinds"], json({"sign", "contact", "reply", "handle", "callback"}));
  EXPECT_EQ(p["units"], json({"natural_hours", "working_hours", "working_days", "natural_days"}));
  EXPECT_EQ(p["time_zone"], "Asia/Shanghai");
  const auto& periods = files->working_hours.periods();
  ASSERT_EQ(p["working_hours"].size(), periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    EXPECT_EQ(p["working_hours"][i]["start"], FormatClockTime(periods[i].start));
    EXPECT_EQ(p["working_hours"][i]["end"], FormatClockTime(periods[i].end));
  }
  EXPECT_EQ(p["calendar_years"], json(files->calendar_years));
  EXPECT_EQ(p["calendar_years"].front(), 2019);
}

TEST_F(PoliciesTest, CalendarWarningFromNovemberFirstWhenNextYearIsMissing) {
  const std::vector<int> years = app::LoadCalendarYears(app::DataDir() + "/calendar/cn_holidays.csv").value();
  const int last = years.back();
  SetClock(LocalNoon(last, 10, 31));
  EXPECT_TRUE(Policies()["calendar_warning"].is_null());
  SetClock(LocalNoon(last, 11, 1));
  json warning = Policies("dispatcher")["calendar_warning"];
  ASSERT_TRUE(warning.is_object()) << warning;
  EXPECT_EQ(warning["year"], last + 1);
  EXPECT_EQ(warning["current_year"], false);
  EXPECT_NE(warning["message"].get<std::string>().find(std::to_string(last + 1)), std::string::npos);
  SetClock(LocalNoon(last + 1, 3, 1));
  warning = Policies("analyst")["calendar_warning"];
  ASSERT_TRUE(warning.is_object()) << warning;
  EXPECT_EQ(warning["year"], last + 1);
  EXPECT_EQ(warning["current_year"], true);
  SetClock(LocalNoon(years.front(), 6, 1));
  EXPECT_TRUE(Policies()["calendar_warning"].is_null());
}

}  // namespace
}  // namespace hotline

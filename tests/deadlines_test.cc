// A ticket's deadlines over HTTP (issue 10): urgency at intake, the five deadlines
// a dispatch starts under the data directory's rules, the `contact` command that
// meets the contact deadline, the overdue state as of the read, and replay from
// the stored events reproducing them.
#include <gtest/gtest.h>

#include <ctime>

#include "api/views.h"
#include "domain/state_machine.h"
#include "support/appeal.h"
#include "support/shared_server_test.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::HttpClient;

class DeadlinesTest : public testing::SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer("deadlines_test"); }

  static std::int64_t Intake(HttpClient& op, json body) {
    auto r = op.Post("/api/v1/tickets", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().value("id", std::int64_t{0});
  }
  static std::string Path(std::int64_t id, const std::string& command = "") {
    return "/api/v1/tickets/" + std::to_string(id) + (command.empty() ? "" : "/" + command);
  }
  static json Get(HttpClient& c, std::int64_t id) {
    auto r = c.Get(Path(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  static json Deadline(const json& ticket, const std::string& kind) {
    for (const json& d : ticket["deadlines"])
      if (d["kind"] == kind) return d;
    ADD_FAILURE() << "no " << kind << " deadline in " << ticket["deadlines"];
    return json::object();
  }
  // A company appeal, important, dispatched to 东华街道 by the dispatcher.
  static std::int64_t DispatchedCompanyAppeal() {
    HttpClient op = As("operator");
    json body = testing::Appeal("园区企业反映厂区门口道路积水，货车无法进出");
    body["enterprise"] = true;
    body["urgency"] = "important";
    const std::int64_t id = Intake(op, body);
    HttpClient disp = As("dispatcher");
    auto r = disp.Post(Path(id, "dispatch"), {{"unit", "LC-D01-S01"}});
    EXPECT_EQ(r.status, 200) << r.body;
    return id;
  }
};

TEST_F(DeadlinesTest, IntakeTakesUrgencyAndRefusesBadValuesNamingTheField) {
  HttpClient op = As("operator");
  const std::int64_t before = Count();
  json bad = testing::Appeal();
  bad["urgency"] = "soon";
  auto r = op.Post("/api/v1/tickets", bad);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "urgency");
  bad["urgency"] = "normal";
  bad["urgent"] = true;
  r = op.Post("/api/v1/tickets", bad);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "urgency") << "urgent and urgency disagree";
  EXPECT_EQ(Count(), before) << "nothing was created";

  json old = testing::Appeal();
  old["urgent"] = true;  // the older spelling still works
  json t = Get(op, Intake(op, old));
  EXPECT_EQ(t["urgency"], "urgent");
  EXPECT_EQ(t["urgent"], true);
  EXPECT_EQ(t["priority"], 2);
  json important = testing::Appeal();
  important["urgency"] = "important";
  t = Get(op, Intake(op, important));
  EXPECT_EQ(t["urgency"], "important");
  EXPECT_EQ(t["urgent"], false);
  EXPECT_EQ(t["priority"], 1);
  EXPECT_EQ(t["deadlines"], json::array()) << "nothing runs before the dispatch";
}

TEST_F(DeadlinesTest, DispatchStartsFiveDeadlinesUnderTheRulesInForce) {
  const std::int64_t id = DispatchedCompanyAppeal();
  HttpClient disp = As("dispatcher");
  json t = Get(disp, id);
  ASSERT_EQ(t["deadlines"].size(), 5u) << t["deadlines"];
  std::vector<std::string> kinds;
  for (const json& d : t["deadlines"]) kinds.push_back(d["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"sign", "contact", "reply", "handle", "callback"}));
  EXPECT_EQ(Deadline(t, "handle")["due_at"], t["due_at"]) << "due_at stays the handling deadline";
  EXPECT_TRUE(Deadline(t, "callback")["due_at"].is_null());
  for (const json& d : t["deadlines"]) {
    EXPECT_EQ(d["state"], "pending") << d;
    EXPECT_TRUE(d["met_at"].is_null());
  }
  // The shipped rules: important → sign and contact within 2 hours (DB11/T); the
  // company's handling within 10 working days (2110).
  const Ticket stored = server_->store().GetTicket(id).value();
  EXPECT_EQ(Deadline(t, "sign")["due_at"], api::FormatTime(stored.dispatched_at + 2 * 3600));
  EXPECT_EQ(Deadline(t, "contact")["due_at"], api::FormatTime(stored.dispatched_at + 2 * 3600));
  const WorkCalendar& calendar = server_->service().reference()->time_limits->work_time.calendar();
  EXPECT_EQ(stored.due_at, calendar.AddWorkingDays(stored.dispatched_at, 10));

  // The dispatch event records them; replay from the events alone gives the same.
  auto events = server_->store().GetEvents(id).value();
  ASSERT_TRUE(events.back().input.deadlines.has_value());
  EXPECT_EQ(*events.back().input.deadlines, stored.deadlines);
  const auto ref = server_->service().reference();
  Context bare;  // the units, but no time-limit rules and no calendar
  bare.units = &ref->units;
  auto replayed = Replay(events, bare);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->deadlines, stored.deadlines);
}

TEST_F(DeadlinesTest, TheUnitRecordsTheContactAndMeetsItsDeadline) {
  const std::int64_t id = DispatchedCompanyAppeal();
  HttpClient unit = As("LC-D01-S01");
  const std::int64_t version = Get(unit, id)["version"];
  auto r = unit.Post(Path(id, "contact"), {{"contact_method", "not_contacted"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "contact_method");
  r = unit.Post(Path(id, "contact"), {{"contact_method", "phone"}, {"handler", "李红"}});
  EXPECT_EQ(r.status, 400) << "contact does not take a handler: " << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "handler");
  HttpClient other = As("LC-D02-S01");
  EXPECT_EQ(other.Post(Path(id, "contact"), {{"contact_method", "phone"}}).status, 403);
  EXPECT_EQ(Get(unit, id)["version"], version) << "refusals change nothing";

  r = unit.Post(Path(id, "contact"), {{"contact_method", "visit"}, {"content", "已上门查看，约定明日抽水"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json t = r.Json();
  EXPECT_EQ(Deadline(t, "contact")["state"], "met");
  EXPECT_FALSE(Deadline(t, "contact")["met_at"].is_null());
  EXPECT_EQ(Deadline(t, "sign")["state"], "pending") << "contact is not the signature";
  EXPECT_EQ(t["state"], "dispatched");
}

TEST_F(DeadlinesTest, APassedDeadlineShowsOverdueAsOfTheRead) {
  const std::int64_t id = DispatchedCompanyAppeal();
  {
    HttpClient early = As("dispatcher");
    EXPECT_EQ(Deadline(Get(early, id), "sign")["state"], "pending");
  }
  server_->AdvanceClock(3 * 3600);  // the 2 hours to sign have run out (and the idle sessions)
  HttpClient disp = As("dispatcher");
  json t = Get(disp, id);
  EXPECT_EQ(Deadline(t, "sign")["state"], "overdue");
  EXPECT_EQ(Deadline(t, "handle")["state"], "pending");
  // Signing now meets it, late.
  HttpClient unit = As("LC-D01-S01");
  auto r = unit.Post(Path(id, "sign"), json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  t = r.Json();
  EXPECT_EQ(Deadline(t, "sign")["state"], "met");
  EXPECT_GT(Deadline(t, "sign")["met_at"].get<std::string>(), Deadline(t, "sign")["due_at"].get<std::string>());
  EXPECT_EQ(Deadline(t, "contact")["state"], "overdue") << "recorded by the transition";
}


// 暂停计时 over HTTP: the lead unit stops the clock with a reason from the list and
// starts it again; the scheduler's notices are not requests; once the clock has
// run past the deadlines, the scheduler gives its notices as the actor system and
// an overdue handling deadline brings supervision by rule.
TEST_F(DeadlinesTest, PauseResumeAndTheSchedulersNotices) {
  const std::int64_t id = DispatchedCompanyAppeal();
  HttpClient unit = As("LC-D01-S01");
  ASSERT_EQ(unit.Post(Path(id, "sign"), json::object()).status, 200);
  auto r = unit.Post(Path(id, "pause"), {{"reason", "waiting"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "reason");
  HttpClient other = As("LC-D02-S01");
  EXPECT_EQ(other.Post(Path(id, "pause"), {{"reason", "awaiting_third_party"}}).status, 403);
  r = unit.Post(Path(id, "pause"), {{"reason", "awaiting_third_party"}, {"content", "等待房屋安全鉴定"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json t = r.Json();
  EXPECT_EQ(t["paused"]["reason"], "awaiting_third_party");
  EXPECT_EQ(Deadline(t, "handle")["state"], "paused");
  EXPECT_EQ(t["overdue"], false);
  r = unit.Post(Path(id, "pause"), {{"reason", "citizen_unreachable"}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.Json()["error"]["reason"], "paused");

  HttpClient admin = As("admin");
  r = admin.Post(Path(id, "warn"), {{"deadline", "handle"}});
  EXPECT_EQ(r.status, 400) << "notices come from the scheduler only: " << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "command");

  r = unit.Post(Path(id, "resume"), json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  t = r.Json();
  EXPECT_TRUE(t["paused"].is_null());
  EXPECT_EQ(Deadline(t, "handle")["state"], "pending");
  EXPECT_FALSE(Deadline(t, "handle")["warn_at"].is_null());

  // Eleven working days on (at most 15 calendar days): every deadline of this
  // company appeal has passed.
  server_->AdvanceClock(16 * 86400);
  auto given = server_->service().deadlines().RunDue();
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  EXPECT_GT(*given, 0);
  HttpClient disp = As("dispatcher");
  t = Get(disp, id);
  EXPECT_EQ(Deadline(t, "handle")["state"], "overdue");
  EXPECT_EQ(Deadline(t, "handle")["overdue_announced"], true);
  EXPECT_EQ(t["supervision_level"], 1) << "supervised by rule";
  const auto events = server_->store().GetEvents(id);
  ASSERT_TRUE(events.ok());
  int by_system = 0;
  for (const Event& e : *events) by_system += e.actor.username == "system" && (e.command == "warn" || e.command == "overdue");
  EXPECT_GE(by_system, 3) << "contact, reply and handle overdue at least";
}

// Three-level supervision over HTTP: a district's supervisor supervises its own
// district's tickets up to level 2, the unit answers, the supervisor closes it
// (销号); the queues find each stage by `supervision=`.
TEST_F(DeadlinesTest, ThreeLevelSupervisionFromOrderToClosure) {
  const std::int64_t id = DispatchedCompanyAppeal();  // 东华街道 (LC-D01-S01) in 东华区 (LC-D01)
  HttpClient unit = As("LC-D01-S01");
  ASSERT_EQ(unit.Post(Path(id, "sign"), json::object()).status, 200);
  HttpClient district = As("LC-D01.sup"), other = As("LC-D02.sup"), street = As("LC-D01-S01.sup");
  const json order = {{"level", 2}, {"instructions", "两个工作日内书面反馈整改进度"}, {"assignee", "孙立"},
                      {"due_at", static_cast<std::int64_t>(std::time(nullptr)) + 60 * 86400}};

  EXPECT_EQ(other.Post(Path(id, "supervise"), order).status, 403) << "another district's supervisor";
  EXPECT_EQ(other.Get(Path(id)).status, 403) << "…does not see it either";
  json too_high = order;
  too_high["level"] = 3;
  auto r = district.Post(Path(id, "supervise"), too_high);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "level");
  EXPECT_EQ(r.Json()["error"]["reason"], "level_above_tier");
  json no_instructions = order;
  no_instructions.erase("instructions");
  r = district.Post(Path(id, "supervise"), no_instructions);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "instructions");
  EXPECT_EQ(Get(district, id)["supervisions"].size(), 0u) << "nothing recorded";

  r = district.Post(Path(id, "supervise"), order);
  ASSERT_EQ(r.status, 200) << r.body;
  json t = r.Json();
  EXPECT_EQ(t["supervision_level"], 2);
  EXPECT_EQ(t["supervision"], "unanswered");
  ASSERT_EQ(t["supervisions"].size(), 1u);
  EXPECT_EQ(t["supervisions"][0]["unit"]["code"], "LC-D01");
  EXPECT_EQ(t["supervisions"][0]["assignee"], "孙立");
  EXPECT_EQ(t["supervisions"][0]["state"], "open");

  auto listed = [&](HttpClient& c, const std::string& query) {
    auto page = c.Get("/api/v1/tickets?per_page=100&" + query);
    EXPECT_EQ(page.status, 200) << page.body;
    const json body = page.Json();  // (not a temporary: the loop reads into it)
    for (const json& item : body["items"])
      if (item["id"] == id) return true;
    return false;
  };
  EXPECT_TRUE(listed(district, "supervision=unanswered"));
  EXPECT_TRUE(listed(unit, "supervision=unanswered")) << "the unit's 督办件";
  EXPECT_TRUE(listed(district, "supervision_level=2"));
  EXPECT_FALSE(listed(district, "supervision=answered"));
  EXPECT_FALSE(listed(other, "supervision=open")) << "outside that supervisor's district";
  EXPECT_EQ(district.Get("/api/v1/tickets?supervision=maybe").Json()["error"]["field"], "supervision");

  r = district.Post(Path(id, "close-supervision"), {{"note", "同意销号"}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.Json()["error"]["reason"], "supervision_unanswered");
  r = unit.Post(Path(id, "answer-supervision"), {{"content", "已安排专人整改，周五前完成"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["supervision"], "answered");
  EXPECT_TRUE(listed(district, "supervision=answered"));
  r = street.Post(Path(id, "close-supervision"), {{"note", "同意销号"}});
  EXPECT_EQ(r.status, 403) << "a street does not close a district's supervision: " << r.body;
  r = district.Post(Path(id, "close-supervision"), {{"note", "整改到位，同意销号"}});
  ASSERT_EQ(r.status, 200) << r.body;
  t = r.Json();
  EXPECT_EQ(t["supervision_level"], 0);
  EXPECT_TRUE(t["supervision"].is_null());
  EXPECT_EQ(t["supervisions"][0]["state"], "closed");
  EXPECT_EQ(t["supervisions"][0]["close_note"], "整改到位，同意销号");
  EXPECT_FALSE(listed(district, "supervision=open"));
}

}  // namespace
}  // namespace hotline

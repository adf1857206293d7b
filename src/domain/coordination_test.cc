// Co-handlers' tasks, 吹哨报到 and 联席会议 (issue 10) through the state machine.
#include <gtest/gtest.h>

#include "domain/catalog.h"
#include "domain/co_tasks.h"
#include "domain/deadline_notices.h"
#include "domain/reasons.h"
#include "domain/state_machine.h"
#include "domain/test_fixtures.h"
#include "domain/ticket_test_base.h"

namespace hotline {
namespace {

using testing::Dispatcher;
using testing::Staff;
using testing::Supervisor;

CommandInput Text(std::string content) {
  CommandInput in;
  in.content = std::move(content);
  return in;
}

class CoordinationTest : public testing::TicketTestBase {};

TEST_F(CoordinationTest, EachCoUnitSignsAndRepliesOnItsOwnTaskByItsOwnDeadline) {
  Ticket t = InProgressAt("S1", {"HEAT", "S2"});
  ASSERT_EQ(t.co_tasks.size(), 2u);
  EXPECT_EQ(t.co_tasks[0].unit, "HEAT");
  EXPECT_GT(t.co_tasks[0].due_at, t.co_tasks[0].assigned_at) << "a deadline of its own";
  EXPECT_EQ(t.co_tasks[0].due_at, calendar_.AddWorkingDays(t.co_tasks[0].assigned_at, ctx_.policy.co_reply_working_days));

  // Only a co-unit acts on its task; the lead unit and strangers are refused.
  EXPECT_EQ(Try(t, "co-sign", {}, Staff("S1")).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Try(t, "co-sign", {}, Staff("D2")).code(), StatusCode::kPermissionDenied);
  t = Do(t, "co-sign", {}, Staff("HEAT"));
  EXPECT_TRUE(t.co_tasks[0].signed_at);
  EXPECT_FALSE(t.co_tasks[1].signed_at) << "S2's task is its own";
  const Status again = Try(t, "co-sign", {}, Staff("HEAT"));
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_EQ(again.reason(), Reasons::kNoCoTask);

  EXPECT_EQ(Try(t, "co-reply", {}, Staff("HEAT")).field(), "content");
  t = Do(t, "co-reply", Text("管网压力正常，已配合入户检测"), Staff("HEAT"));
  EXPECT_EQ(t.co_tasks[0].reply, "管网压力正常，已配合入户检测");
  EXPECT_EQ(CoTaskState(t.co_tasks[0], ctx_.now), "replied");
  EXPECT_EQ(CoTaskState(t.co_tasks[1], ctx_.now), "pending");
  EXPECT_EQ(CoTaskState(t.co_tasks[1], t.co_tasks[1].due_at + 1), "overdue");
  // A reply without signing first signs too.
  t = Do(t, "co-reply", Text("青山镇无相关职责事项"), Staff("S2"));
  EXPECT_TRUE(t.co_tasks[1].signed_at);

  // Replay reproduces the tasks from the events, due dates included.
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->co_tasks, t.co_tasks);
}

// The scheduler owes a notice for a co-task past its due time without an opinion
// (co-overdue, by `system`), once; none for an answered task or a paused ticket.
TEST_F(CoordinationTest, ALateCoUnitOpinionIsAnnouncedOnce) {
  const Actor system{"system", Role::kAdmin, ""};
  Ticket t = InProgressAt("S1", {"HEAT", "S2"});
  t = Do(t, "co-reply", Text("已配合入户检测"), Staff("HEAT"));
  auto co_notices = [](const Ticket& x) {
    std::vector<DueNotice> out;
    for (const DueNotice& n : NoticesOf(x))
      if (n.notice == Notice::kCoTaskOverdue) out.push_back(n);
    return out;
  };
  const std::vector<DueNotice> owed = co_notices(t);
  ASSERT_EQ(owed.size(), 1u) << "only S2 still owes its opinion";
  EXPECT_EQ(owed[0].at, t.co_tasks[1].due_at);
  EXPECT_EQ(CommandOf(owed[0].notice), "co-overdue");
  EXPECT_FALSE(InputOf(owed[0]).deadline) << "the command takes no field";

  const Status early = Apply(t, "co-overdue", {}, system, ctx_).status();
  EXPECT_EQ(early.reason(), Reasons::kDeadlineNotDue) << "not yet due";
  EXPECT_EQ(Try(t, "co-overdue", {}, Staff("S1")).code(), StatusCode::kPermissionDenied) << "the scheduler's only";

  ctx_.now = t.co_tasks[1].due_at + 60;
  auto late = Apply(t, "co-overdue", {}, system, ctx_);
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  t = late->ticket;
  events_.push_back(late->event);
  EXPECT_TRUE(t.co_tasks[1].overdue_announced);
  EXPECT_FALSE(t.co_tasks[0].overdue_announced) << "HEAT answered in time";
  EXPECT_TRUE(co_notices(t).empty()) << "given once";
  EXPECT_EQ(Apply(t, "co-overdue", {}, system, ctx_).status().reason(), Reasons::kDeadlineNotDue);
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->co_tasks, t.co_tasks);

  // While the ticket's clock is paused no co-task notice is owed.
  Ticket paused = InProgressAt("S1", {"S2"});
  CommandInput why;
  why.reason = "citizen_unreachable";
  paused = Do(paused, "pause", why, Staff("S1"));
  EXPECT_TRUE(co_notices(paused).empty());
}

TEST_F(CoordinationTest, ARedispatchKeepsTheTasksOfCoUnitsNamedAgain) {
  Ticket t = InProgressAt("D1", {"HEAT"});
  t = Do(t, "co-sign", {}, Staff("HEAT"));
  CommandInput down;
  down.unit = "S1";
  down.co_units = {"HEAT", "S2"};
  t = Do(t, "dispatch", down, Staff("D1"));
  ASSERT_EQ(t.co_tasks.size(), 2u);
  EXPECT_TRUE(t.co_tasks[0].signed_at) << "HEAT keeps its signature";
  EXPECT_EQ(t.co_tasks[1].unit, "S2");
  EXPECT_EQ(t.co_tasks[1].assigned_at, ctx_.now);
  // A return to the hotline ends every task.
  t = Do(t, "return", [] { CommandInput r; r.reason = "非本单位职责"; return r; }(), Staff("S1"));
  t = Do(t, "return", [] { CommandInput r; r.reason = "非本区职责"; return r; }(), Staff("D1"));
  EXPECT_TRUE(t.co_tasks.empty());
}

TEST_F(CoordinationTest, AStreetWhistlesToItsDistrictWhichAddsCoUnits) {
  Ticket t = InProgressAt("S1");
  CommandInput w;
  w.reason = "涉及供热公司和住建部门，街道协调未果";
  EXPECT_EQ(Try(t, "whistle", w, Staff("S1")).field(), "to_unit");
  w.to_unit = "D2";  // not above 东华街道
  EXPECT_EQ(Try(t, "whistle", w, Staff("S1")).field(), "to_unit");
  w.to_unit = "S1";
  EXPECT_EQ(Try(t, "whistle", w, Staff("S1")).field(), "to_unit");
  w.to_unit = "D1";
  EXPECT_EQ(Try(t, "whistle", w, Staff("S2")).code(), StatusCode::kPermissionDenied) << "only the lead unit";
  // Before a whistle the district may not add co-units this way.
  CommandInput add;
  add.co_units = {"HEAT"};
  EXPECT_EQ(Try(t, "add-co-units", add, Staff("D1")).code(), StatusCode::kPermissionDenied);
  const int priority = t.priority;
  t = Do(t, "whistle", w, Staff("S1"));
  ASSERT_TRUE(t.whistle);
  EXPECT_EQ(t.whistle->from_unit, "S1");
  EXPECT_EQ(t.whistle->to_unit, "D1");
  EXPECT_GE(t.priority, std::max(priority, 1));

  EXPECT_EQ(Try(t, "add-co-units", add, Staff("D2")).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Try(t, "add-co-units", add, Staff("S1")).code(), StatusCode::kPermissionDenied)
      << "the street called the district in; it does not add co-units itself this way";
  CommandInput bad;
  bad.co_units = {"S1"};
  EXPECT_EQ(Try(t, "add-co-units", bad, Staff("D1")).field(), "co_units") << "the lead is no co-unit";
  bad.co_units = {"NOPE"};
  EXPECT_EQ(Try(t, "add-co-units", bad, Staff("D1")).field(), "co_units");
  t = Do(t, "add-co-units", add, Staff("D1"));
  EXPECT_EQ(t.co_units, std::vector<std::string>{"HEAT"});
  ASSERT_EQ(t.co_tasks.size(), 1u);
  EXPECT_EQ(Try(t, "add-co-units", add, Staff("D1")).field(), "co_units") << "already a co-unit";
  t = Do(t, "co-reply", Text("已派员到场"), Staff("HEAT"));
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->whistle, t.whistle);
  EXPECT_EQ(replayed->co_tasks, t.co_tasks);
}

TEST_F(CoordinationTest, JointReviewIsReachedDirectlyAndItsDecisionDispatches) {
  Ticket t = InProgressAt("S1", {"HEAT"});
  CommandInput send;
  EXPECT_EQ(Try(t, "to-joint-review", send, Staff("S1")).field(), "reason");
  send.reason = "办理超过两个月，涉及多部门，长期未解决";
  EXPECT_EQ(Try(t, "to-joint-review", send, Staff("S2")).code(), StatusCode::kPermissionDenied);
  t = Do(t, "to-joint-review", send, Staff("S1"));
  EXPECT_EQ(t.state, TicketState::kJointReview);
  EXPECT_TRUE(t.lead_unit.empty());
  EXPECT_TRUE(t.co_tasks.empty());
  ASSERT_EQ(t.joint_reviews.size(), 1u);
  EXPECT_EQ(t.joint_reviews[0].sent_by, "S1");
  EXPECT_EQ(t.joint_reviews[0].decided_at, 0);

  CommandInput decide;
  decide.lead_unit = "D1";
  decide.co_units = {"HEAT"};
  decide.participants = {"市热线中心", "东城区", "市供热公司"};
  decide.minutes = "明确由东城区牵头，市供热公司配合";
  EXPECT_EQ(Try(t, "decide-joint-review", decide, Staff("D1")).code(), StatusCode::kPermissionDenied);
  CommandInput missing = decide;
  missing.participants.clear();
  EXPECT_EQ(Try(t, "decide-joint-review", missing, Supervisor()).field(), "participants");
  missing = decide;
  missing.minutes.clear();
  EXPECT_EQ(Try(t, "decide-joint-review", missing, Supervisor()).field(), "minutes");
  missing = decide;
  missing.co_units = {"D1"};
  EXPECT_EQ(Try(t, "decide-joint-review", missing, Supervisor()).field(), "co_units");
  missing = decide;
  missing.lead_unit = "NOPE";
  EXPECT_EQ(Try(t, "decide-joint-review", missing, Supervisor()).field(), "lead_unit");

  t = Do(t, "decide-joint-review", decide, Dispatcher());
  EXPECT_EQ(t.state, TicketState::kDispatched);
  EXPECT_EQ(t.lead_unit, "D1");
  EXPECT_EQ(t.co_units, std::vector<std::string>{"HEAT"});
  ASSERT_EQ(t.co_tasks.size(), 1u);
  EXPECT_EQ(t.dispatched_at, ctx_.now);
  EXPECT_GT(t.due_at, ctx_.now) << "a fresh handling deadline";
  const JointReview& r = t.joint_reviews.back();
  EXPECT_EQ(r.decided_by, "disp");
  EXPECT_EQ(r.participants.size(), 3u);
  EXPECT_FALSE(r.catalog_change);
  EXPECT_EQ(Try(t, "decide-joint-review", decide, Dispatcher()).code(), StatusCode::kConflict) << "decided";
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->joint_reviews, t.joint_reviews);
  EXPECT_EQ(replayed->due_at, t.due_at);
}

TEST_F(CoordinationTest, ReturnsBeyondTheLimitOpenAJointReviewByRule) {
  Ticket t = InProgressAt("S1");
  CommandInput back;
  back.reason = "非本单位职责";
  for (int i = 0; i < ctx_.policy.joint_review_after_returns; ++i) {
    if (i > 0) {
      CommandInput to;
      to.unit = "S1";
      t = Do(t, "dispatch", to, Dispatcher());
    }
    t = Do(t, "return", back, Staff("S1"));
  }
  EXPECT_EQ(t.state, TicketState::kJointReview);
  ASSERT_EQ(t.joint_reviews.size(), 1u);
  EXPECT_TRUE(t.joint_reviews[0].sent_by.empty()) << "by rule";
  EXPECT_EQ(t.joint_reviews[0].reason, "非本单位职责");
}

TEST_F(CoordinationTest, ACatalogChangeNeedsTheAppealsCategory) {
  Ticket t = InProgressAt("S1");
  CommandInput send;
  send.reason = "职责争议";
  t = Do(t, "to-joint-review", send, Staff("S1"));
  Ticket uncategorised = t;
  uncategorised.appeal.category.clear();
  CommandInput decide;
  decide.lead_unit = "S1";
  decide.participants = {"东城区"};
  decide.minutes = "由街道牵头";
  decide.catalog_change = true;
  EXPECT_EQ(Try(uncategorised, "decide-joint-review", decide, Supervisor()).field(), "catalog_change");
  t = Do(t, "decide-joint-review", decide, Supervisor());
  EXPECT_TRUE(t.joint_reviews.back().catalog_change);
}

}  // namespace
}  // namespace hotline

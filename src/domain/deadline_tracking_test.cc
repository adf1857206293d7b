#include "domain/deadline_tracking.h"

#include <gtest/gtest.h>

#include "domain/calendar_testing.h"
#include "domain/state_machine.h"
#include "domain/test_fixtures.h"
#include "domain/time_limit_testing.h"

namespace hotline {
namespace {

using testing::Dispatcher;
using testing::LocalTime;
using testing::Operator;
using testing::Staff;
using K = DeadlineKind;
using D = DeadlineState;

using testing::L;

// The shipped rules in small: a default, DB11/T urgency rules, 2110 for companies.
TimeLimitPolicy Rules() {
  TimeLimitRule urgent;
  urgent.id = "urgent";
  urgent.urgency = Urgency::kUrgent;
  urgent.limit(K::kSign) = L("1 natural_hours");
  urgent.limit(K::kContact) = L("1 natural_hours");
  urgent.limit(K::kReply) = L("2 natural_hours");
  return TimeLimitPolicy::Make({testing::DefaultRule("5 working_days"), urgent, testing::Company2110Rule()}).value();
}

class DeadlineTrackingTest : public ::testing::Test {
 protected:
  DeadlineTrackingTest() : units_(testing::SmallCity()), taxonomy_(testing::SmallTaxonomy()) {
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.calendar = &work_time_.calendar();
    ctx_.time_limits = &policy_;
    ctx_.work_time = &work_time_;
    ctx_.now = LocalTime(2026, 11, 20, 16);  // a Friday afternoon
  }

  Ticket NewTicket(bool enterprise = false) {
    Appeal a = testing::HeatingAppeal();
    a.enterprise = enterprise;
    auto r = Intake(a, Operator(), ctx_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    r->ticket.id = 7;
    events_ = {r->event};
    events_[0].ticket_id = 7;
    return r->ticket;
  }

  // Applies `cmd` at local time `at` and records the event.
  Ticket Do(const Ticket& t, UnixSeconds at, std::string_view cmd, CommandInput in, const Actor& actor) {
    ctx_.now = at;
    auto r = Apply(t, cmd, in, actor, ctx_);
    EXPECT_TRUE(r.ok()) << cmd << ": " << r.status().ToString();
    if (!r.ok()) return t;
    events_.push_back(r->event);
    return r->ticket;
  }

  static CommandInput To(std::string unit) {
    CommandInput in;
    in.unit = std::move(unit);
    return in;
  }
  static CommandInput Reply() {
    CommandInput in;
    in.content = "已处理";
    in.result = ReplyResult::kResolved;
    return in;
  }
  static CommandInput Accept(bool yes) {
    CommandInput in;
    in.accept = yes;
    if (!yes) in.reason = "答复未说明整改时限";
    return in;
  }
  static const Deadline& Of(const Ticket& t, K kind) {
    const Deadline* d = FindDeadline(t.deadlines, kind);
    EXPECT_NE(d, nullptr) << Name(kind);
    static const Deadline kNone;
    return d ? *d : kNone;
  }

  UnitTree units_;
  Taxonomy taxonomy_;
  TimeLimitPolicy policy_ = Rules();
  WorkTime work_time_{testing::ShippedCalendar(), WorkingHours()};
  Context ctx_;
  std::vector<Event> events_;
};

TEST_F(DeadlineTrackingTest, NothingRunsBeforeTheHotlineDispatches) {
  Ticket t = NewTicket();
  EXPECT_TRUE(t.deadlines.empty());
  t = Do(t, LocalTime(2026, 11, 20, 16, 5), "to-dispatch", {}, Operator());
  EXPECT_TRUE(t.deadlines.empty());
  EXPECT_FALSE(events_.back().input.deadlines.has_value()) << "nothing changed, nothing recorded";
}

// 2110: contact within 2 hours, an answer within 1 working day, solved within 10
// working days — each its own deadline, met by its own step.
TEST_F(DeadlineTrackingTest, CompanyAppealRunsThe2110Milestones) {
  Ticket t = NewTicket(/*enterprise=*/true);
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  ASSERT_EQ(t.deadlines.size(), 5u);
  EXPECT_EQ(Of(t, K::kSign).due_at, LocalTime(2026, 11, 21, 16));     // the default's 24 hours
  EXPECT_EQ(Of(t, K::kContact).due_at, LocalTime(2026, 11, 20, 18));  // 2 hours
  EXPECT_EQ(Of(t, K::kReply).due_at, LocalTime(2026, 11, 23, 16));    // 1 working day: over the weekend
  EXPECT_EQ(Of(t, K::kHandle).due_at, LocalTime(2026, 12, 4, 16));    // 10 working days
  EXPECT_EQ(t.due_at, Of(t, K::kHandle).due_at) << "due_at stays the handling deadline";
  EXPECT_EQ(Of(t, K::kCallback).due_at, 0) << "callback starts from the accepted reply";
  for (const Deadline& d : t.deadlines) EXPECT_EQ(d.state, D::kPending) << Name(d.kind);
  ASSERT_TRUE(events_.back().input.deadlines.has_value()) << "the event records them";

  t = Do(t, LocalTime(2026, 11, 20, 16, 30), "sign", {}, Staff("S1"));
  EXPECT_EQ(Of(t, K::kSign).state, D::kMet);
  EXPECT_EQ(Of(t, K::kSign).met_at, LocalTime(2026, 11, 20, 16, 30));
  CommandInput called;
  called.contact_method = ContactMethod::kPhone;
  called.contacted_at = LocalTime(2026, 11, 20, 17, 10);
  called.content = "已电话联系企业负责人，约定周一上门";
  t = Do(t, LocalTime(2026, 11, 20, 17, 20), "contact", called, Staff("S1"));
  EXPECT_EQ(Of(t, K::kContact).state, D::kMet);
  EXPECT_EQ(Of(t, K::kContact).met_at, LocalTime(2026, 11, 20, 17, 10)) << "met when the citizen was reached";
  t = Do(t, LocalTime(2026, 11, 23, 11), "reply", Reply(), Staff("S1"));
  EXPECT_EQ(Of(t, K::kReply).state, D::kMet);
  EXPECT_EQ(Of(t, K::kHandle).state, D::kMet) << "the final reply is at the hotline";
  t = Do(t, LocalTime(2026, 11, 23, 14), "review", Accept(true), Dispatcher());
  EXPECT_EQ(Of(t, K::kCallback).state, D::kPending);
  EXPECT_EQ(Of(t, K::kCallback).due_at, LocalTime(2026, 11, 25, 14));  // 2 working days
  CommandInput answered;
  answered.satisfaction = Satisfaction::kSatisfied;
  answered.resolved = true;
  t = Do(t, LocalTime(2026, 11, 24, 9), "callback", answered, testing::CallbackAgent());
  EXPECT_EQ(t.state, TicketState::kClosed);
  for (const Deadline& d : t.deadlines) EXPECT_EQ(d.state, D::kMet) << Name(d.kind);

  // Replay reproduces them from the events alone, even where no rules are known.
  Context bare;
  bare.units = &units_;
  auto replayed = Replay(events_, bare);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->deadlines, t.deadlines);
  EXPECT_EQ(replayed->due_at, t.due_at);
}

TEST_F(DeadlineTrackingTest, PassedDeadlinesFallOverdueAndLateOnesAreMetLate) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  // Signed on Monday: 2 days after the 24 hours ran out; contact (1 working day) has run out too.
  t = Do(t, LocalTime(2026, 11, 23, 17), "sign", {}, Staff("S1"));
  EXPECT_EQ(Of(t, K::kSign).state, D::kMet);
  EXPECT_GT(Of(t, K::kSign).met_at, Of(t, K::kSign).due_at) << "met, late";
  EXPECT_EQ(Of(t, K::kContact).state, D::kOverdue);
  EXPECT_EQ(Of(t, K::kReply).state, D::kPending);
  // A reply that says the citizen was reached meets an overdue contact (late).
  CommandInput reply = Reply();
  reply.contact_method = ContactMethod::kVisit;
  t = Do(t, LocalTime(2026, 11, 24, 10), "reply", reply, Staff("S1"));
  EXPECT_EQ(Of(t, K::kContact).state, D::kMet);
  EXPECT_EQ(Of(t, K::kContact).met_at, LocalTime(2026, 11, 24, 10));
}

TEST_F(DeadlineTrackingTest, SecondLevelDispatchKeepsTheClockAndAReturnCancelsIt) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  const UnixSeconds handle_due = Of(t, K::kHandle).due_at;
  t = Do(t, LocalTime(2026, 11, 20, 16, 10), "sign", {}, Staff("S1"));
  t = Do(t, LocalTime(2026, 11, 20, 16, 20), "dispatch", To("S1C1"), Staff("S1"));
  EXPECT_EQ(Of(t, K::kHandle).due_at, handle_due)
      << "二次派单 runs on the hotline's clock";
  EXPECT_EQ(Of(t, K::kSign).state, D::kMet);
  CommandInput back;
  back.reason = "不属于本辖区";
  t = Do(t, LocalTime(2026, 11, 20, 16, 40), "return", back, Staff("S1C1"));  // back up to S1
  EXPECT_EQ(Of(t, K::kHandle).state, D::kPending);
  t = Do(t, LocalTime(2026, 11, 20, 16, 50), "return", back, Staff("S1"));  // back to the hotline
  EXPECT_EQ(t.state, TicketState::kToDispatch);
  EXPECT_EQ(Of(t, K::kSign).state, D::kMet) << "what was met stays met";
  for (K kind : {K::kContact, K::kReply, K::kHandle}) EXPECT_EQ(Of(t, kind).state, D::kCancelled) << Name(kind);
  t = Do(t, LocalTime(2026, 11, 23, 9), "dispatch", To("S2"), Dispatcher());
  EXPECT_EQ(Of(t, K::kSign).state, D::kPending) << "the new unit's clock starts afresh";
  EXPECT_EQ(Of(t, K::kSign).due_at, LocalTime(2026, 11, 24, 9));
}

TEST_F(DeadlineTrackingTest, RefusedReviewReopenAndExtensionMoveTheHandleDeadline) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  t = Do(t, LocalTime(2026, 11, 20, 17), "sign", {}, Staff("S1"));
  CommandInput ask;
  ask.days = 3;
  ask.reason = "等待配件";
  t = Do(t, LocalTime(2026, 11, 23, 9), "request-extension", ask, Staff("S1"));
  CommandInput yes;
  yes.approve = true;
  t = Do(t, LocalTime(2026, 11, 23, 10), "decide-extension", yes, testing::Supervisor());
  EXPECT_EQ(t.due_at, LocalTime(2026, 12, 2, 16)) << "5 working days, then 3 more";
  EXPECT_EQ(Of(t, K::kHandle).due_at, t.due_at);
  t = Do(t, LocalTime(2026, 11, 24, 10), "reply", Reply(), Staff("S1"));
  EXPECT_EQ(Of(t, K::kHandle).state, D::kMet);
  t = Do(t, LocalTime(2026, 11, 24, 11), "review", Accept(false), Dispatcher());
  EXPECT_EQ(Of(t, K::kHandle).state, D::kPending) << "a refused reply leaves the handling owed";
  EXPECT_EQ(Of(t, K::kHandle).met_at, 0);
  EXPECT_EQ(Of(t, K::kReply).state, D::kMet) << "the first answer was given";
  t = Do(t, LocalTime(2026, 11, 25, 10), "reply", Reply(), Staff("S1"));
  t = Do(t, LocalTime(2026, 11, 25, 11), "review", Accept(true), Dispatcher());
  CommandInput unhappy;
  unhappy.satisfaction = Satisfaction::kUnsatisfied;
  unhappy.resolved = false;
  unhappy.dissatisfaction = Dissatisfaction::kUnresolved;
  t = Do(t, LocalTime(2026, 11, 26, 10), "callback", unhappy, testing::CallbackAgent());
  EXPECT_EQ(Of(t, K::kCallback).state, D::kMet);
  CommandInput again;
  again.reason = "市民反映仍未解决";
  t = Do(t, LocalTime(2026, 11, 26, 11), "reopen", again, testing::Supervisor());
  EXPECT_EQ(Of(t, K::kHandle).state, D::kPending);
  EXPECT_EQ(Of(t, K::kHandle).due_at, LocalTime(2026, 12, 3, 11)) << "a reopen starts a new handling limit";
  EXPECT_EQ(Of(t, K::kReply).state, D::kPending);
  EXPECT_EQ(Of(t, K::kReply).due_at, LocalTime(2026, 12, 3, 11)) << "7 days, capped at handle";
  EXPECT_EQ(Of(t, K::kCallback).state, D::kPending);
  EXPECT_EQ(Of(t, K::kCallback).due_at, 0);
  EXPECT_EQ(Replay(events_, ctx_)->deadlines, t.deadlines);
}

TEST_F(DeadlineTrackingTest, RaisingUrgencyRetimesWhatIsStillOwed) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  t = Do(t, LocalTime(2026, 11, 20, 16, 10), "sign", {}, Staff("S1"));
  CommandInput raise;
  raise.urgency = Urgency::kUrgent;
  raise.reason = "家中老人使用制氧机";
  t = Do(t, LocalTime(2026, 11, 20, 16, 20), "edit", raise, Dispatcher());
  EXPECT_EQ(Of(t, K::kSign).state, D::kMet) << "met stays met";
  EXPECT_EQ(Of(t, K::kContact).due_at, LocalTime(2026, 11, 20, 17)) << "1 hour from the dispatch";
  EXPECT_EQ(Of(t, K::kReply).due_at, LocalTime(2026, 11, 20, 18));
}

TEST_F(DeadlineTrackingTest, ClosingCancelsWhatIsOwed) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  t = Do(t, LocalTime(2026, 11, 20, 17), "sign", {}, Staff("S1"));
  t = Do(t, LocalTime(2026, 11, 21, 10), "reply", Reply(), Staff("S1"));
  t = Do(t, LocalTime(2026, 11, 21, 11), "review", Accept(true), Dispatcher());
  CommandInput none;
  none.unreachable = true;
  for (int i = 0; i < 3; ++i) t = Do(t, LocalTime(2026, 11, 24, 9 + i), "callback", none, testing::CallbackAgent());
  EXPECT_EQ(Of(t, K::kCallback).state, D::kPending) << "an unreachable call is an attempt, not the callback";
  CommandInput close;
  close.reason = "三次联系不上";
  t = Do(t, LocalTime(2026, 11, 24, 15), "close", close, testing::CallbackAgent());
  EXPECT_EQ(Of(t, K::kCallback).state, D::kCancelled);
  EXPECT_EQ(Of(t, K::kContact).state, D::kOverdue) << "never reached within its limit: stays overdue";
}

TEST_F(DeadlineTrackingTest, TheSpringFestivalAndItsMakeUpDays) {
  Ticket t = NewTicket(/*enterprise=*/true);
  t = Do(t, LocalTime(2026, 2, 13, 10), "dispatch", To("S1"), Dispatcher());  // the Friday before
  EXPECT_EQ(Of(t, K::kReply).due_at, LocalTime(2026, 2, 14, 10)) << "Saturday the 14th is a make-up working day";
  // 14th, then 24th–28th (the 28th a make-up Saturday), 2nd–5th March.
  EXPECT_EQ(Of(t, K::kHandle).due_at, LocalTime(2026, 3, 5, 10));
}

TEST_F(DeadlineTrackingTest, ContactNeedsHowAndAPlausibleTime) {
  Ticket t = NewTicket(true);
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  ctx_.now = LocalTime(2026, 11, 20, 17);
  CommandInput in;
  EXPECT_EQ(Apply(t, "contact", in, Staff("S1"), ctx_).status().field(), "contact_method");
  in.contact_method = ContactMethod::kNotContacted;
  EXPECT_EQ(Apply(t, "contact", in, Staff("S1"), ctx_).status().field(), "contact_method");
  in.contact_method = ContactMethod::kPhone;
  in.contacted_at = LocalTime(2026, 11, 21, 9);
  EXPECT_EQ(Apply(t, "contact", in, Staff("S1"), ctx_).status().field(), "contacted_at") << "not in the future";
  in.contacted_at = 0;
  EXPECT_EQ(Apply(t, "contact", in, Staff("S2"), ctx_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Apply(t, "contact", in, Dispatcher(), ctx_).status().code(), StatusCode::kPermissionDenied);
  auto ok = Apply(t, "contact", in, Staff("S1"), ctx_);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(Of(ok->ticket, K::kContact).met_at, LocalTime(2026, 11, 20, 17)) << "no time given: now";
}


// --- pauses ---------------------------------------------------------------------

// Paused on Friday 17:00 for the weekend, resumed on Monday 10:00: each deadline
// keeps what it had left, counted in its own limit's unit.
TEST_F(DeadlineTrackingTest, APauseStopsEachClockInItsOwnUnit) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  t = Do(t, LocalTime(2026, 11, 20, 16, 30), "sign", {}, Staff("S1"));
  CommandInput wait;
  wait.reason = "citizen_unreachable";
  wait.content = "电话三次无人接听，已发短信";
  t = Do(t, LocalTime(2026, 11, 20, 17), "pause", wait, Staff("S1"));
  EXPECT_EQ(t.paused_at, LocalTime(2026, 11, 20, 17));
  EXPECT_EQ(t.pause_reason, PauseReason::kCitizenUnreachable);
  EXPECT_EQ(Of(t, K::kSign).state, D::kMet) << "what is met stays met";
  for (K kind : {K::kContact, K::kReply, K::kHandle}) EXPECT_EQ(Of(t, kind).state, D::kPaused) << Name(kind);
  EXPECT_EQ(Of(t, K::kCallback).state, D::kPending) << "the callback has not started";

  // Monday 23 November 16:00 was the contact deadline: paused, it is not overdue.
  CommandInput urge;
  urge.content = "市民来电催办";
  t = Do(t, LocalTime(2026, 11, 23, 16, 30), "urge", urge, Operator());
  EXPECT_EQ(Of(t, K::kContact).state, D::kPaused);

  t = Do(t, LocalTime(2026, 11, 24, 10), "resume", {}, Staff("S1"));
  EXPECT_EQ(t.paused_at, 0);
  EXPECT_FALSE(t.pause_reason.has_value());
  // contact (1 working day, due Monday 16:00) had 23 hours of working days left:
  // Friday 17:00-24:00 and Monday 00:00-16:00.
  EXPECT_EQ(Of(t, K::kContact).due_at, LocalTime(2026, 11, 25, 9));
  // reply (7 natural days, due 27 November 16:00) had 167 hours left.
  EXPECT_EQ(Of(t, K::kReply).due_at, LocalTime(2026, 12, 1, 9));
  // handle (5 working days, due Friday 27 November 16:00) had 4 days and 23 hours
  // of working days left: from Tuesday 10:00 to the next Tuesday 09:00.
  EXPECT_EQ(Of(t, K::kHandle).due_at, LocalTime(2026, 12, 1, 9));
  EXPECT_EQ(t.due_at, Of(t, K::kHandle).due_at) << "due_at follows the handle deadline";
  for (K kind : {K::kContact, K::kReply, K::kHandle}) EXPECT_EQ(Of(t, kind).state, D::kPending) << Name(kind);

  // Replay takes the recorded deadlines and due_at: no rules needed.
  Context bare = ctx_;
  bare.time_limits = nullptr;
  bare.work_time = nullptr;
  auto replayed = Replay(events_, bare);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->deadlines, t.deadlines);
  EXPECT_EQ(replayed->due_at, t.due_at);
  EXPECT_EQ(replayed->paused_at, 0);
}

TEST_F(DeadlineTrackingTest, WhatWasOverdueBeforeThePauseStaysOverdue) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  CommandInput wait;
  wait.reason = "awaiting_third_party";
  t = Do(t, LocalTime(2026, 11, 21, 17), "pause", wait, Staff("S1"));  // sign was due Saturday 16:00
  EXPECT_EQ(Of(t, K::kSign).state, D::kOverdue);
  EXPECT_EQ(Of(t, K::kHandle).state, D::kPaused);
  t = Do(t, LocalTime(2026, 11, 23, 9), "resume", {}, Staff("S1"));
  EXPECT_EQ(Of(t, K::kSign).state, D::kOverdue);
  EXPECT_EQ(Of(t, K::kSign).due_at, LocalTime(2026, 11, 21, 16)) << "an overdue deadline is not moved";
}

TEST_F(DeadlineTrackingTest, APauseEndsWithTheUnitsHandling) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  t = Do(t, LocalTime(2026, 11, 20, 16, 30), "sign", {}, Staff("S1"));
  CommandInput wait;
  wait.reason = "awaiting_extension";
  t = Do(t, LocalTime(2026, 11, 20, 17), "pause", wait, Staff("S1"));
  // An extension approved while paused moves the handle deadline, which stays paused.
  CommandInput ask;
  ask.days = 3;
  ask.reason = "等待配件";
  t = Do(t, LocalTime(2026, 11, 23, 9), "request-extension", ask, Staff("S1"));
  CommandInput yes;
  yes.approve = true;
  t = Do(t, LocalTime(2026, 11, 23, 10), "decide-extension", yes, testing::Supervisor());
  EXPECT_EQ(t.due_at, LocalTime(2026, 12, 2, 16));
  EXPECT_EQ(Of(t, K::kHandle).due_at, t.due_at);
  EXPECT_EQ(Of(t, K::kHandle).state, D::kPaused);
  // The reply ends the pause: handle and reply are met, contact runs again.
  t = Do(t, LocalTime(2026, 11, 23, 11), "reply", Reply(), Staff("S1"));
  EXPECT_EQ(t.paused_at, 0);
  EXPECT_EQ(Of(t, K::kHandle).state, D::kMet);
  EXPECT_EQ(Of(t, K::kReply).state, D::kMet);
  EXPECT_EQ(Of(t, K::kContact).state, D::kPending);
  EXPECT_EQ(Replay(events_, ctx_)->deadlines, t.deadlines);
}

TEST_F(DeadlineTrackingTest, TheHotlinesDispatchEndsAPause) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  CommandInput wait;
  wait.reason = "awaiting_third_party";
  t = Do(t, LocalTime(2026, 11, 20, 16, 10), "pause", wait, testing::Supervisor());
  t = Do(t, LocalTime(2026, 11, 23, 10), "dispatch", To("S2"), Dispatcher());
  EXPECT_EQ(t.paused_at, 0);
  for (K kind : {K::kSign, K::kContact, K::kReply, K::kHandle}) EXPECT_EQ(Of(t, kind).state, D::kPending) << Name(kind);
  EXPECT_EQ(Of(t, K::kSign).due_at, LocalTime(2026, 11, 24, 10)) << "a fresh start";
}

TEST_F(DeadlineTrackingTest, PauseAndResumeRefuseWhatMakesNoSense) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  CommandInput in;
  EXPECT_EQ(Apply(t, "pause", in, Staff("S1"), ctx_).status().field(), "reason") << "a reason is required";
  in.reason = "下雨";
  auto bad = Apply(t, "pause", in, Staff("S1"), ctx_);
  EXPECT_EQ(bad.status().field(), "reason");
  EXPECT_EQ(bad.status().reason(), Reasons::kInvalidValue) << "only the listed reasons";
  in.reason = "citizen_unreachable";
  EXPECT_EQ(Apply(t, "pause", in, Staff("S2"), ctx_).status().code(), StatusCode::kPermissionDenied)
      << "another unit";
  EXPECT_EQ(Apply(t, "pause", in, Dispatcher(), ctx_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Apply(t, "resume", {}, Staff("S1"), ctx_).status().reason(), Reasons::kNotPaused);
  t = Do(t, LocalTime(2026, 11, 20, 16, 10), "pause", in, Staff("S1"));
  EXPECT_EQ(Apply(t, "pause", in, Staff("S1"), ctx_).status().reason(), Reasons::kPaused) << "already paused";
}


// --- the scheduler's notices ----------------------------------------------------

Actor System() { return {"system", Role::kAdmin, ""}; }

CommandInput About(K kind) {
  CommandInput in;
  in.deadline = kind;
  return in;
}

TEST_F(DeadlineTrackingTest, EachDeadlineIsWarnedAtThreeQuartersOfItsTime) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  EXPECT_EQ(Of(t, K::kSign).warn_at, LocalTime(2026, 11, 21, 10)) << "18 of 24 natural hours";
  EXPECT_EQ(Of(t, K::kContact).warn_at, LocalTime(2026, 11, 23, 10)) << "18 hours of working days";
  EXPECT_EQ(Of(t, K::kReply).warn_at, LocalTime(2026, 11, 25, 22)) << "126 of 168 natural hours";
  EXPECT_EQ(Of(t, K::kHandle).warn_at, LocalTime(2026, 11, 26, 10)) << "90 hours of working days";
  EXPECT_EQ(Of(t, K::kCallback).warn_at, 0) << "not started";

  // A pause moves warn_at with the due time: paused Friday 17:00, resumed Tuesday 10:00.
  t = Do(t, LocalTime(2026, 11, 20, 16, 30), "sign", {}, Staff("S1"));
  CommandInput wait;
  wait.reason = "citizen_unreachable";
  t = Do(t, LocalTime(2026, 11, 20, 17), "pause", wait, Staff("S1"));
  t = Do(t, LocalTime(2026, 11, 24, 10), "resume", {}, Staff("S1"));
  // contact had 17 hours of working days until its warning: Tuesday 10:00 + 17 h.
  EXPECT_EQ(Of(t, K::kContact).warn_at, LocalTime(2026, 11, 25, 3));
  EXPECT_LT(Of(t, K::kContact).warn_at, Of(t, K::kContact).due_at);
}

TEST_F(DeadlineTrackingTest, TheSchedulerWarnsAndAnnouncesOnceEach) {
  Ticket t = NewTicket();
  t = Do(t, LocalTime(2026, 11, 20, 16), "dispatch", To("S1"), Dispatcher());
  ctx_.now = LocalTime(2026, 11, 21, 9);
  EXPECT_EQ(Apply(t, "warn", About(K::kSign), System(), ctx_).status().reason(), Reasons::kDeadlineNotDue)
      << "too early";
  EXPECT_EQ(Apply(t, "warn", {}, System(), ctx_).status().field(), "deadline");
  t = Do(t, LocalTime(2026, 11, 21, 10, 30), "warn", About(K::kSign), System());
  EXPECT_TRUE(Of(t, K::kSign).warned);
  EXPECT_EQ(Of(t, K::kSign).state, D::kPending);
  ASSERT_TRUE(events_.back().input.deadlines.has_value()) << "the mark is recorded";
  EXPECT_EQ(Apply(t, "warn", About(K::kSign), System(), ctx_).status().reason(), Reasons::kDeadlineNotDue)
      << "once";
  EXPECT_EQ(Apply(t, "overdue", About(K::kSign), System(), ctx_).status().reason(), Reasons::kDeadlineNotDue)
      << "not due yet";

  t = Do(t, LocalTime(2026, 11, 21, 16, 1), "overdue", About(K::kSign), System());
  EXPECT_EQ(Of(t, K::kSign).state, D::kOverdue);
  EXPECT_TRUE(Of(t, K::kSign).overdue_announced);
  EXPECT_EQ(t.supervision_level, 0) << "only an overdue handling deadline raises supervision";
  EXPECT_EQ(Apply(t, "overdue", About(K::kSign), System(), ctx_).status().reason(), Reasons::kDeadlineNotDue);

  // A met deadline needs no notice.
  t = Do(t, LocalTime(2026, 11, 23, 9), "sign", {}, Staff("S1"));
  ctx_.now = LocalTime(2026, 11, 30, 9);
  EXPECT_EQ(Apply(t, "warn", About(K::kSign), System(), ctx_).status().reason(), Reasons::kDeadlineNotDue);

  // The handling deadline overdue: automatic supervision (督办 by rule).
  t = Do(t, LocalTime(2026, 11, 27, 16, 5), "overdue", About(K::kHandle), System());
  EXPECT_EQ(Of(t, K::kHandle).state, D::kOverdue);
  EXPECT_EQ(t.supervision_level, 1);
  EXPECT_EQ(t.priority, 1);
  ASSERT_EQ(t.supervisions.size(), 1u) << "a supervision of its own, to be answered and closed";
  EXPECT_EQ(t.supervisions[0].by, "system");
  EXPECT_EQ(t.supervisions[0].level, 1);

  // Nobody else gives notices, and not through a request.
  EXPECT_EQ(Apply(t, "warn", About(K::kReply), testing::Supervisor(), ctx_).status().code(),
            StatusCode::kPermissionDenied);
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->deadlines, t.deadlines);
  EXPECT_EQ(replayed->supervision_level, 1);
  EXPECT_EQ(replayed->supervisions, t.supervisions);
}

}  // namespace
}  // namespace hotline

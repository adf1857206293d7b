#include "domain/state_machine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "domain/limits.h"
#include "domain/test_fixtures.h"
#include "domain/ticket_test_base.h"

namespace hotline {
namespace {

using testing::CallbackAgent;
using testing::Dispatcher;
using testing::Operator;
using testing::Staff;
using testing::Supervisor;

class StateMachineTest : public testing::TicketTestBase {
 protected:
  static CommandInput DispatchTo(std::string unit, std::vector<std::string> co = {}) {
    CommandInput in;
    in.unit = std::move(unit);
    in.co_units = std::move(co);
    return in;
  }
  static CommandInput ReplyWith(ReplyResult result = ReplyResult::kResolved, std::string content = "已处理") {
    CommandInput in;
    in.content = std::move(content);
    in.result = result;
    return in;
  }
  static CommandInput Accept(bool accept = true) {
    CommandInput in;
    in.accept = accept;
    return in;
  }
  // A new ticket dispatched to S1, signed, replied and accepted on review by
  // `reviewer`: it waits for its callback.
  Ticket AtCallback(ReplyResult result = ReplyResult::kResolved, const Actor& reviewer = Dispatcher()) {
    Ticket t = NewTicket();
    t = Do(t, "dispatch", DispatchTo("S1"), Operator());
    t = Do(t, "sign", {}, Staff("S1"));
    t = Do(t, "reply", ReplyWith(result), Staff("S1"));
    t = Do(t, "review", Accept(), reviewer);
    EXPECT_EQ(t.state, TicketState::kToCallback);
    return t;
  }
  static CommandInput WithReason(std::string reason) {
    CommandInput in;
    in.reason = std::move(reason);
    return in;
  }

};

TEST_F(StateMachineTest, IntakeRecordsAppealInTriage) {
  Ticket t = NewTicket();
  EXPECT_EQ(t.state, TicketState::kTriage);
  EXPECT_EQ(t.version, 1);
  EXPECT_EQ(events_[0].command, "intake");
  ASSERT_TRUE(events_[0].appeal.has_value());
  EXPECT_EQ(events_[0].appeal->content, t.appeal.content);
}

TEST_F(StateMachineTest, IntakeValidatesFields) {
  Appeal a = testing::HeatingAppeal();
  a.content.clear();
  EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), "content");
  a = testing::HeatingAppeal();
  a.category = "999999";
  EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), "category");
  a = testing::HeatingAppeal();
  a.location = GeoPoint{91, 0};
  EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), "location.lat");
  a = testing::HeatingAppeal();
  a.area = "NOWHERE";
  EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), "area");
  EXPECT_EQ(Intake(testing::HeatingAppeal(), testing::Analyst(), ctx_).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Intake(testing::HeatingAppeal(), Staff("S1"), ctx_).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(StateMachineTest, FullLifeToClosedAndReplay) {
  Ticket t = NewTicket();
  t = Do(t, "to-dispatch", {}, Operator());
  EXPECT_EQ(t.state, TicketState::kToDispatch);
  t = Do(t, "dispatch", DispatchTo("D1", {"HEAT"}), Dispatcher());
  EXPECT_EQ(t.state, TicketState::kDispatched);
  EXPECT_EQ(t.lead_unit, "D1");
  EXPECT_EQ(t.co_units, std::vector<std::string>{"HEAT"});
  // complaint: 5 working days from Wednesday → next Wednesday, same time.
  EXPECT_EQ(t.due_at, t.dispatched_at + 7 * 86400);
  t = Do(t, "sign", {}, Staff("D1"));
  EXPECT_EQ(t.state, TicketState::kInProgress);
  // 二次派单 to a street, which returns it: back to the district, not the hotline.
  t = Do(t, "dispatch", DispatchTo("S1"), Staff("D1"));
  EXPECT_EQ(t.lead_unit, "S1");
  EXPECT_EQ(t.dispatch_chain, std::vector<std::string>{"D1"});
  t = Do(t, "return", WithReason("不属于本街道"), Staff("S1"));
  EXPECT_EQ(t.lead_unit, "D1");
  EXPECT_EQ(t.state, TicketState::kInProgress);
  EXPECT_EQ(t.return_count, 0);
  EXPECT_EQ(t.returned_by, "S1");  // who sent it back, and why, for the unit that gets it again
  EXPECT_EQ(t.return_reason, "不属于本街道");
  CommandInput reply;
  reply.content = "已协调供热公司调整，室温恢复至20度";
  reply.result = ReplyResult::kResolved;
  t = Do(t, "reply", reply, Staff("D1"));
  EXPECT_EQ(t.state, TicketState::kReplied);
  CommandInput accept;
  accept.accept = true;
  t = Do(t, "review", accept, Dispatcher());
  EXPECT_EQ(t.state, TicketState::kToCallback);
  CommandInput cb;
  cb.satisfaction = Satisfaction::kSatisfied;
  cb.resolved = true;
  t = Do(t, "callback", cb, CallbackAgent());
  EXPECT_EQ(t.state, TicketState::kClosed);
  EXPECT_GT(t.closed_at, 0);
  EXPECT_EQ(t.version, static_cast<int>(events_.size()));

  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->state, t.state);
  EXPECT_EQ(replayed->lead_unit, t.lead_unit);
  EXPECT_EQ(replayed->co_units, t.co_units);
  EXPECT_EQ(replayed->due_at, t.due_at);
  EXPECT_EQ(replayed->reply_content, t.reply_content);
  EXPECT_EQ(replayed->satisfaction, t.satisfaction);
  EXPECT_EQ(replayed->version, t.version);
  EXPECT_EQ(replayed->closed_at, t.closed_at);
}

TEST_F(StateMachineTest, ReplayKeepsRecordedDeadlineWhenCalendarChanges) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  WorkCalendar later;
  for (int d = 18; d <= 30; ++d) ASSERT_TRUE(later.AddDay("2026-11-" + std::to_string(d), "holiday").ok());
  Context changed = ctx_;
  changed.calendar = &later;
  auto replayed = Replay(events_, changed);
  ASSERT_TRUE(replayed.ok());
  EXPECT_EQ(replayed->due_at, t.due_at);
}

TEST_F(StateMachineTest, ReplayRejectsBrokenHistory) {
  EXPECT_FALSE(Replay({}, ctx_).ok());
  Ticket t = NewTicket();
  Do(t, "to-dispatch", {}, Operator());
  std::vector<Event> bad = events_;
  bad.push_back(bad.back());  // to-dispatch twice is not a valid history
  EXPECT_EQ(Replay(bad, ctx_).status().code(), StatusCode::kConflict);
}

TEST_F(StateMachineTest, UnitScopeGuards) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  EXPECT_EQ(Try(t, "sign", {}, Staff("S3")).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Try(t, "sign", {}, Staff("S2")).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(Try(t, "sign", {}, Staff("D1")).ok());  // the district above may act
  EXPECT_EQ(Try(t, "sign", {}, Dispatcher()).code(), StatusCode::kPermissionDenied);
  t = Do(t, "sign", {}, Staff("S1"));
  // a unit may dispatch only below itself
  EXPECT_EQ(Try(t, "dispatch", DispatchTo("S3"), Staff("S1")).field(), "unit");
  EXPECT_EQ(Try(t, "dispatch", DispatchTo("S1"), Staff("S1")).field(), "unit");
  EXPECT_TRUE(Try(t, "dispatch", DispatchTo("S1C1"), Staff("S1")).ok());
}

// Co-handlers see the caller's details: a unit re-dispatching may name only units
// below it, co-handlers the ticket has already, or those the catalog names.
TEST_F(StateMachineTest, RedispatchingUnitNamesCoHandlersWithinItsSubtreeOrTheCatalog) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("D1"), Dispatcher());
  t = Do(t, "sign", {}, Staff("D1"));
  for (const char* outside : {"HEAT", "D2", "S3", "C"}) {
    Status s = Try(t, "dispatch", DispatchTo("S1", {outside}), Staff("D1"));
    EXPECT_EQ(s.field(), "co_units") << outside;
    EXPECT_NE(s.message().find(outside), std::string::npos) << s.message();
  }
  EXPECT_TRUE(Try(t, "dispatch", DispatchTo("S1", {"S2", "S1C1"}), Staff("D1")).ok());
  // The hotline's dispatchers are not limited.
  EXPECT_TRUE(Try(t, "dispatch", DispatchTo("S1", {"HEAT", "D2"}), Dispatcher()).ok());
  // The catalog's rule for 供热 names 市供热公司.
  const std::vector<CatalogRule> catalog = {{"0101", "", "any", "D1", {"HEAT"}}};
  ctx_.catalog = &catalog;
  EXPECT_TRUE(Try(t, "dispatch", DispatchTo("S1", {"HEAT"}), Staff("D1")).ok());
  EXPECT_EQ(Try(t, "dispatch", DispatchTo("S1", {"D2"}), Staff("D1")).field(), "co_units");
  ctx_.catalog = nullptr;
  // A co-handler the hotline named may stay on.
  Ticket with_heat = NewTicket();
  with_heat = Do(with_heat, "dispatch", DispatchTo("D1", {"HEAT"}), Dispatcher());
  EXPECT_TRUE(Try(with_heat, "dispatch", DispatchTo("S1", {"HEAT"}), Staff("D1")).ok());
}

// A district that redirects a ticket one of its streets had (sideways, S1 → S2) is
// the unit a return goes back to; the street it bypassed is not.
TEST_F(StateMachineTest, SidewaysRedispatchByAParentRecordsTheParentForReturns) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("D1"), Dispatcher());
  t = Do(t, "dispatch", DispatchTo("S1"), Staff("D1"));
  EXPECT_EQ(t.dispatch_chain, std::vector<std::string>{"D1"});
  t = Do(t, "dispatch", DispatchTo("S2"), Staff("D1"));
  EXPECT_EQ(t.lead_unit, "S2");
  EXPECT_EQ(t.dispatch_chain, std::vector<std::string>{"D1"});
  t = Do(t, "return", WithReason("不属于本镇"), Staff("S2"));
  EXPECT_EQ(t.lead_unit, "D1");
  EXPECT_TRUE(t.dispatch_chain.empty());
  t = Do(t, "return", WithReason("非本区职责"), Staff("D1"));
  EXPECT_EQ(t.state, TicketState::kToDispatch);
  EXPECT_EQ(t.return_count, 1);

  // Sent by the hotline straight to a street; the district above redirects it.
  Ticket u = NewTicket();
  u = Do(u, "dispatch", DispatchTo("S1"), Dispatcher());
  u = Do(u, "dispatch", DispatchTo("S2"), Staff("D1"));
  EXPECT_EQ(u.dispatch_chain, std::vector<std::string>{"D1"});
  u = Do(u, "return", WithReason("不属于本镇"), Staff("S2"));
  EXPECT_EQ(u.lead_unit, "D1");

  // Two levels down, then the district redirects: the street between leaves the chain.
  Ticket v = NewTicket();
  v = Do(v, "dispatch", DispatchTo("D1"), Dispatcher());
  v = Do(v, "dispatch", DispatchTo("S1"), Staff("D1"));
  v = Do(v, "dispatch", DispatchTo("S1C1"), Staff("S1"));
  EXPECT_EQ(v.dispatch_chain, (std::vector<std::string>{"D1", "S1"}));
  v = Do(v, "dispatch", DispatchTo("S2"), Staff("D1"));
  EXPECT_EQ(v.dispatch_chain, std::vector<std::string>{"D1"});
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->dispatch_chain, v.dispatch_chain);
  EXPECT_EQ(replayed->lead_unit, "S2");
}

// A unit returning a ticket it had sent further down returns it to the unit above
// itself, not to itself.
TEST_F(StateMachineTest, ReturnByAUnitAboveTheLeadGoesAboveThatUnit) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("D1"), Dispatcher());
  t = Do(t, "dispatch", DispatchTo("S1"), Staff("D1"));
  t = Do(t, "dispatch", DispatchTo("S1C1"), Staff("S1"));
  t = Do(t, "return", WithReason("不属于本街道"), Staff("S1"));
  EXPECT_EQ(t.lead_unit, "D1");
  EXPECT_TRUE(t.dispatch_chain.empty());
  EXPECT_EQ(t.state, TicketState::kInProgress);
}

TEST_F(StateMachineTest, CanSeeLimitsUnitsToTheirSubtree) {
  Ticket t = NewTicket();
  EXPECT_FALSE(CanSee(t, Staff("S1"), units_));
  EXPECT_TRUE(CanSee(t, testing::Analyst(), units_));
  t = Do(t, "dispatch", DispatchTo("S1", {"HEAT"}), Operator());
  EXPECT_TRUE(CanSee(t, Staff("S1"), units_));
  EXPECT_TRUE(CanSee(t, Staff("D1"), units_));
  EXPECT_TRUE(CanSee(t, Staff("HEAT"), units_));
  EXPECT_FALSE(CanSee(t, Staff("S3"), units_));
  EXPECT_FALSE(CanSee(t, Staff("D2"), units_));
}

TEST_F(StateMachineTest, ReturnsCountAndGoToJointReview) {
  Ticket t = NewTicket();
  t = Do(t, "to-dispatch", {}, Operator());
  for (int i = 1; i <= 3; ++i) {
    t = Do(t, "dispatch", DispatchTo("S1"), Dispatcher());
    EXPECT_EQ(Try(t, "return", {}, Staff("S1")).field(), "reason");
    t = Do(t, "return", WithReason("非本单位职责"), Staff("S1"));
    EXPECT_EQ(t.return_count, i);
    EXPECT_TRUE(t.lead_unit.empty());
  }
  EXPECT_EQ(t.state, TicketState::kJointReview);
  EXPECT_EQ(Try(t, "dispatch", DispatchTo("S1"), Operator()).code(), StatusCode::kPermissionDenied);
  t = Do(t, "dispatch", DispatchTo("HEAT"), Supervisor());
  EXPECT_EQ(t.state, TicketState::kDispatched);
}

TEST_F(StateMachineTest, ExtensionRequestAndDecision) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  t = Do(t, "sign", {}, Staff("S1"));
  EXPECT_EQ(Try(t, "decide-extension", {}, Supervisor()).code(), StatusCode::kConflict);
  CommandInput req = WithReason("需协调产权单位");
  req.days = 0;
  EXPECT_EQ(Try(t, "request-extension", req, Staff("S1")).field(), "days");
  req.days = 5;
  const auto nothing_pending = AvailableCommands(t, Supervisor(), ctx_);
  EXPECT_EQ(std::find(nothing_pending.begin(), nothing_pending.end(), "decide-extension"), nothing_pending.end())
      << "no decision is offered while nothing is pending";
  t = Do(t, "request-extension", req, Staff("S1"));
  EXPECT_TRUE(t.extension_pending);
  EXPECT_EQ(t.extension_days, 5);
  EXPECT_EQ(t.extension_reason, "需协调产权单位");
  const auto offered = AvailableCommands(t, Supervisor(), ctx_);
  EXPECT_NE(std::find(offered.begin(), offered.end(), "decide-extension"), offered.end());
  const auto staff_offered = AvailableCommands(t, Staff("S1"), ctx_);
  EXPECT_EQ(std::find(staff_offered.begin(), staff_offered.end(), "request-extension"), staff_offered.end())
      << "a second request is not offered while one is pending";
  EXPECT_EQ(Try(t, "request-extension", req, Staff("S1")).code(), StatusCode::kConflict);
  EXPECT_EQ(Try(t, "decide-extension", {}, Supervisor()).field(), "approve");
  EXPECT_EQ(Try(t, "decide-extension", {}, Staff("S1")).code(), StatusCode::kPermissionDenied);
  const UnixSeconds before = t.due_at;
  CommandInput yes;
  yes.approve = true;
  t = Do(t, "decide-extension", yes, Supervisor());
  EXPECT_FALSE(t.extension_pending);
  EXPECT_EQ(t.extension_reason, "");
  EXPECT_EQ(t.due_at, before + 7 * 86400);
  req.days = 2;
  t = Do(t, "request-extension", req, Staff("S1"));
  CommandInput no;
  no.approve = false;
  const UnixSeconds kept = t.due_at;
  t = Do(t, "decide-extension", no, Supervisor());
  EXPECT_EQ(t.due_at, kept);
}

// What a callback may record: a reason only when the citizen is not satisfied
// (required from the agent, optional online), nothing but a note when unreachable.
TEST_F(StateMachineTest, CallbackRecordsWhatTheCitizenSaid) {
  const Ticket t = AtCallback();
  CommandInput satisfied;
  satisfied.satisfaction = Satisfaction::kSatisfied;
  satisfied.resolved = true;
  satisfied.dissatisfaction = Dissatisfaction::kAttitude;
  EXPECT_EQ(Try(t, "callback", satisfied, CallbackAgent()).field(), "dissatisfaction");
  CommandInput unreachable;
  unreachable.unreachable = true;
  unreachable.satisfaction = Satisfaction::kSatisfied;
  EXPECT_EQ(Try(t, "callback", unreachable, CallbackAgent()).field(), "unreachable");
  unreachable.satisfaction.reset();
  unreachable.content = "电话无人接听";
  Ticket after = Do(t, "callback", unreachable, CallbackAgent());
  EXPECT_EQ(after.callback_attempts, 1);
  EXPECT_EQ(after.callback_comment, "");  // the note stays in the event only
  EXPECT_EQ(events_.back().input.content, "电话无人接听");
  CommandInput online;
  online.satisfaction = Satisfaction::kUnsatisfied;
  online.resolved = false;
  const Actor citizen{"portal", Role::kCitizen, ""};
  EXPECT_TRUE(Apply(t, "callback", online, citizen, ctx_).ok()) << "a citizen online may leave the reason out";
  EXPECT_EQ(Try(t, "callback", online, CallbackAgent()).field(), "dissatisfaction");
  online.dissatisfaction = Dissatisfaction::kSlow;
  online.content = std::string(kMaxReasonBytes + 1, 'x');
  EXPECT_EQ(Try(t, "callback", online, CallbackAgent()).field(), "content");
}

TEST_F(StateMachineTest, ReplyReviewRejectAndUnsatisfiedReopen) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  CommandInput reply;
  reply.content = "已处理";
  reply.result = ReplyResult::kResolved;
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).code(), StatusCode::kConflict);  // not signed yet
  t = Do(t, "sign", {}, Staff("S1"));
  CommandInput no_result = reply;
  no_result.result.reset();
  EXPECT_EQ(Try(t, "reply", no_result, Staff("S1")).field(), "result");
  t = Do(t, "reply", reply, Staff("S1"));
  CommandInput reject;
  reject.accept = false;
  EXPECT_EQ(Try(t, "review", reject, Dispatcher()).field(), "reason");
  reject.reason = "答复过于简单";
  t = Do(t, "review", reject, Dispatcher());
  EXPECT_EQ(t.state, TicketState::kInProgress);
  t = Do(t, "reply", reply, Staff("S1"));
  CommandInput accept;
  accept.accept = true;
  t = Do(t, "review", accept, CallbackAgent());
  CommandInput cb;
  cb.satisfaction = Satisfaction::kUnsatisfied;
  EXPECT_EQ(Try(t, "callback", cb, CallbackAgent()).field(), "resolved");
  cb.resolved = false;
  EXPECT_EQ(Try(t, "callback", cb, Operator()).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Try(t, "callback", cb, CallbackAgent()).field(), "dissatisfaction");  // the agent asks why
  cb.dissatisfaction = Dissatisfaction::kUnresolved;
  cb.content = "市民表示暖气仍然不热";
  t = Do(t, "callback", cb, CallbackAgent());
  EXPECT_EQ(t.state, TicketState::kUnsatisfied);
  EXPECT_EQ(t.dissatisfaction, Dissatisfaction::kUnresolved);
  EXPECT_EQ(t.callback_comment, "市民表示暖气仍然不热");
  EXPECT_EQ(events_.back().input.dissatisfaction, Dissatisfaction::kUnresolved);
  EXPECT_EQ(Try(t, "reopen", WithReason("室温仍不达标"), CallbackAgent()).code(), StatusCode::kPermissionDenied)
      << "an unsatisfied callback is the supervisor's to decide";
  EXPECT_EQ(Try(t, "close", WithReason("已解释"), CallbackAgent()).code(), StatusCode::kPermissionDenied);
  t = Do(t, "reopen", WithReason("室温仍不达标"), Supervisor());
  EXPECT_EQ(t.state, TicketState::kInProgress);
  EXPECT_EQ(t.reopen_count, 1);
  EXPECT_EQ(t.lead_unit, "S1");
  EXPECT_FALSE(t.satisfaction.has_value());
  EXPECT_FALSE(t.dissatisfaction.has_value());
  EXPECT_EQ(t.callback_comment, "");
}

// Satisfied with the attitude but the problem is not solved: that never closes the
// ticket; the supervisor closes it with the reason (诉求不合理, explained) or reopens it.
TEST_F(StateMachineTest, AnUnresolvedCallbackGoesToTheSupervisor) {
  Ticket t = AtCallback();
  CommandInput cb;
  cb.satisfaction = Satisfaction::kSatisfied;
  cb.resolved = false;
  cb.content = "态度很好，但问题没有解决";
  t = Do(t, "callback", cb, CallbackAgent());
  EXPECT_EQ(t.state, TicketState::kUnsatisfied);
  EXPECT_EQ(t.closed_at, 0);
  EXPECT_EQ(Try(t, "close", WithReason("x"), CallbackAgent()).code(), StatusCode::kPermissionDenied);
  t = Do(t, "close", WithReason("诉求超出政策范围，已向市民解释说明"), Supervisor());
  EXPECT_EQ(t.state, TicketState::kClosed);
  EXPECT_EQ(events_.back().input.reason, "诉求超出政策范围，已向市民解释说明") << "the reason is recorded";
}

TEST_F(StateMachineTest, UnreachableCitizenClosesAfterAttempts) {
  Ticket t = AtCallback(ReplyResult::kExplained, Supervisor());
  CommandInput unreachable;
  unreachable.unreachable = true;
  for (int i = 0; i < 2; ++i) t = Do(t, "callback", unreachable, CallbackAgent());
  EXPECT_EQ(Try(t, "close", WithReason("三次未接通"), CallbackAgent()).code(), StatusCode::kConflict);
  t = Do(t, "callback", unreachable, CallbackAgent());
  t = Do(t, "close", WithReason("三次未接通"), CallbackAgent());
  EXPECT_EQ(t.state, TicketState::kClosed);
}

// Issue 9: the desk's closing commands set the category they name, and replay agrees.
TEST_F(StateMachineTest, DeskOutcomesKeepTheCategoryTheyName) {
  Ticket t = NewTicket();
  t.appeal.category.clear();
  events_[0].appeal->category.clear();
  CommandInput answer;
  answer.content = "供暖期为11月15日至次年3月15日";
  answer.category = "999999";
  EXPECT_EQ(Try(t, "answer-directly", answer, Operator()).field(), "category");
  answer.category = "0101";
  Ticket answered = Do(t, "answer-directly", answer, Operator());
  EXPECT_EQ(answered.appeal.category, "0101");
  EXPECT_EQ(events_.back().input.category, "0101");
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->appeal.category, "0101");
  // Without one, the appeal's stays (none here); out-of-scope and transfers read it too.
  answer.category.clear();
  EXPECT_EQ(Do(t, "answer-directly", answer, Operator()).appeal.category, "");
  CommandInput oos = WithReason("已进入司法程序");
  oos.category = "010101";
  EXPECT_EQ(Do(t, "out-of-scope", oos, Operator()).appeal.category, "010101");
  CommandInput emergency;
  emergency.number = "119";
  emergency.category = "01";
  EXPECT_EQ(Do(t, "transfer-emergency", emergency, Operator()).appeal.category, "01");
  // Other commands do not read it: the event keeps no category.
  CommandInput dispatch = DispatchTo("D1");
  dispatch.category = "01";
  Ticket sent = Do(t, "dispatch", dispatch, Operator());
  EXPECT_EQ(sent.appeal.category, "");
  EXPECT_EQ(events_.back().input.category, "");
}

TEST_F(StateMachineTest, TriageOutcomes) {
  Ticket t = NewTicket();
  CommandInput answer;
  EXPECT_EQ(Try(t, "answer-directly", answer, Operator()).field(), "content");
  answer.content = "供暖期为11月15日至次年3月15日";
  answer.kb_entry = "KB-12";
  Ticket answered = Do(t, "answer-directly", answer, Operator());
  EXPECT_EQ(answered.state, TicketState::kAnsweredDirectly);
  EXPECT_EQ(answered.kb_entry, "KB-12");
  EXPECT_EQ(Try(answered, "to-dispatch", {}, Operator()).code(), StatusCode::kConflict);

  CommandInput emergency;
  emergency.number = "911";
  EXPECT_EQ(Try(t, "transfer-emergency", emergency, Operator()).field(), "number");
  emergency.number = "119";
  EXPECT_EQ(Do(t, "transfer-emergency", emergency, Operator()).emergency_number, "119");

  EXPECT_EQ(Try(t, "out-of-scope", {}, Operator()).field(), "reason");
  EXPECT_EQ(Do(t, "out-of-scope", WithReason("已进入司法程序"), Operator()).state, TicketState::kOutOfScope);

  CommandInput merge;
  merge.main_ticket = t.id;
  EXPECT_EQ(Try(t, "merge", merge, Operator()).field(), "main_ticket");
  merge.main_ticket = 3;
  Ticket sub = Do(t, "merge", merge, Operator());
  EXPECT_EQ(sub.state, TicketState::kMerged);
  EXPECT_EQ(sub.main_ticket, 3);
}

TEST_F(StateMachineTest, MergeTargetMustBeOpenAndNotMergedBack) {
  Ticket sub = NewTicket();
  Ticket main = sub;
  main.id = 8;
  EXPECT_TRUE(CheckMergeTarget(sub, main).ok());
  main.state = TicketState::kInProgress;
  EXPECT_TRUE(CheckMergeTarget(sub, main).ok());
  main.state = TicketState::kMerged;
  main.main_ticket = 9;
  EXPECT_EQ(CheckMergeTarget(sub, main).code(), StatusCode::kConflict);
  main.main_ticket = sub.id;  // merging back would be a cycle
  EXPECT_EQ(CheckMergeTarget(sub, main).code(), StatusCode::kConflict);
  for (TicketState s : {TicketState::kClosed, TicketState::kAnsweredDirectly, TicketState::kOutOfScope,
                        TicketState::kTransferred}) {
    main.state = s;
    main.main_ticket = 0;
    EXPECT_EQ(CheckMergeTarget(sub, main).code(), StatusCode::kConflict) << Name(s);
  }
}

// 诉求人提出无需回访: the accepted reply closes the ticket; a refused one does not.
TEST_F(StateMachineTest, NoCallbackClosesOnTheAcceptedReply) {
  Appeal a = testing::HeatingAppeal();
  a.no_callback = true;
  auto r = Intake(a, Operator(), ctx_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  Ticket t = r->ticket;
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  t = Do(t, "sign", {}, Staff("S1"));
  t = Do(t, "reply", ReplyWith(), Staff("S1"));
  CommandInput refuse = Accept(false);
  refuse.reason = "未写明整改时限";
  t = Do(t, "review", refuse, Dispatcher());
  EXPECT_EQ(t.state, TicketState::kInProgress);
  t = Do(t, "reply", ReplyWith(), Staff("S1"));
  t = Do(t, "review", Accept(), Dispatcher());
  EXPECT_EQ(t.state, TicketState::kClosed);
  EXPECT_EQ(t.closed_at, ctx_.now);
  EXPECT_FALSE(t.satisfaction.has_value()) << "no evaluation: counted apart from the callbacks";
  EXPECT_EQ(AtCallback().state, TicketState::kToCallback) << "without the wish, the callback follows";
}

TEST_F(StateMachineTest, SuperviseAndEscalateAreFlagsNotStates) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  CommandInput sup;
  sup.level = 4;
  sup.instructions = "尽快处理";
  EXPECT_EQ(Try(t, "supervise", sup, Supervisor()).field(), "level");
  sup.level = 2;
  EXPECT_EQ(Try(t, "supervise", sup, Dispatcher()).code(), StatusCode::kPermissionDenied);
  t = Do(t, "supervise", sup, Supervisor());
  EXPECT_EQ(t.state, TicketState::kDispatched);
  EXPECT_EQ(t.supervision_level, 2);
  CommandInput esc = WithReason("涉及多部门");
  esc.level = 1;
  EXPECT_EQ(Try(t, "escalate", esc, Dispatcher()).field(), "to") << "the higher authority is named";
  esc.to = "东城区人民政府";
  t = Do(t, "escalate", esc, Dispatcher());
  EXPECT_EQ(t.escalation_level, 1);
  EXPECT_EQ(t.escalated_to, "东城区人民政府");
  EXPECT_EQ(t.priority, 2);
}

// The event keeps only the fields the command read: nothing else reaches the history.
TEST_F(StateMachineTest, EventsRecordOnlyTheFieldsTheCommandReads) {
  Ticket t = NewTicket();
  CommandInput noisy = DispatchTo("S1", {"S2"});
  noisy.reason = "顺便说一句";
  noisy.days = 4;
  noisy.main_ticket = 3;
  noisy.level = 2;
  t = Do(t, "dispatch", noisy, Dispatcher());
  const CommandInput& recorded = events_.back().input;
  EXPECT_EQ(recorded.unit, "S1");
  EXPECT_EQ(recorded.co_units, std::vector<std::string>{"S2"});
  EXPECT_TRUE(recorded.reason.empty());
  EXPECT_EQ(recorded.days, 0);
  EXPECT_EQ(recorded.main_ticket, 0);
  EXPECT_EQ(recorded.level, 0);
  EXPECT_EQ(recorded.due_at, t.due_at);  // the state machine's own
  CommandInput sign;
  sign.reason = "签收";
  sign.unit = "S2";
  t = Do(t, "sign", sign, Staff("S1"));
  EXPECT_TRUE(events_.back().input.reason.empty());
  EXPECT_TRUE(events_.back().input.unit.empty());
  EXPECT_TRUE(CommandReads("dispatch")->Has(InputField::kCoUnits));
  EXPECT_FALSE(CommandReads("sign")->Has(InputField::kReason));
  EXPECT_TRUE(CommandReads("decide-extension")->Has(InputField::kReason));
  EXPECT_EQ(CommandReads("teleport").status().code(), StatusCode::kNotFound);
}

TEST_F(StateMachineTest, KeepFieldsClearsTheRest) {
  CommandInput in;
  in.reason = "r";
  in.days = 3;
  in.approve = false;
  in.co_units = {"S1"};
  in.due_at = 5;
  CommandInput kept = KeepFields(in, {InputField::kDays});
  EXPECT_EQ(kept.days, 3);
  EXPECT_TRUE(kept.reason.empty());
  EXPECT_FALSE(kept.approve.has_value());
  EXPECT_TRUE(kept.co_units.empty());
  EXPECT_EQ(kept.due_at, 5);
  EXPECT_EQ(ParseInputField(Name(InputField::kMainTicket)), InputField::kMainTicket);
}

// Free text may hold tabs and line breaks but no NUL or other C0 control character.
TEST_F(StateMachineTest, FreeTextRefusesControlCharacters) {
  using namespace std::string_literals;
  const std::pair<std::string, std::string Caller::*> caller_fields[] = {{"caller.name", &Caller::name},
                                                                        {"caller.phone", &Caller::phone}};
  for (const std::string& bad : {"a\0b"s, "a\x01"s, "a\x1b[31m"s, "a\x08"s, "\x1f"s}) {
    Appeal a = testing::HeatingAppeal();
    a.content += bad;
    EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), "content");
    for (const auto& [name, member] : caller_fields) {
      a = testing::HeatingAppeal();
      a.caller.*member += bad;
      EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), name);
    }
    a = testing::HeatingAppeal();
    a.address = "人民路" + bad;
    EXPECT_EQ(Intake(a, Operator(), ctx_).status().field(), "address");
  }
  Appeal ok = testing::HeatingAppeal();
  ok.content = "第一行\n第二行\r\n\t缩进";
  EXPECT_TRUE(Intake(ok, Operator(), ctx_).ok());

  Ticket t = NewTicket();
  EXPECT_EQ(Try(t, "out-of-scope", WithReason("已进入\0司法程序"s), Operator()).field(), "reason");
  CommandInput answer;
  answer.content = "供暖期\x07为11月15日";
  EXPECT_EQ(Try(t, "answer-directly", answer, Operator()).field(), "content");
  t = Do(t, "dispatch", DispatchTo("S1"), Operator());
  EXPECT_EQ(Try(t, "return", WithReason("非本\x0b单位"), Staff("S1")).field(), "reason");
  t = Do(t, "sign", {}, Staff("S1"));
  CommandInput reply;
  reply.content = "已处理\x1b";
  reply.result = ReplyResult::kResolved;
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).field(), "content");
  reply.content = "已处理。\n1. 更换阀门\n2. 复测室温";
  t = Do(t, "reply", reply, Staff("S1"));
  CommandInput accept;
  accept.accept = true;
  accept.reason = "\x01";  // read, though only needed when sending back
  EXPECT_EQ(Try(t, "review", accept, Dispatcher()).field(), "reason");
}

// 逐级审核: a community's reply goes first to the street that dispatched to it, then
// to the district that dispatched to the street, and only then to the hotline.
TEST_F(StateMachineTest, AReplyGoesUpTheDispatchChain) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("D1"), Dispatcher());
  t = Do(t, "sign", {}, Staff("D1"));
  t = Do(t, "dispatch", DispatchTo("S1"), Staff("D1"));
  t = Do(t, "sign", {}, Staff("S1"));
  CommandInput note = DispatchTo("S1C1");
  note.content = "请社区当天上门核实";
  t = Do(t, "dispatch", note, Staff("S1"));
  EXPECT_EQ(t.dispatch_note, "请社区当天上门核实");
  t = Do(t, "sign", {}, Staff("S1C1"));
  CommandInput reply = ReplyWith(ReplyResult::kResolved, "已上门协调物业，室温恢复");
  reply.contact_method = ContactMethod::kVisit;
  reply.contacted_at = ctx_.now;
  reply.handler = "李红";
  reply.handler_phone = "0794-1234567";
  t = Do(t, "reply", reply, Staff("S1C1"));
  EXPECT_EQ(t.state, TicketState::kInProgress) << "not yet the hotline's: the street decides first";
  EXPECT_TRUE(t.reply_awaiting);
  EXPECT_EQ(t.lead_unit, "S1");
  EXPECT_EQ(t.reply_from, "S1C1");
  EXPECT_EQ(t.reply_unit, "S1C1");
  EXPECT_EQ(t.reply_contact, ContactMethod::kVisit);
  EXPECT_EQ(t.reply_handler, "李红");
  EXPECT_TRUE(CanSee(t, Staff("S1C1"), units_)) << "the community keeps sight of its reply";
  EXPECT_FALSE(CanSee(t, Staff("S2"), units_));
  // While it waits the street neither replies over it nor is offered to; the community may not decide.
  EXPECT_EQ(Try(t, "reply", ReplyWith(), Staff("S1")).reason(), Reasons::kReplyAwaiting);
  EXPECT_EQ(Try(t, "accept-reply", {}, Staff("S1C1")).code(), StatusCode::kPermissionDenied);
  auto offered = AvailableCommands(t, Staff("S1"), ctx_);
  EXPECT_NE(std::find(offered.begin(), offered.end(), "accept-reply"), offered.end());
  EXPECT_EQ(std::find(offered.begin(), offered.end(), "reply"), offered.end());
  // The street sends it back with a reason: the community handles it again.
  EXPECT_EQ(Try(t, "reject-reply", {}, Staff("S1")).field(), "reason");
  t = Do(t, "reject-reply", WithReason("请写明整改时限"), Staff("S1"));
  EXPECT_EQ(t.lead_unit, "S1C1");
  EXPECT_FALSE(t.reply_awaiting);
  EXPECT_EQ(t.reply_content, "");
  EXPECT_EQ(t.dispatch_chain, (std::vector<std::string>{"D1", "S1"}));
  t = Do(t, "reply", reply, Staff("S1C1"));
  t = Do(t, "accept-reply", {}, Staff("S1"));
  EXPECT_EQ(t.lead_unit, "D1") << "on up to the district that dispatched to the street";
  EXPECT_EQ(t.reply_from, "S1");
  EXPECT_EQ(t.state, TicketState::kInProgress);
  t = Do(t, "accept-reply", WithReason("同意"), Staff("D1"));
  EXPECT_EQ(t.state, TicketState::kReplied);
  EXPECT_FALSE(t.reply_awaiting);
  EXPECT_EQ(t.reply_unit, "S1C1") << "the reply stays the community's";
  EXPECT_EQ(Try(t, "accept-reply", {}, Staff("D1")).code(), StatusCode::kConflict);
  EXPECT_EQ(Replay(events_, ctx_)->reply_handler_phone, "0794-1234567");
}

// A unit above the lead that replies itself answers for the units between; a
// unit that was dispatched to directly by the hotline replies to the hotline.
TEST_F(StateMachineTest, AReplyFromTheTopOfTheChainGoesToTheHotline) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("D1"), Dispatcher());
  t = Do(t, "sign", {}, Staff("D1"));
  t = Do(t, "dispatch", DispatchTo("S1"), Staff("D1"));
  t = Do(t, "sign", {}, Staff("S1"));
  t = Do(t, "reply", ReplyWith(), Staff("D1"));
  EXPECT_EQ(t.state, TicketState::kReplied);
  EXPECT_EQ(t.reply_unit, "D1");
  // A redirect drops a reply that waits: the new unit answers afresh.
  Ticket u = NewTicket();
  u = Do(u, "dispatch", DispatchTo("S1"), Dispatcher());
  u = Do(u, "sign", {}, Staff("S1"));
  u = Do(u, "dispatch", DispatchTo("S1C1"), Staff("S1"));
  u = Do(u, "sign", {}, Staff("S1C1"));
  u = Do(u, "reply", ReplyWith(), Staff("S1C1"));
  ASSERT_TRUE(u.reply_awaiting);
  u = Do(u, "dispatch", DispatchTo("S1C1"), Staff("S1"));
  EXPECT_FALSE(u.reply_awaiting);
  EXPECT_EQ(u.reply_content, "");
}

TEST_F(StateMachineTest, TheReplyFormIsChecked) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Dispatcher());
  t = Do(t, "sign", {}, Staff("S1"));
  CommandInput reply = ReplyWith();
  reply.contacted_at = ctx_.now + 86400;
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).field(), "contacted_at") << "not in the future";
  reply.contacted_at = t.created_at - 3600;
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).field(), "contacted_at") << "not before the appeal";
  reply.contacted_at = ctx_.now;
  reply.contact_method = ContactMethod::kNotContacted;
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).field(), "contacted_at");
  reply.contact_method = ContactMethod::kPhone;
  reply.handler_phone = "call 123";
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).field(), "handler_phone");
  reply.handler_phone = "+86 138-0013-8000";
  reply.handler = std::string(kMaxCallerNameBytes + 1, 'x');
  EXPECT_EQ(Try(t, "reply", reply, Staff("S1")).field(), "handler");
  reply.handler = "王强";
  EXPECT_TRUE(Apply(t, "reply", reply, Staff("S1"), ctx_).ok());
  EXPECT_TRUE(Apply(t, "reply", ReplyWith(), Staff("S1"), ctx_).ok()) << "the details are optional";
}

TEST_F(StateMachineTest, AReturnNamesItsReasonAndTheRightUnit) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Dispatcher());
  CommandInput back = WithReason("该路段属西湖街道管辖");
  back.return_kind = ReturnKind::kOutsideArea;
  back.suggested_unit = "NOWHERE";
  EXPECT_EQ(Try(t, "return", back, Staff("S1")).field(), "suggested_unit");
  back.suggested_unit = "S1";
  EXPECT_EQ(Try(t, "return", back, Staff("S1")).field(), "suggested_unit");
  back.suggested_unit = "S3";
  t = Do(t, "return", back, Staff("S1"));
  EXPECT_EQ(t.state, TicketState::kToDispatch);
  EXPECT_EQ(t.return_kind, ReturnKind::kOutsideArea);
  EXPECT_EQ(t.return_suggested_unit, "S3");
}

// 修正: the dispatcher corrects category, area and urgency; priority follows urgency.
TEST_F(StateMachineTest, EditCorrectsCategoryAreaAndUrgency) {
  Ticket t = NewTicket();
  EXPECT_EQ(t.priority, 0);
  EXPECT_EQ(Try(t, "edit", {}, Dispatcher()).field(), "category") << "an edit changes something";
  CommandInput wrong;
  wrong.area = "NOWHERE";
  EXPECT_EQ(Try(t, "edit", wrong, Dispatcher()).field(), "area");
  wrong = {};
  wrong.category = "999";
  EXPECT_EQ(Try(t, "edit", wrong, Dispatcher()).field(), "category");
  CommandInput fix;
  fix.area = "S3";
  fix.urgent = true;
  fix.reason = "来电人补充：家中老人使用制氧机";
  t = Do(t, "edit", fix, Operator());
  EXPECT_EQ(t.appeal.area, "S3");
  EXPECT_TRUE(IsUrgent(t.appeal));
  EXPECT_EQ(t.priority, 2);
  EXPECT_EQ(t.state, TicketState::kTriage);
  t = Do(t, "to-dispatch", {}, Operator());
  EXPECT_EQ(Try(t, "edit", fix, Operator()).code(), StatusCode::kPermissionDenied) << "operators only at intake";
  CommandInput calm;
  calm.urgent = false;
  t = Do(t, "edit", calm, Dispatcher());
  EXPECT_EQ(t.priority, 0);
  EXPECT_EQ(Replay(events_, ctx_)->appeal.area, "S3");
  CommandInput important;
  important.urgency = Urgency::kImportant;
  t = Do(t, "edit", important, Dispatcher());
  EXPECT_EQ(t.appeal.urgency, Urgency::kImportant);
  EXPECT_EQ(t.priority, 1);
  important.urgent = true;
  EXPECT_EQ(Try(t, "edit", important, Dispatcher()).field(), "urgency") << "urgent and urgency disagree";
  Appeal urgent = testing::HeatingAppeal();
  urgent.urgency = Urgency::kUrgent;
  EXPECT_EQ(Intake(urgent, Operator(), ctx_)->ticket.priority, 2);
}

// From 来电弹屏 the operator urges (催办) or adds to (补充) the caller's open ticket
// instead of recording a new one; neither changes who handles it or its state.
TEST_F(StateMachineTest, UrgeAndSupplementAnOpenTicket) {
  Ticket t = NewTicket();
  t = Do(t, "dispatch", DispatchTo("S1"), Dispatcher());
  CommandInput said;
  said.content = "市民来电催促，称已等待三天";
  t = Do(t, "urge", said, Operator());
  t = Do(t, "urge", {}, Operator());
  EXPECT_EQ(t.urge_count, 2);
  EXPECT_EQ(t.last_urged_at, ctx_.now);
  EXPECT_EQ(t.state, TicketState::kDispatched);
  EXPECT_EQ(t.lead_unit, "S1");
  EXPECT_EQ(Try(t, "supplement", {}, Operator()).field(), "content");
  t = Do(t, "supplement", said, Operator());
  EXPECT_EQ(t.supplement_count, 1);
  EXPECT_EQ(events_.back().input.content, "市民来电催促，称已等待三天");
  EXPECT_EQ(Try(t, "urge", {}, Staff("S1")).code(), StatusCode::kPermissionDenied);
  Ticket closed = AtCallback();
  closed.state = TicketState::kClosed;
  EXPECT_EQ(Try(closed, "urge", {}, Operator()).code(), StatusCode::kConflict);
}

TEST_F(StateMachineTest, UnknownCommandAndAnalystRefused) {
  Ticket t = NewTicket();
  EXPECT_EQ(Try(t, "teleport", {}, Operator()).code(), StatusCode::kNotFound);
  for (const std::string& cmd : CommandNames())
    EXPECT_EQ(Try(t, cmd, {}, testing::Analyst()).code(), StatusCode::kPermissionDenied) << cmd;
}

// Sweep: every command against every state, as admin with valid input. A command
// either succeeds (and then leaves one event) or is refused with Conflict — the
// table, not scattered ifs, decides.
TEST_F(StateMachineTest, EveryCommandInEveryState) {
  auto valid = testing::ValidCommandInputs();
  const Actor admin{"admin", Role::kAdmin, ""};
  int allowed = 0, refused = 0;
  for (auto state_name : TicketStateNames()) {
    for (const std::string& cmd : CommandNames()) {
      Ticket t = NewTicket();
      t.state = *ParseTicketState(state_name);
      t.lead_unit = "S1";
      t.callback_attempts = 3;
      t.extension_pending = cmd == "decide-extension";
      t.reply_awaiting = cmd == "accept-reply" || cmd == "reject-reply";  // a community's reply came up to S1
      if (t.reply_awaiting) t.reply_from = "S1C1", t.reply_content = "已处理";
      auto r = Apply(t, cmd, valid[cmd], admin, ctx_);
      if (r.ok()) {
        ++allowed;
        EXPECT_EQ(r->event.from, t.state);
        EXPECT_EQ(r->event.to, r->ticket.state);
        EXPECT_EQ(r->ticket.version, t.version + 1);
      } else {
        ++refused;
        EXPECT_EQ(r.status().code(), StatusCode::kConflict) << cmd << " in " << state_name << ": "
                                                            << r.status().ToString();
      }
      if (IsTerminal(t.state) && cmd == "anonymise") {  // retention acts on finished tickets and keeps their state
        ASSERT_TRUE(r.ok()) << state_name;
        EXPECT_EQ(r->ticket.state, t.state);
        EXPECT_TRUE(r->ticket.appeal.caller.phone.empty());
      } else if (IsTerminal(t.state)) {
        EXPECT_FALSE(r.ok()) << cmd << " left terminal state " << state_name;
      }
    }
  }
  EXPECT_GT(allowed, 30);
  EXPECT_GT(refused, 100);
}

// (attach: the portal's photos, which the service allows only with the query code and in triage)
TEST_F(StateMachineTest, CitizensMayRecordAppealsAddPhotosAndEvaluateOnly) {
  const Actor citizen{"portal", Role::kCitizen, ""};
  auto in = Intake(testing::HeatingAppeal(), citizen, ctx_);
  ASSERT_TRUE(in.ok());
  Ticket t = in->ticket;
  EXPECT_EQ(Do(t, "attach", testing::ValidCommandInputs()["attach"], citizen).state, TicketState::kTriage);
  for (const std::string& cmd : CommandNames()) {
    if (cmd != "callback" && cmd != "attach") {
      EXPECT_EQ(Try(t, cmd, {}, citizen).code(), StatusCode::kPermissionDenied) << cmd;
    }
  }
  t.state = TicketState::kToCallback;
  CommandInput cb;
  cb.satisfaction = Satisfaction::kBasicallySatisfied;
  cb.resolved = true;
  EXPECT_EQ(Do(t, "callback", cb, citizen).state, TicketState::kClosed);
}

TEST_F(StateMachineTest, AvailableCommandsFollowRoleAndState) {
  Ticket t = NewTicket();
  auto op = AvailableCommands(t, Operator(), ctx_);
  EXPECT_NE(std::find(op.begin(), op.end(), "answer-directly"), op.end());
  EXPECT_EQ(std::find(op.begin(), op.end(), "sign"), op.end());
  EXPECT_TRUE(AvailableCommands(t, testing::Analyst(), ctx_).empty());
}

}  // namespace
}  // namespace hotline

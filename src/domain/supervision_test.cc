#include "domain/supervision.h"

#include <gtest/gtest.h>

#include "domain/permissions.h"
#include "domain/reasons.h"
#include "domain/state_machine.h"
#include "domain/test_fixtures.h"
#include "domain/ticket_test_base.h"

namespace hotline {
namespace {

using testing::Dispatcher;
using testing::Operator;
using testing::Staff;

// Supervisors of the small city's units: the center's (no unit), 东城区 (D1),
// 东华街道 (S1), 西湖区 (D2).
Actor Center() { return {"sup", Role::kSupervisor, ""}; }
Actor OfUnit(const std::string& unit) { return {unit + ".sup", Role::kSupervisor, unit}; }

class SupervisionTest : public testing::TicketTestBase {
 protected:
  static CommandInput Order(int level, std::string instructions = "两个工作日内书面反馈整改进度") {
    CommandInput in;
    in.level = level;
    in.instructions = std::move(instructions);
    return in;
  }
  static CommandInput Answer(std::string content = "已安排专人整改，周五前完成") {
    CommandInput in;
    in.content = std::move(content);
    return in;
  }
  static CommandInput Note(std::string note = "整改到位，同意销号") {
    CommandInput in;
    in.note = std::move(note);
    return in;
  }
};

TEST_F(SupervisionTest, TiersFollowTheUnitTree) {
  EXPECT_EQ(SupervisionTier("", units_), kCitySupervision) << "the center";
  EXPECT_EQ(SupervisionTier("C", units_), kCitySupervision);
  EXPECT_EQ(SupervisionTier("D1", units_), kDistrictSupervision);
  EXPECT_EQ(SupervisionTier("S1", units_), kStreetSupervision);
  EXPECT_EQ(SupervisionTier("S1C1", units_), kStreetSupervision) << "a community: its street's tier";
  EXPECT_EQ(SupervisionTier("HEAT", units_), kCitySupervision) << "a city department";
  EXPECT_EQ(SupervisionTier("NOPE", units_), 0);
}

TEST_F(SupervisionTest, ASupervisorOpensOneNamingWhoFollowsItAndByWhen) {
  Ticket t = InProgressAt("S1");
  CommandInput in = Order(kDistrictSupervision);
  in.assignee = "孙立";
  in.due_at = ctx_.now + 2 * 86400;
  t = Do(t, "supervise", in, OfUnit("D1"));
  ASSERT_EQ(t.supervisions.size(), 1u);
  const Supervision& s = t.supervisions[0];
  EXPECT_EQ(s.id, t.version) << "named by the seq of its event";
  EXPECT_EQ(s.level, kDistrictSupervision);
  EXPECT_EQ(s.by, "D1.sup");
  EXPECT_EQ(s.unit, "D1");
  EXPECT_EQ(s.assignee, "孙立");
  EXPECT_EQ(s.due_at, in.due_at);
  EXPECT_EQ(s.opened_at, ctx_.now);
  EXPECT_EQ(t.supervision_level, kDistrictSupervision);
  EXPECT_EQ(t.priority, 1);
  EXPECT_EQ(SupervisionStateOf(t), "unanswered");
  EXPECT_EQ(events_.back().input.instructions, in.instructions) << "the event keeps what was ordered";
  EXPECT_EQ(events_.back().input.due_at, in.due_at);
}

TEST_F(SupervisionTest, BadOrdersNameTheirField) {
  Ticket t = InProgressAt("S1");
  EXPECT_EQ(Try(t, "supervise", Order(1, ""), Center()).field(), "instructions");
  CommandInput late = Order(1);
  late.due_at = ctx_.now - 1;
  EXPECT_EQ(Try(t, "supervise", late, Center()).field(), "due_at");
  CommandInput long_name = Order(1);
  long_name.assignee = std::string(400, 'x');
  EXPECT_EQ(Try(t, "supervise", long_name, Center()).field(), "assignee");
  EXPECT_EQ(Try(t, "supervise", Order(4), Center()).field(), "level");
}

TEST_F(SupervisionTest, ASupervisorActsWithinItsTierAndSubtreeOnly) {
  Ticket t = InProgressAt("S1");
  const Status above = Try(t, "supervise", Order(kCitySupervision), OfUnit("D1"));
  EXPECT_EQ(above.field(), "level");
  EXPECT_EQ(above.reason(), Reasons::kLevelAboveTier);
  EXPECT_EQ(Try(t, "supervise", Order(kDistrictSupervision), OfUnit("S1")).reason(), Reasons::kLevelAboveTier);
  EXPECT_TRUE(Try(t, "supervise", Order(kStreetSupervision), OfUnit("S1")).ok());
  EXPECT_TRUE(Try(t, "supervise", Order(kCitySupervision), Center()).ok());

  // 西湖区's supervisor neither sees nor supervises 东华街道's ticket; 东城区's does.
  const Status outside = Try(t, "supervise", Order(1), OfUnit("D2"));
  EXPECT_EQ(outside.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(outside.reason(), Reasons::kOutsideUnitScope);
  EXPECT_FALSE(CanSee(t, OfUnit("D2"), units_));
  EXPECT_FALSE(AllowsTicket(OfUnit("D2"), Capability::kTicketRead, t, units_));
  EXPECT_TRUE(CanSee(t, OfUnit("D1"), units_));
  EXPECT_TRUE(AllowsTicket(OfUnit("D1"), Capability::kTicketRead, t, units_));
  EXPECT_TRUE(CanSee(t, Center(), units_));
  // The same rule holds for the supervisor's other commands (催办 here).
  EXPECT_EQ(Try(t, "urge", {}, OfUnit("D2")).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ScopeOf(OfUnit("D2"), Capability::kTicketList), AccessScope::kUnitSubtree);
  EXPECT_EQ(ScopeOf(Center(), Capability::kTicketList), AccessScope::kAll);
}

TEST_F(SupervisionTest, TheLeadUnitAnswersAndASupervisorClosesIt) {
  Ticket t = InProgressAt("S1");
  EXPECT_EQ(Try(t, "answer-supervision", Answer(), Staff("S1")).reason(), Reasons::kNoOpenSupervision);
  EXPECT_EQ(Try(t, "close-supervision", Note(), Center()).reason(), Reasons::kNoOpenSupervision);
  t = Do(t, "supervise", Order(kDistrictSupervision), OfUnit("D1"));

  EXPECT_EQ(Try(t, "close-supervision", Note(), OfUnit("D1")).reason(), Reasons::kSupervisionUnanswered)
      << "销号 waits for the unit's answer";
  EXPECT_EQ(Try(t, "answer-supervision", Answer(""), Staff("S1")).field(), "content");
  EXPECT_EQ(Try(t, "answer-supervision", Answer(), Staff("S2")).code(), StatusCode::kPermissionDenied)
      << "only the lead unit answers";
  EXPECT_EQ(Try(t, "answer-supervision", Answer(), Dispatcher()).code(), StatusCode::kPermissionDenied);
  t = Do(t, "answer-supervision", Answer(), {"S1.1", Role::kUnitStaff, "S1"});
  EXPECT_EQ(t.supervisions[0].answered_by, "S1.1");
  EXPECT_EQ(t.supervisions[0].answer, "已安排专人整改，周五前完成");
  EXPECT_EQ(SupervisionStateOf(t), "answered");
  EXPECT_EQ(t.supervision_level, kDistrictSupervision) << "answered is not closed";
  EXPECT_EQ(Try(t, "answer-supervision", Answer(), Staff("S1")).reason(), Reasons::kNoOpenSupervision)
      << "nothing left to answer";

  EXPECT_EQ(Try(t, "close-supervision", Note(""), OfUnit("D1")).field(), "note");
  const Status street = Try(t, "close-supervision", Note(), OfUnit("S1"));
  EXPECT_EQ(street.code(), StatusCode::kPermissionDenied) << "a street does not close a district's supervision";
  EXPECT_EQ(street.reason(), Reasons::kLevelAboveTier);
  t = Do(t, "close-supervision", Note(), OfUnit("D1"));
  EXPECT_EQ(t.supervisions[0].closed_by, "D1.sup");
  EXPECT_EQ(t.supervisions[0].close_note, "整改到位，同意销号");
  EXPECT_EQ(t.supervision_level, 0);
  EXPECT_EQ(t.priority, 0);
  EXPECT_EQ(SupervisionStateOf(t), "");

  // A ticket carries several over its life; replay rebuilds them all.
  t = Do(t, "supervise", Order(kStreetSupervision, "再次督办"), OfUnit("S1"));
  ASSERT_EQ(t.supervisions.size(), 2u);
  EXPECT_EQ(t.supervision_level, kStreetSupervision);
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->supervisions, t.supervisions);
  EXPECT_EQ(replayed->supervision_level, t.supervision_level);
}

// A supervisor closes what lies at or below its tier and leaves a higher one open.
TEST_F(SupervisionTest, ClosingLeavesHigherLevelsOpen) {
  Ticket t = InProgressAt("S1");
  t = Do(t, "supervise", Order(kStreetSupervision), OfUnit("S1"));
  t = Do(t, "supervise", Order(kCitySupervision), Center());
  EXPECT_EQ(t.supervision_level, kCitySupervision);
  t = Do(t, "answer-supervision", Answer(), Staff("S1"));
  EXPECT_EQ(t.supervisions[0].answered_at, t.supervisions[1].answered_at) << "one answer for every waiting one";
  t = Do(t, "close-supervision", Note(), OfUnit("D1"));
  EXPECT_FALSE(IsOpen(t.supervisions[0]));
  EXPECT_TRUE(IsOpen(t.supervisions[1])) << "the city's stays open for the center";
  EXPECT_EQ(t.supervision_level, kCitySupervision);
  t = Do(t, "close-supervision", Note(), Center());
  EXPECT_EQ(t.supervision_level, 0);
}

// On a finished ticket a supervision may be closed without the unit's answer.
TEST_F(SupervisionTest, AFinishedTicketsSupervisionClosesWithoutAnAnswer) {
  Ticket t = InProgressAt("S1");
  t = Do(t, "supervise", Order(1), Center());
  CommandInput reply;
  reply.content = "已处理";
  reply.result = ReplyResult::kResolved;
  t = Do(t, "reply", reply, Staff("S1"));
  CommandInput accept;
  accept.accept = true;
  t = Do(t, "review", accept, Dispatcher());
  CommandInput call;
  call.satisfaction = Satisfaction::kSatisfied;
  call.resolved = true;
  t = Do(t, "callback", call, testing::CallbackAgent());
  ASSERT_EQ(t.state, TicketState::kClosed);
  EXPECT_TRUE(Try(t, "answer-supervision", Answer(), Staff("S1")).ok()) << "the unit may still answer";
  t = Do(t, "close-supervision", Note("已办结，销号"), Center());
  EXPECT_EQ(t.supervision_level, 0);
  EXPECT_EQ(t.supervisions[0].answered_at, 0);
}

// 批示: a leader's instruction is a city-level record the unit answers and a
// supervisor closes; only the center's supervisors may close it.
TEST_F(SupervisionTest, ALeadersInstructionIsTrackedUntilAnswered) {
  Ticket t = InProgressAt("S1");
  CommandInput in;
  EXPECT_EQ(Try(t, "instruct", in, Center()).field(), "content");
  in.content = "请区政府牵头，两周内拿出解决方案";
  EXPECT_EQ(Try(t, "instruct", in, Staff("S1")).code(), StatusCode::kPermissionDenied);
  t = Do(t, "instruct", in, Center());
  ASSERT_EQ(t.supervisions.size(), 1u);
  EXPECT_TRUE(t.supervisions[0].instruction);
  EXPECT_EQ(t.supervisions[0].level, kCitySupervision);
  EXPECT_EQ(t.supervisions[0].instructions, in.content);
  EXPECT_EQ(SupervisionStateOf(t), "unanswered");
  t = Do(t, "answer-supervision", Answer("已成立专班，方案下周报送"), Staff("S1"));
  EXPECT_EQ(Try(t, "close-supervision", Note(), OfUnit("D1")).reason(), Reasons::kLevelAboveTier);
  t = Do(t, "close-supervision", Note(), Center());
  EXPECT_EQ(t.supervision_level, 0);
  auto replayed = Replay(events_, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(replayed->supervisions, t.supervisions);
}

}  // namespace
}  // namespace hotline

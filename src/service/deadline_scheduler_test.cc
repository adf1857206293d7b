#include "service/deadline_scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/deadline_tracking.h"
#include "domain/test_fixtures.h"
#include "domain/time_limit_testing.h"
#include "service/service_fixture.h"
#include "store/codec.h"

namespace hotline::service {
namespace {

using hotline::testing::Dispatcher;
using hotline::testing::L;
using hotline::testing::Operator;
using hotline::testing::Staff;
using K = DeadlineKind;

constexpr UnixSeconds kHour = 3600;

// Natural hours only, so that the arithmetic is plain: sign 4 h, contact 8 h,
// reply 16 h, handle 40 h, callback 8 h; warnings at 75 %.
TimeLimitPolicy HourRules() {
  TimeLimitRule d;
  d.id = "default";
  d.limit(K::kSign) = L("4 natural_hours");
  d.limit(K::kContact) = L("8 natural_hours");
  d.limit(K::kReply) = L("16 natural_hours");
  d.limit(K::kHandle) = L("40 natural_hours");
  d.limit(K::kCallback) = L("8 natural_hours");
  return TimeLimitPolicy::Make({d}).value();
}

class DeadlineSchedulerTest : public testing::ServiceOverSqlite {
 protected:
  void SetUp() override {
    ServiceOverSqlite::SetUp();
    Install(*service_);
    start_ = clock_.Now();
  }
  static void Install(HotlineService& s) {
    s.time_limits().Install(HourRules(), WorkingHours(), {2026});
    ASSERT_TRUE(s.LoadReferenceData().ok());
  }
  // A ticket dispatched to S1 now.
  TicketId Dispatched(HotlineService& s) {
    auto t = s.tickets().Intake(hotline::testing::HeatingAppeal(), Operator());
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    CommandInput to;
    to.unit = "S1";
    EXPECT_TRUE(s.tickets().Command(t->id, "dispatch", to, Dispatcher()).ok());
    return t->id;
  }
  std::vector<std::string> Commands(TicketId id) {
    std::vector<std::string> out;
    const auto events = store_->GetEvents(id);
    for (const Event& e : *events) out.push_back(e.command + (e.actor.username == "system" ? "*" : ""));
    return out;
  }
  const Deadline& Of(TicketId id, K kind) {
    ticket_ = *store_->GetTicket(id);
    return *FindDeadline(ticket_.deadlines, kind);
  }
  int Run() {
    auto given = service_->deadlines().RunDue();
    EXPECT_TRUE(given.ok()) << given.status().ToString();
    return given.ok() ? *given : -1;
  }

  UnixSeconds start_ = 0;
  Ticket ticket_;
};

TEST_F(DeadlineSchedulerTest, WarnsThenAnnouncesOverdueAndSupervisesByRule) {
  // Live messages reach a supervisor (a renderer as the API installs one).
  service_->live().SetRenderer([](const Ticket& t, const std::string& command) {
    return std::to_string(t.id) + " " + command;
  });
  auto stream = service_->live().Subscribe(hotline::testing::Supervisor());

  const TicketId id = Dispatched(*service_);
  EXPECT_GT(service_->deadlines().queued(), 0u) << "tracked as it was dispatched";
  EXPECT_EQ(Run(), 0) << "nothing is due at once";

  clock_.Set(start_ + 3 * kHour);  // 75 % of sign's 4 hours
  EXPECT_EQ(Run(), 1);
  EXPECT_TRUE(Of(id, K::kSign).warned);
  EXPECT_EQ(Commands(id).back(), "warn*") << "given by the actor system";
  EXPECT_NE(stream->Drain().find(std::to_string(id) + " warn"), std::string::npos) << "pushed live";

  clock_.Set(start_ + 4 * kHour + 1);
  EXPECT_EQ(Run(), 1);
  EXPECT_EQ(Of(id, K::kSign).state, DeadlineState::kOverdue);
  EXPECT_TRUE(Of(id, K::kSign).overdue_announced);
  EXPECT_EQ(Run(), 0) << "each notice once";

  // Signing late meets sign; contact (8 h), reply (16 h) and handle (40 h) run on.
  ASSERT_TRUE(service_->tickets().Command(id, "sign", {}, Staff("S1")).ok());
  clock_.Set(start_ + 7 * kHour);
  EXPECT_EQ(Run(), 1) << "contact's warning (6 h)";
  clock_.Set(start_ + 13 * kHour);
  EXPECT_EQ(Run(), 2) << "contact overdue (8 h), reply's warning (12 h)";
  clock_.Set(start_ + 31 * kHour);
  EXPECT_EQ(Run(), 2) << "reply overdue (16 h), handle's warning (30 h)";
  EXPECT_EQ(Of(id, K::kReply).state, DeadlineState::kOverdue);
  EXPECT_EQ(ticket_.supervision_level, 0);
  clock_.Set(start_ + 41 * kHour);
  EXPECT_EQ(Run(), 1);
  EXPECT_EQ(Of(id, K::kHandle).state, DeadlineState::kOverdue);
  EXPECT_EQ(ticket_.supervision_level, 1) << "an overdue handling deadline is supervised by rule";
  EXPECT_EQ(service_->deadlines().queued(), 0u);
  EXPECT_EQ(service_->deadlines().given(), 8u);
  const auto commands = Commands(id);
  EXPECT_EQ(std::count(commands.begin(), commands.end(), "warn*"), 4);
  EXPECT_EQ(std::count(commands.begin(), commands.end(), "overdue*"), 4);
}

// A co-unit's task has its own due time (co_tasks.h): the scheduler announces a
// late opinion once (co-overdue, by system), and never before it is due.
TEST_F(DeadlineSchedulerTest, ACoUnitsLateOpinionIsAnnouncedOnce) {
  auto t = service_->tickets().Intake(hotline::testing::HeatingAppeal(), Operator());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  CommandInput to;
  to.unit = "S1";
  to.co_units = {"HEAT"};
  ASSERT_TRUE(service_->tickets().Command(t->id, "dispatch", to, Dispatcher()).ok());
  const UnixSeconds due = store_->GetTicket(t->id)->co_tasks.at(0).due_at;
  ASSERT_GT(due, start_);
  auto announced = [&] {
    const std::vector<std::string> c = Commands(t->id);
    return std::count(c.begin(), c.end(), "co-overdue*");
  };
  clock_.Set(due - 60);
  Run();
  EXPECT_EQ(announced(), 0) << "not before it is due";
  clock_.Set(due + 60);
  Run();
  EXPECT_EQ(announced(), 1) << ::testing::PrintToString(Commands(t->id));
  EXPECT_TRUE(store_->GetTicket(t->id)->co_tasks.at(0).overdue_announced) << EncodeTicket(*store_->GetTicket(t->id)).dump();
  clock_.Set(due + kHour);
  Run();
  EXPECT_EQ(announced(), 1) << "once";
}

TEST_F(DeadlineSchedulerTest, ARestartInTheMiddleOfAPauseKeepsTheClockStopped) {
  const TicketId id = Dispatched(*service_);
  ASSERT_TRUE(service_->tickets().Command(id, "sign", {}, Staff("S1")).ok());
  clock_.Set(start_ + 1 * kHour);
  CommandInput wait;
  wait.reason = "awaiting_third_party";
  ASSERT_TRUE(service_->tickets().Command(id, "pause", wait, Staff("S1")).ok());
  EXPECT_EQ(service_->deadlines().queued(), 0u) << "a stopped clock owes no notice";

  // The server restarts while the clock is stopped: a new service over the same
  // store rebuilds its queue from the open tickets.
  service_.reset();
  clock_.Set(start_ + 50 * kHour);  // long past every deadline as first set
  auto restarted = std::make_unique<HotlineService>(*store_, clock_, WorkCalendar());
  Install(*restarted);
  auto tracked = restarted->deadlines().Rebuild();
  ASSERT_TRUE(tracked.ok()) << tracked.status().ToString();
  EXPECT_EQ(*tracked, 0u);
  EXPECT_EQ(*restarted->deadlines().RunDue(), 0) << "nothing falls overdue while paused";

  // Resumed 49 hours later: each deadline keeps what it had left at the pause.
  ASSERT_TRUE(restarted->tickets().Command(id, "resume", {}, Staff("S1")).ok());
  EXPECT_EQ(Of(id, K::kContact).due_at, start_ + 57 * kHour) << "7 of 8 hours were left";
  EXPECT_EQ(Of(id, K::kHandle).due_at, start_ + 89 * kHour);
  EXPECT_EQ(ticket_.due_at, start_ + 89 * kHour);
  clock_.Set(start_ + 56 * kHour);
  EXPECT_EQ(*restarted->deadlines().RunDue(), 1) << "contact's warning, at 75 % of its time";
  clock_.Set(start_ + 57 * kHour + 1);
  EXPECT_EQ(*restarted->deadlines().RunDue(), 1) << "contact overdue";
  EXPECT_EQ(Of(id, K::kContact).state, DeadlineState::kOverdue);
  EXPECT_EQ(Of(id, K::kHandle).state, DeadlineState::kPending);
  service_ = std::move(restarted);
}

TEST_F(DeadlineSchedulerTest, ARestartGivesNoNoticeTwiceAndCatchesUpOnMissedOnes) {
  const TicketId id = Dispatched(*service_);
  clock_.Set(start_ + 3 * kHour);
  EXPECT_EQ(Run(), 1);  // sign's warning
  service_.reset();     // down for a day
  clock_.Set(start_ + 27 * kHour);
  auto restarted = std::make_unique<HotlineService>(*store_, clock_, WorkCalendar());
  Install(*restarted);
  ASSERT_EQ(*restarted->deadlines().Rebuild(), 1u);
  // Missed while down: sign, contact and reply overdue (4, 8, 16 h); the warnings
  // of contact and reply come too late to matter and are not given; handle's
  // warning (30 h) is still ahead; sign's warning is never given twice.
  EXPECT_EQ(*restarted->deadlines().RunDue(), 3);
  const auto commands = Commands(id);
  EXPECT_EQ(std::count(commands.begin(), commands.end(), "warn*"), 1);
  EXPECT_EQ(std::count(commands.begin(), commands.end(), "overdue*"), 3);
  clock_.Set(start_ + 30 * kHour);
  EXPECT_EQ(*restarted->deadlines().RunDue(), 1) << "handle's warning, on time";
  service_ = std::move(restarted);
}

TEST_F(DeadlineSchedulerTest, NoticesAreNotRequests) {
  const TicketId id = Dispatched(*service_);
  CommandInput in;
  in.deadline = K::kSign;
  const Actor admin{"admin", Role::kAdmin, ""};
  auto r = service_->tickets().Command(id, "warn", in, admin);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "command");
}

}  // namespace
}  // namespace hotline::service

#include "domain/deadline_schedule.h"

#include <gtest/gtest.h>

#include "domain/calendar_testing.h"
#include "domain/time_limit_testing.h"

namespace hotline {
namespace {

using testing::L;
using testing::LocalTime;

TimeLimitPolicy SamplePolicy() {
  TimeLimitRule consultation;
  consultation.id = "consultation";
  consultation.appeal_type = AppealType::kConsultation;
  consultation.limit(DeadlineKind::kHandle) = L("1 working_days");
  return TimeLimitPolicy::Make({testing::DefaultRule("15 working_days"), testing::Company2110Rule(), consultation})
      .value();
}

class DeadlineScheduleTest : public ::testing::Test {
 protected:
  TimeLimitPolicy policy_ = SamplePolicy();
  WorkTime work_time_{testing::ShippedCalendar(), WorkingHours()};
  // Dispatch happens at the clock's time.
  FakeClock clock_{LocalTime(2026, 11, 20, 16)};  // a Friday
};

TEST_F(DeadlineScheduleTest, The2110Milestones) {
  const AppealFacts company{AppealType::kComplaint, "0101", Urgency::kNormal, Channel::kPhone, true};
  const DueInstants due = ScheduleDeadlines(policy_.Lookup(company), work_time_, {clock_.Now(), std::nullopt, std::nullopt});
  EXPECT_EQ(DueOf(due, DeadlineKind::kContact), LocalTime(2026, 11, 20, 18));  // within 2 hours
  EXPECT_EQ(DueOf(due, DeadlineKind::kReply), LocalTime(2026, 11, 23, 16));    // within 1 working day
  EXPECT_EQ(DueOf(due, DeadlineKind::kHandle), LocalTime(2026, 12, 4, 16));    // within 10 working days
  EXPECT_EQ(DueOf(due, DeadlineKind::kSign), LocalTime(2026, 11, 21, 16));     // the default's 24 hours
  EXPECT_FALSE(DueOf(due, DeadlineKind::kCallback));                           // no accepted reply yet
}

TEST_F(DeadlineScheduleTest, CallbackRunsFromTheAcceptedReply) {
  const AppealFacts citizen{AppealType::kHelp, "", Urgency::kNormal, Channel::kWeb, false};
  const UnixSeconds dispatched = clock_.Now();
  clock_.Set(LocalTime(2026, 12, 3, 10));  // a Thursday: the reply is accepted
  const DueInstants due = ScheduleDeadlines(policy_.Lookup(citizen), work_time_, {dispatched, clock_.Now(), std::nullopt});
  EXPECT_EQ(DueOf(due, DeadlineKind::kCallback), LocalTime(2026, 12, 7, 10));
  EXPECT_EQ(DueOf(due, DeadlineKind::kContact), LocalTime(2026, 11, 23, 16));
  EXPECT_EQ(DueOf(due, DeadlineKind::kReply), LocalTime(2026, 11, 27, 16));  // 7 natural days
  EXPECT_EQ(DueOf(due, DeadlineKind::kHandle), LocalTime(2026, 12, 11, 16));
}

TEST_F(DeadlineScheduleTest, TheFirstAnswerIsNeverDueAfterTheFinalReply) {
  // A consultation must be handled within 1 working day; its reply (7 days by default) is capped.
  const AppealFacts consultation{AppealType::kConsultation, "", Urgency::kNormal, Channel::kPhone, false};
  const DueInstants due = ScheduleDeadlines(policy_.Lookup(consultation), work_time_, {clock_.Now(), std::nullopt, std::nullopt});
  EXPECT_EQ(DueOf(due, DeadlineKind::kHandle), LocalTime(2026, 11, 23, 16));
  EXPECT_EQ(DueOf(due, DeadlineKind::kReply), DueOf(due, DeadlineKind::kHandle));
}

TEST_F(DeadlineScheduleTest, AFixedHandlingDeadlineIsTakenAsItIs) {
  // The dispatch has already set the ticket's due_at (or an event recorded it):
  // handle is that instant, and the first answer is capped at it.
  const AppealFacts citizen{AppealType::kHelp, "", Urgency::kNormal, Channel::kWeb, false};
  const UnixSeconds fixed = LocalTime(2026, 11, 25, 12);
  const DueInstants due = ScheduleDeadlines(policy_.Lookup(citizen), work_time_, {clock_.Now(), std::nullopt, fixed});
  EXPECT_EQ(DueOf(due, DeadlineKind::kHandle), fixed);
  EXPECT_EQ(DueOf(due, DeadlineKind::kReply), fixed);
  EXPECT_EQ(DueOf(due, DeadlineKind::kContact), LocalTime(2026, 11, 23, 16)) << "the others as before";
}

}  // namespace
}  // namespace hotline

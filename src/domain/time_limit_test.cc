#include "domain/time_limit.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(TimeLimit, WireNamesRoundTrip) {
  for (LimitUnit u : {LimitUnit::kNaturalHours, LimitUnit::kWorkingHours, LimitUnit::kWorkingDays, LimitUnit::kNaturalDays})
    EXPECT_EQ(ParseLimitUnit(Name(u)), u);
  for (DeadlineKind k : kAllDeadlineKinds) EXPECT_EQ(ParseDeadlineKind(Name(k)), k);
  for (Urgency u : {Urgency::kUrgent, Urgency::kImportant, Urgency::kNormal}) EXPECT_EQ(ParseUrgency(Name(u)), u);
  EXPECT_EQ(Name(LimitUnit::kWorkingHours), "working_hours");
  EXPECT_EQ(Name(DeadlineKind::kCallback), "callback");
  EXPECT_EQ(Name(Urgency::kImportant), "important");
  EXPECT_FALSE(ParseLimitUnit("hours"));
  EXPECT_FALSE(ParseDeadlineKind("dispatch"));
  EXPECT_FALSE(ParseUrgency("URGENT"));
  for (DeadlineState s : {DeadlineState::kPending, DeadlineState::kMet, DeadlineState::kOverdue,
                          DeadlineState::kPaused, DeadlineState::kCancelled})
    EXPECT_EQ(ParseDeadlineState(Name(s)), s);
  EXPECT_EQ(Name(DeadlineState::kOverdue), "overdue");
  EXPECT_FALSE(ParseDeadlineState("late"));
}

TEST(TimeLimit, ParsesAndFormatsAmountAndUnit) {
  EXPECT_EQ(ParseTimeLimit("24 natural_hours"), (TimeLimit{24, LimitUnit::kNaturalHours}));
  EXPECT_EQ(ParseTimeLimit("10 working_days"), (TimeLimit{10, LimitUnit::kWorkingDays}));
  EXPECT_EQ(FormatTimeLimit({2, LimitUnit::kWorkingHours}), "2 working_hours");
  EXPECT_EQ(ParseTimeLimit(FormatTimeLimit({7, LimitUnit::kNaturalDays})), (TimeLimit{7, LimitUnit::kNaturalDays}));
  for (const char* bad : {"", "24", "natural_hours", "0 working_days", "-1 natural_days", "1.5 working_hours",
                          "5 weeks", "5  working_days", " 5 working_days", "10001 natural_hours", "2 working_days "})
    EXPECT_FALSE(ParseTimeLimit(bad)) << "'" << bad << "'";
  EXPECT_TRUE(ParseTimeLimit("10000 natural_hours"));
}

}  // namespace
}  // namespace hotline

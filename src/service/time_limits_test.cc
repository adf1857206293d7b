#include "service/time_limits.h"

#include <gtest/gtest.h>

#include "domain/test_fixtures.h"
#include "service/service_fixture.h"

namespace hotline::service {
namespace {

UnixSeconds LocalNoon(int y, unsigned m, unsigned d) {
  return static_cast<UnixSeconds>(DaysFromCivil(y, m, d)) * 86400 + 12 * 3600 - WorkCalendar::kUtcOffsetSeconds;
}

TimeLimitPolicy OneRule() {
  TimeLimitRule d;
  d.id = "default";
  for (DeadlineKind kind : kAllDeadlineKinds) d.limit(kind) = TimeLimit{2, LimitUnit::kWorkingHours};
  return TimeLimitPolicy::Make({d}).value();
}

class TimeLimitsTest : public testing::ServiceOverSqlite {
 protected:
  Actor Staff(Role role) const { return Actor{"someone", role, role == Role::kUnitStaff ? "U1" : ""}; }
};

TEST_F(TimeLimitsTest, UnavailableUntilInstalled) {
  EXPECT_EQ(service_->time_limits().InForce(Staff(Role::kOperator)).status().code(), StatusCode::kUnavailable);
}

TEST_F(TimeLimitsTest, EveryStaffRoleReadsTheInstalledSetup) {
  const WorkingHours hours = WorkingHours::Make({{8 * 3600, 12 * 3600}}).value();
  service_->time_limits().Install(OneRule(), hours, {2025, 2026});
  for (Role role : {Role::kOperator, Role::kDispatcher, Role::kUnitStaff, Role::kSupervisor, Role::kCallbackAgent,
                    Role::kAnalyst, Role::kAdmin}) {
    auto in_force = service_->time_limits().InForce(Staff(role));
    ASSERT_TRUE(in_force.ok()) << Name(role) << ": " << in_force.status().ToString();
    EXPECT_EQ(in_force->setup->policy.rules().size(), 1u);
    EXPECT_EQ(in_force->setup->work_time.hours().periods(), hours.periods());
    EXPECT_EQ(in_force->setup->calendar_years, (std::vector<int>{2025, 2026}));
  }
}

TEST_F(TimeLimitsTest, CalendarGapFollowsTheServiceClock) {
  service_->time_limits().Install(OneRule(), WorkingHours(), {2025, 2026});
  clock_.Set(LocalNoon(2026, 10, 31));
  EXPECT_FALSE(service_->time_limits().InForce(Staff(Role::kAdmin))->calendar_gap);
  clock_.Set(LocalNoon(2026, 11, 1));
  const auto gap = service_->time_limits().InForce(Staff(Role::kAdmin))->calendar_gap;
  ASSERT_TRUE(gap);
  EXPECT_EQ(gap->year, 2027);
  EXPECT_FALSE(gap->current_year);
}

}  // namespace
}  // namespace hotline::service

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

// --- the admin's changes (Start reads the store over the files' defaults) ---------------

const Actor kAdmin{"admin", Role::kAdmin, ""};

TimeLimitRuleText DefaultText(const std::string& limit) {
  TimeLimitRuleText r;
  r.rule = "default";
  r.sign = r.contact = r.reply = r.handle = r.callback = limit;
  return r;
}

TimeLimitDefaults FileDefaults() {
  return TimeLimitDefaults{OneRule(), WorkingHours(),
                           {{"2026-01-01", "holiday"}, {"2026-10-01", "holiday"}, {"2026-02-14", "workday"}}};
}

TEST_F(TimeLimitsTest, TheFilesRuleUntilTheAdminSavesThenTheStoreWins) {
  ASSERT_TRUE(service_->time_limits().Start(FileDefaults()).ok());
  auto in_force = service_->time_limits().InForce(kAdmin);
  ASSERT_TRUE(in_force.ok());
  EXPECT_EQ(in_force->setup->version, 0);
  EXPECT_EQ(in_force->setup->calendar_years, std::vector<int>{2026});
  EXPECT_EQ(service_->reference()->time_limits, nullptr);  // reaches commands with the next load

  auto saved = service_->time_limits().ReplaceRules({DefaultText("3 natural_hours")}, {{"08:00", "12:00"}}, 0, kAdmin);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->setup->version, 1);
  // Commands see it at once: the reference data carries the new setup.
  const auto ref = service_->reference();
  ASSERT_NE(ref->time_limits, nullptr);
  EXPECT_EQ(ref->time_limits->policy.rules()[0].limit(DeadlineKind::kSign), (TimeLimit{3, LimitUnit::kNaturalHours}));
  EXPECT_EQ(ref->time_limits->work_time.hours().periods().size(), 1u);
  EXPECT_EQ(store_->ListAudit(10, 0)->front().action, "replace_time_limits");

  // A restart: the same files, the same store — the store's rules win.
  ASSERT_TRUE(service_->time_limits().Start(FileDefaults()).ok());
  EXPECT_EQ(service_->time_limits().InForce(kAdmin)->setup->version, 1);
  EXPECT_EQ(service_->time_limits().InForce(kAdmin)->setup->policy.rules()[0].limit(DeadlineKind::kSign),
            (TimeLimit{3, LimitUnit::kNaturalHours}));
}

TEST_F(TimeLimitsTest, ChangesAreTheAdminsAndCheckedLikeTheFiles) {
  ASSERT_TRUE(service_->time_limits().Start(FileDefaults()).ok());
  for (Role role : {Role::kOperator, Role::kDispatcher, Role::kUnitStaff, Role::kSupervisor, Role::kCallbackAgent,
                    Role::kAnalyst}) {
    EXPECT_EQ(service_->time_limits().ReplaceRules({DefaultText("3 natural_hours")}, {{"08:00", "12:00"}}, 0,
                                                   Staff(role)).status().code(),
              StatusCode::kPermissionDenied) << Name(role);
    EXPECT_EQ(service_->time_limits().ReplaceCalendarYear(2027, "date,kind\n2027-01-01,holiday\n", Staff(role)).code(),
              StatusCode::kPermissionDenied) << Name(role);
  }
  TimeLimitRuleText bad = DefaultText("3 natural_hours");
  bad.rule = "second";
  bad.urgency = "urgent";
  bad.reply = "2 fortnights";
  auto refused = service_->time_limits().ReplaceRules({DefaultText("3 natural_hours"), bad}, {{"08:00", "12:00"}}, 0,
                                                       kAdmin);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().field(), "reply");
  bool line2 = false;
  for (const auto& [k, v] : refused.status().params()) line2 |= k == "line" && v == "2";
  EXPECT_TRUE(line2) << refused.status().ToString();
  ASSERT_TRUE(service_->time_limits().ReplaceRules({DefaultText("3 natural_hours")}, {{"08:00", "12:00"}}, 0, kAdmin).ok());
  auto stale = service_->time_limits().ReplaceRules({DefaultText("4 natural_hours")}, {{"08:00", "12:00"}}, 0, kAdmin);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().reason(), Reasons::kStaleVersion);
  EXPECT_EQ(store_->ListAudit(10, 0)->size(), 1u);
}

TEST_F(TimeLimitsTest, AnUploadedYearReplacesThatYearAndEndsTheWarning) {
  ASSERT_TRUE(service_->time_limits().Start(FileDefaults()).ok());
  clock_.Set(LocalNoon(2026, 11, 20));
  EXPECT_TRUE(service_->time_limits().InForce(kAdmin)->calendar_gap);
  auto bad = service_->time_limits().ReplaceCalendarYear(2027, "date,kind\n2027-01-01,holiday\n2027-13-01,holiday\n",
                                                        kAdmin);
  EXPECT_EQ(bad.field(), "date");
  ASSERT_TRUE(service_->time_limits()
                  .ReplaceCalendarYear(2027, "# 2027\ndate,kind\n2027-01-01,holiday\n2027-02-14,workday\n", kAdmin)
                  .ok());
  auto in_force = service_->time_limits().InForce(kAdmin);
  EXPECT_FALSE(in_force->calendar_gap);
  EXPECT_EQ(in_force->setup->calendar_years, (std::vector<int>{2026, 2027}));
  EXPECT_EQ(in_force->setup->uploaded_years, std::vector<int>{2027});
  const WorkCalendar& cal = service_->reference()->time_limits->work_time.calendar();
  EXPECT_FALSE(cal.IsWorkingDay(DaysFromCivil(2027, 1, 1)));
  EXPECT_TRUE(cal.IsWorkingDay(DaysFromCivil(2027, 2, 14)));  // a Sunday worked
  // Replacing a year of the file: its old days go.
  ASSERT_TRUE(service_->time_limits().ReplaceCalendarYear(2026, std::vector<CalendarRow>{{1, {"2026-01-01", "holiday"}}},
                                                          kAdmin).ok());
  EXPECT_EQ(service_->time_limits().CalendarYear(2026, kAdmin)->size(), 1u);
  EXPECT_TRUE(service_->reference()->time_limits->work_time.calendar().IsWorkingDay(DaysFromCivil(2026, 10, 1)));
}

}  // namespace
}  // namespace hotline::service

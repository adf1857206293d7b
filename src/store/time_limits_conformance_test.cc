// The Store contract for the time limits and calendar years an admin edits
// (issue 10), on every backend (store_fixture.h).
#include <gtest/gtest.h>

#include <thread>

#include "store/store_fixture.h"

namespace hotline {
namespace {

using TimeLimitsStoreTest = testing::StoreFixture;
HOTLINE_STORE_CONFORMANCE(TimeLimitsStoreTest);

std::vector<TimeLimitRuleText> Rules(const std::string& sign) {
  TimeLimitRuleText d;
  d.rule = "default";
  d.sign = sign;
  d.contact = "1 working_days";
  d.reply = "7 natural_days";
  d.handle = "7 natural_days";
  d.callback = "2 working_days";
  d.note = "一般诉求";
  TimeLimitRuleText ent;
  ent.rule = "enterprise-2110";
  ent.enterprise = "yes";
  ent.contact = "2 natural_hours";
  return {d, ent};
}

TEST_P(TimeLimitsStoreTest, NeverEditedIsVersionZeroAndEmpty) {
  auto stored = store_->LoadTimeLimits();
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->version, 0);
  EXPECT_TRUE(stored->rules.empty());
  EXPECT_TRUE(stored->working_hours.empty());
  EXPECT_TRUE(store_->LoadCalendarDays()->empty());
}

TEST_P(TimeLimitsStoreTest, ReplaceKeepsTheTextInOrderWithItsAudit) {
  const std::vector<WorkPeriodText> hours = {{"08:30", "12:00"}, {"14:00", "18:00"}};
  const AuditRecord audit{0, ctx_.now, "admin", "replace_time_limits", "2 rules"};
  auto v = store_->ReplaceTimeLimits(Rules("24 natural_hours"), hours, 0, &audit);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, 1);
  Reopen();  // durable
  auto stored = store_->LoadTimeLimits();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->version, 1);
  EXPECT_EQ(stored->rules, Rules("24 natural_hours"));
  EXPECT_EQ(stored->working_hours, hours);
  auto trail = store_->ListAudit(10, 0);
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ((*trail)[0].action, "replace_time_limits");

  // A second save replaces the whole set.
  auto v2 = store_->ReplaceTimeLimits({Rules("2 natural_hours")[0]}, {{"09:00", "17:00"}}, 1, &audit);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(*v2, 2);
  stored = store_->LoadTimeLimits();
  EXPECT_EQ(stored->rules.size(), 1u);
  EXPECT_EQ(stored->rules[0].sign, "2 natural_hours");
  EXPECT_EQ(stored->working_hours.size(), 1u);
}

TEST_P(TimeLimitsStoreTest, StaleSaveIsAConflictAndWritesNothing) {
  const AuditRecord audit{0, ctx_.now, "admin", "replace_time_limits", "x"};
  ASSERT_TRUE(store_->ReplaceTimeLimits(Rules("24 natural_hours"), {{"09:00", "17:00"}}, 0, &audit).ok());
  auto stale = store_->ReplaceTimeLimits(Rules("1 natural_hours"), {{"09:00", "17:00"}}, 0, &audit);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().reason(), Reasons::kStaleVersion);
  auto stored = store_->LoadTimeLimits();
  EXPECT_EQ(stored->version, 1);
  EXPECT_EQ(stored->rules[0].sign, "24 natural_hours");
  EXPECT_EQ(store_->ListAudit(10, 0)->size(), 1u);
}

TEST_P(TimeLimitsStoreTest, ConcurrentSavesOfOneVersionOneWins) {
  std::vector<Status> results(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      const AuditRecord audit{0, ctx_.now, "admin" + std::to_string(i), "replace_time_limits", "x"};
      results[i] = store_->ReplaceTimeLimits(Rules(std::to_string(i + 1) + " natural_hours"), {{"09:00", "17:00"}},
                                             0, &audit)
                       .status();
    });
  for (auto& t : threads) t.join();
  int won = 0;
  for (const Status& s : results) {
    if (s.ok()) ++won;
    else EXPECT_EQ(s.reason(), Reasons::kStaleVersion) << s.ToString();
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(store_->LoadTimeLimits()->version, 1);
  EXPECT_EQ(store_->ListAudit(10, 0)->size(), 1u);
}

TEST_P(TimeLimitsStoreTest, CalendarYearIsReplacedWhole) {
  const AuditRecord audit{0, ctx_.now, "admin", "replace_calendar_year", "2027"};
  ASSERT_TRUE(store_->ReplaceCalendarYear(2027, {{"2027-01-01", "holiday"}, {"2027-02-14", "workday"}}, &audit).ok());
  ASSERT_TRUE(store_->ReplaceCalendarYear(2028, {{"2028-01-01", "holiday"}}, &audit).ok());
  ASSERT_TRUE(store_->ReplaceCalendarYear(2027, {{"2027-01-01", "holiday"}, {"2027-10-01", "holiday"}}, &audit).ok());
  Reopen();
  auto days = store_->LoadCalendarDays();
  ASSERT_TRUE(days.ok()) << days.status().ToString();
  const std::vector<CalendarDay> expected = {
      {"2027-01-01", "holiday"}, {"2027-10-01", "holiday"}, {"2028-01-01", "holiday"}};
  EXPECT_EQ(*days, expected);
  EXPECT_EQ(store_->ListAudit(10, 0)->size(), 3u);
  // A day of another year is refused, and nothing changes.
  auto bad = store_->ReplaceCalendarYear(2029, {{"2029-01-01", "holiday"}, {"2030-01-01", "holiday"}}, &audit);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(store_->LoadCalendarDays()->size(), 3u);
  EXPECT_EQ(store_->ListAudit(10, 0)->size(), 3u);
}

}  // namespace
}  // namespace hotline

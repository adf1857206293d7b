#include "domain/calendar_year.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

std::string Param(const Status& s, const std::string& key) {
  for (const auto& [k, v] : s.params())
    if (k == key) return v;
  return "";
}

TEST(CalendarYear, AcceptsAYearAndSortsIt) {
  auto days = CheckCalendarYear(2027, {{2, {"2027-02-06", "holiday"}}, {3, {"2027-01-01", "holiday"}},
                                       {4, {"2027-02-14", "workday"}}});
  ASSERT_TRUE(days.ok()) << days.status().ToString();
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ((*days)[0].date, "2027-01-01");
  EXPECT_EQ(CalendarYears(*days), std::vector<int>{2027});
  const WorkCalendar cal = MakeWorkCalendar(*days);
  EXPECT_FALSE(cal.IsWorkingDay(DaysFromCivil(2027, 1, 1)));   // a Friday, holiday
  EXPECT_TRUE(cal.IsWorkingDay(DaysFromCivil(2027, 2, 14)));   // a Sunday, make-up day
}

TEST(CalendarYear, RefusesNamingLineAndField) {
  struct Case {
    CalendarRow bad;
    const char* field;
    Reason reason;
  };
  const Case cases[] = {
      {{7, {"2026-10-01", "holiday"}}, "date", Reasons::kDateOutsideYear},
      {{7, {"2027-02-30", "holiday"}}, "date", Reasons::kInvalidValue},
      {{7, {"2027/10/01", "holiday"}}, "date", Reasons::kInvalidValue},
      {{7, {"2027-10-01", "rest"}}, "kind", Reasons::kInvalidValue},
      {{7, {"2027-01-01", "workday"}}, "date", Reasons::kDuplicateDate},
  };
  for (const Case& c : cases) {
    auto days = CheckCalendarYear(2027, {{6, {"2027-01-01", "holiday"}}, c.bad});
    ASSERT_FALSE(days.ok()) << c.bad.day.date;
    EXPECT_EQ(days.status().field(), c.field) << c.bad.day.date;
    EXPECT_EQ(days.status().reason(), c.reason) << c.bad.day.date;
    EXPECT_EQ(Param(days.status(), "line"), "7");
  }
  EXPECT_FALSE(CheckCalendarYear(2027, {}).ok());
}

}  // namespace
}  // namespace hotline

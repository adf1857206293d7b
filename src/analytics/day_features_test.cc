#include "analytics/day_features.h"

#include <gtest/gtest.h>

#include "domain/work_calendar.h"

namespace hotline::analytics {
namespace {

// Spring Festival 2023 by the State Council's notice: 21–27 January off, 28–29 January worked.
HolidayCalendar SpringFestival2023() {
  HolidayCalendar cal;
  for (unsigned d = 21; d <= 27; ++d) cal.holidays.insert(DaysFromCivil(2023, 1, d));
  cal.workdays = {DaysFromCivil(2023, 1, 28), DaysFromCivil(2023, 1, 29)};
  return cal;
}

TEST(DayFeatures, WeekdaysStartOnMonday) {
  EXPECT_EQ(Weekday(DaysFromCivil(2023, 1, 2)), 0);  // a Monday
  EXPECT_EQ(Weekday(DaysFromCivil(2023, 1, 1)), 6);
  EXPECT_EQ(Weekday(DaysFromCivil(1969, 12, 31)), 2);
}

TEST(DayFeatures, HolidaysMakeUpDaysAndTheDayAfter) {
  const HolidayCalendar cal = SpringFestival2023();
  EXPECT_TRUE(cal.IsRestDay(DaysFromCivil(2023, 1, 23)));   // Monday, holiday
  EXPECT_FALSE(cal.IsRestDay(DaysFromCivil(2023, 1, 28)));  // Saturday, worked
  EXPECT_TRUE(cal.IsAfterHoliday(DaysFromCivil(2023, 1, 28)));
  EXPECT_FALSE(cal.IsAfterHoliday(DaysFromCivil(2023, 1, 29)));
  EXPECT_FALSE(cal.IsAfterHoliday(DaysFromCivil(2023, 1, 9)));  // after an ordinary weekend

  FeatureLayout layout;
  layout.reference_day = DaysFromCivil(2022, 1, 23);
  std::vector<double> x;
  DayFeatures(DaysFromCivil(2023, 1, 23), layout, cal, x);
  ASSERT_EQ(x.size(), 1u + 1 + 6 + 4 + 3);
  EXPECT_EQ(x[0], 1);
  EXPECT_NEAR(x[1], 365 / 365.25, 1e-12);                       // a year of trend
  for (int i = 2; i < 8; ++i) EXPECT_EQ(x[i], 0) << i;          // Monday: no weekday indicator
  EXPECT_EQ(x[12], 1);                                           // holiday
  EXPECT_EQ(x[13], 0);
  DayFeatures(DaysFromCivil(2023, 1, 28), layout, cal, x);
  EXPECT_EQ(x[2 + 4], 1);                                        // Saturday indicator …
  EXPECT_EQ(x[13], 1);                                           // … corrected by the make-up day
  EXPECT_EQ(x[14], 1);                                           // and the backlog after the holiday
}

}  // namespace
}  // namespace hotline::analytics

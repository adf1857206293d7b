// The covariates of one day for the expected-level model (issue 14): intercept,
// trend (years since a reference day), day of the week (Monday is the reference,
// six indicators), yearly harmonics (cos/sin of 2πh·day/365.2425, h = 1…H), an
// official holiday (放假), a make-up working day (调休上班) and the first working
// day after a holiday period of three days or more (the backlog). Days are counted
// since 1970-01-01 in the city's calendar (domain/work_calendar.h DaysFromCivil).
// The detector takes the holidays as input; it reads no file.
#pragma once

#include <set>
#include <vector>

namespace hotline::analytics {

struct HolidayCalendar {
  std::set<int> holidays;  // days off by the State Council's notice, weekends inside included
  std::set<int> workdays;  // weekend days worked instead (调休)

  bool IsHoliday(int day) const { return holidays.count(day) > 0; }
  bool IsWorkday(int day) const { return workdays.count(day) > 0; }
  // A rest day: a holiday, or a weekend day that is not a make-up working day.
  bool IsRestDay(int day) const;
  // The first working day after at least three rest days in a row that include a holiday.
  bool IsAfterHoliday(int day) const;
};

// Monday 0 … Sunday 6.
int Weekday(int day);

struct FeatureLayout {
  bool trend = true;
  int harmonics = 2;
  int reference_day = 0;  // trend is (day − reference_day) / 365.25

  int size() const { return 1 + (trend ? 1 : 0) + 6 + 2 * harmonics + 3; }
  int trend_index() const { return trend ? 1 : -1; }
};

// Writes the layout's covariates of `day` into `out` (resized to layout.size()).
void DayFeatures(int day, const FeatureLayout& layout, const HolidayCalendar& calendar, std::vector<double>& out);

}  // namespace hotline::analytics

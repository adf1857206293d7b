// One year of the official holiday calendar as its days (issue 10): each a date
// "YYYY-MM-DD" and a kind, "holiday" (a rest day of a holiday period) or
// "workday" (a make-up working day, 调休). The shipped calendar
// (data/calendar/cn_holidays.csv) is the default; a year the admin uploads
// replaces that year's days (service/time_limits.h).
//
// CheckCalendarYear validates an upload of one year, row by row: the date is a
// real date of that year written YYYY-MM-DD, the kind is holiday or workday, no
// date appears twice, and at least one day is listed (every notice lists New
// Year's Day). An error names the field ("date" or "kind"), carries the reason
// (invalid_value, date_outside_year, duplicate_date, required) and the params
// "line" (the row's line as the caller numbered it) and "value".
// Pure: no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/status.h"
#include "domain/work_calendar.h"

namespace hotline {

struct CalendarDay {
  std::string date;  // YYYY-MM-DD
  std::string kind;  // holiday | workday
  bool operator==(const CalendarDay&) const = default;
};

struct CalendarRow {
  std::size_t line = 0;  // where the row came from, for errors
  CalendarDay day;
};

// The year's days, sorted by date, or the first row's error.
Result<std::vector<CalendarDay>> CheckCalendarYear(int year, const std::vector<CalendarRow>& rows);
// The year of a well-formed date (its first four digits); 0 when malformed.
int YearOf(const std::string& date);
// A calendar of `days` (already checked).
WorkCalendar MakeWorkCalendar(const std::vector<CalendarDay>& days);
// The years `days` lists, ascending.
std::vector<int> CalendarYears(const std::vector<CalendarDay>& days);

}  // namespace hotline

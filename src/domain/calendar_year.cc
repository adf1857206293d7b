#include "domain/calendar_year.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace hotline {
namespace {

Status RowError(const CalendarRow& row, const char* field, Reason reason, const std::string& message,
                const std::string& value) {
  return Status::InvalidArgument(field, "line " + std::to_string(row.line) + ": " + message)
      .WithReason(reason)
      .WithParam("line", static_cast<long long>(row.line))
      .WithParam("value", value);
}

// True when `date` is a real date written YYYY-MM-DD.
bool IsDate(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return CivilFromDays(DaysFromCivil(y, m, d)) == date;
}

}  // namespace

int YearOf(const std::string& date) { return IsDate(date) ? std::stoi(date.substr(0, 4)) : 0; }

Result<std::vector<CalendarDay>> CheckCalendarYear(int year, const std::vector<CalendarRow>& rows) {
  if (rows.empty())
    return Status::InvalidArgument("date", "the calendar of " + std::to_string(year) + " lists no day")
        .WithReason(Reasons::kRequired);
  std::set<std::string> seen;
  std::vector<CalendarDay> days;
  for (const CalendarRow& row : rows) {
    const std::string& date = row.day.date;
    if (!IsDate(date))
      return RowError(row, "date", Reasons::kInvalidValue, "expected a date YYYY-MM-DD, got '" + date + "'", date);
    if (YearOf(date) != year)
      return RowError(row, "date", Reasons::kDateOutsideYear,
                      "date " + date + " is not in " + std::to_string(year), date);
    if (row.day.kind != "holiday" && row.day.kind != "workday")
      return RowError(row, "kind", Reasons::kInvalidValue,
                      "expected holiday or workday, got '" + row.day.kind + "'", row.day.kind);
    if (!seen.insert(date).second)
      return RowError(row, "date", Reasons::kDuplicateDate, "date " + date + " is listed twice", date);
    days.push_back(row.day);
  }
  std::sort(days.begin(), days.end(), [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  return days;
}

WorkCalendar MakeWorkCalendar(const std::vector<CalendarDay>& days) {
  WorkCalendar cal;
  for (const CalendarDay& d : days) (void)cal.AddDay(d.date, d.kind);
  return cal;
}

std::vector<int> CalendarYears(const std::vector<CalendarDay>& days) {
  std::set<int> years;
  for (const CalendarDay& d : days)
    if (int y = YearOf(d.date)) years.insert(y);
  return {years.begin(), years.end()};
}

}  // namespace hotline

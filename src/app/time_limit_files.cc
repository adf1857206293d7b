#include "app/time_limit_files.h"

#include <set>

#include "app/csv_reader.h"

namespace hotline::app {
namespace {

Status LineError(const std::string& path, std::size_t line, const std::string& field, const std::string& msg) {
  return Status::InvalidArgument(field, path + " line " + std::to_string(line) + ": " + msg);
}

Status RowError(const std::string& path, const CsvTable& t, std::size_t row) {
  const Status& e = t.Error(row);
  return e.ok() ? e : LineError(path, t.Line(row), e.field(), e.message());
}

Status RequireColumns(const std::string& path, const CsvTable& t, const std::vector<std::string>& columns) {
  for (const std::string& c : columns)
    if (!t.Has(c)) return Status::InvalidArgument(c, path + ": the header has no column " + c);
  return Status::Ok();
}

// The row's cells by column name.
TimeLimitRuleText RuleText(const CsvTable& t, std::size_t i) {
  TimeLimitRuleText row;
  for (std::string_view column : kTimeLimitColumns) *CellOf(row, column) = t.Get(i, std::string(column));
  return row;
}

}  // namespace

Result<TimeLimitPolicy> LoadTimeLimitPolicyFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  std::vector<std::string> columns(kTimeLimitColumns.begin(), kTimeLimitColumns.end());
  HOTLINE_RETURN_IF_ERROR(RequireColumns(path, t, columns));
  std::vector<TimeLimitRuleText> rows;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    rows.push_back(RuleText(t, i));
  }
  auto policy = ParseTimeLimitPolicy(rows);
  if (policy.ok()) return policy;
  const Status& s = policy.status();
  for (const auto& [key, value] : s.params())
    if (key == "rule") return LineError(path, t.Line(std::stoul(value)), s.field(), s.message());
  return Status::InvalidArgument(s.field(), path + ": " + s.message());
}

Result<WorkingHours> LoadWorkingHoursFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  HOTLINE_RETURN_IF_ERROR(RequireColumns(path, t, {"start", "end"}));
  std::vector<WorkPeriodText> periods;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    periods.push_back({t.Get(i, "start"), t.Get(i, "end")});
  }
  auto hours = ParseWorkingHours(periods);
  if (hours.ok()) return hours;
  const Status& s = hours.status();
  for (const auto& [key, value] : s.params())
    if (key == "period") return LineError(path, t.Line(std::stoul(value)), s.field(), s.message());
  return Status::InvalidArgument(s.field(), path + ": " + s.message());
}

Result<std::vector<CalendarDay>> LoadCalendarDays(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  HOTLINE_RETURN_IF_ERROR(RequireColumns(path, t, {"date", "kind"}));
  std::vector<CalendarDay> days;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    const std::string& date = t.Get(i, "date");
    if (YearOf(date) == 0) return LineError(path, t.Line(i), "date", "expected YYYY-MM-DD, got '" + date + "'");
    days.push_back({date, t.Get(i, "kind")});
  }
  return days;
}

Result<std::vector<int>> LoadCalendarYears(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto days, LoadCalendarDays(path));
  return CalendarYears(days);
}

Result<std::vector<CalendarDay>> ParseCalendarYearCsv(const std::string& text, int year) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::Parse(text));
  for (const char* column : {"date", "kind"})
    if (!t.Has(column))
      return Status::InvalidArgument(column, std::string("line 1: the header has no column ") + column)
          .WithReason(Reasons::kRequired)
          .WithParam("line", 1);
  std::vector<CalendarRow> rows;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (const Status& e = t.Error(i); !e.ok())
      return Status::InvalidArgument(e.field(), "line " + std::to_string(t.Line(i)) + ": " + e.message())
          .WithReason(Reasons::kInvalidValue)
          .WithParam("line", static_cast<long long>(t.Line(i)));
    rows.push_back({t.Line(i), {t.Get(i, "date"), t.Get(i, "kind")}});
  }
  return CheckCalendarYear(year, rows);
}

Result<TimeLimitFiles> LoadTimeLimitFiles(const std::string& data_dir) {
  HOTLINE_ASSIGN_OR_RETURN(TimeLimitPolicy policy, LoadTimeLimitPolicyFile(data_dir + "/policies/time_limits.csv"));
  HOTLINE_ASSIGN_OR_RETURN(WorkingHours hours, LoadWorkingHoursFile(data_dir + "/policies/working_hours.csv"));
  // A calendar that cannot be read covers no year (OpenHotline then counts weekends
  // only, with a warning in the log; GET /api/v1/policies warns that this year is missing).
  auto days = LoadCalendarDays(data_dir + "/calendar/cn_holidays.csv");
  if (!days.ok()) return TimeLimitFiles{std::move(policy), std::move(hours), {}, {}};
  std::vector<int> years = CalendarYears(*days);
  return TimeLimitFiles{std::move(policy), std::move(hours), std::move(years), std::move(days).value()};
}

}  // namespace hotline::app

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

template <typename T>
Status ParseCondition(const std::string& path, const CsvTable& t, std::size_t row, const std::string& column,
                      std::optional<T> (*parse)(std::string_view), std::optional<T>& out) {
  const std::string& cell = t.Get(row, column);
  if (cell.empty()) return Status::Ok();
  out = parse(cell);
  if (!out) return LineError(path, t.Line(row), column, "unknown " + column + " '" + cell + "'");
  return Status::Ok();
}

Result<TimeLimitRule> ParseRule(const std::string& path, const CsvTable& t, std::size_t i) {
  TimeLimitRule r;
  r.id = t.Get(i, "rule");
  r.category = t.Get(i, "category");
  r.note = t.Get(i, "note");
  HOTLINE_RETURN_IF_ERROR(ParseCondition(path, t, i, "appeal_type", &ParseAppealType, r.appeal_type));
  HOTLINE_RETURN_IF_ERROR(ParseCondition(path, t, i, "urgency", &ParseUrgency, r.urgency));
  HOTLINE_RETURN_IF_ERROR(ParseCondition(path, t, i, "channel", &ParseChannel, r.channel));
  const std::string& enterprise = t.Get(i, "enterprise");
  if (enterprise == "yes" || enterprise == "no") {
    r.enterprise = enterprise == "yes";
  } else if (!enterprise.empty() && enterprise != "any") {
    return LineError(path, t.Line(i), "enterprise", "enterprise must be yes, no, any or empty, not '" + enterprise + "'");
  }
  for (DeadlineKind kind : kAllDeadlineKinds) {
    const std::string column(Name(kind));
    const std::string& cell = t.Get(i, column);
    if (cell.empty()) continue;
    r.limit(kind) = ParseTimeLimit(cell);
    if (!r.limit(kind))
      return LineError(path, t.Line(i), column,
                       column + " '" + cell + "' is not AMOUNT UNIT (1-" + std::to_string(kMaxLimitAmount) +
                           ", natural_hours, working_hours, working_days or natural_days)");
  }
  return r;
}

}  // namespace

Result<TimeLimitPolicy> LoadTimeLimitPolicyFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  HOTLINE_RETURN_IF_ERROR(RequireColumns(path, t,
                                         {"rule", "appeal_type", "category", "urgency", "channel", "enterprise", "sign",
                                          "contact", "reply", "handle", "callback", "note"}));
  std::vector<TimeLimitRule> rules;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    HOTLINE_ASSIGN_OR_RETURN(TimeLimitRule rule, ParseRule(path, t, i));
    rules.push_back(std::move(rule));
  }
  auto policy = TimeLimitPolicy::Make(std::move(rules));
  if (policy.ok()) return policy;
  const Status& s = policy.status();
  for (const auto& [key, value] : s.params())
    if (key == "rule") return LineError(path, t.Line(std::stoul(value)), s.field(), s.message());
  return Status::InvalidArgument(s.field(), path + ": " + s.message());
}

Result<WorkingHours> LoadWorkingHoursFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  HOTLINE_RETURN_IF_ERROR(RequireColumns(path, t, {"start", "end"}));
  std::vector<WorkPeriod> periods;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    const auto start = ParseClockTime(t.Get(i, "start"));
    const auto end = ParseClockTime(t.Get(i, "end"));
    if (!start) return LineError(path, t.Line(i), "start", "start '" + t.Get(i, "start") + "' is not HH:MM");
    if (!end) return LineError(path, t.Line(i), "end", "end '" + t.Get(i, "end") + "' is not HH:MM");
    periods.push_back({*start, *end});
  }
  auto hours = WorkingHours::Make(std::move(periods));
  if (hours.ok()) return hours;
  const Status& s = hours.status();
  // "working_hours[N]": the N-th period, row N of the file.
  const std::size_t open = s.field().find('[');
  if (open != std::string::npos)
    return LineError(path, t.Line(std::stoul(s.field().substr(open + 1))), s.field(), s.message());
  return Status::InvalidArgument(s.field(), path + ": " + s.message());
}

Result<std::vector<int>> LoadCalendarYears(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  HOTLINE_RETURN_IF_ERROR(RequireColumns(path, t, {"date", "kind"}));
  std::set<int> years;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    const std::string& date = t.Get(i, "date");
    if (date.size() != 10 || date.find_first_not_of("0123456789") != 4)
      return LineError(path, t.Line(i), "date", "expected YYYY-MM-DD, got '" + date + "'");
    years.insert(std::stoi(date.substr(0, 4)));
  }
  return std::vector<int>(years.begin(), years.end());
}

Result<TimeLimitFiles> LoadTimeLimitFiles(const std::string& data_dir) {
  HOTLINE_ASSIGN_OR_RETURN(TimeLimitPolicy policy, LoadTimeLimitPolicyFile(data_dir + "/policies/time_limits.csv"));
  HOTLINE_ASSIGN_OR_RETURN(WorkingHours hours, LoadWorkingHoursFile(data_dir + "/policies/working_hours.csv"));
  // A calendar that cannot be read covers no year (OpenHotline then counts weekends
  // only, with a warning in the log; GET /api/v1/policies warns that this year is missing).
  auto years = LoadCalendarYears(data_dir + "/calendar/cn_holidays.csv");
  return TimeLimitFiles{std::move(policy), std::move(hours), years.ok() ? std::move(years).value() : std::vector<int>{}};
}

}  // namespace hotline::app

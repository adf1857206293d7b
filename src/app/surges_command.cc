#include "app/surges_command.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "app/csv_reader.h"
#include "app/reference_files.h"
#include "domain/work_calendar.h"

namespace hotline::app {
namespace {

struct LineError {
  std::size_t line;
  std::string field;
  std::string message;
};

// Days since 1970-01-01 of a strict YYYY-MM-DD date (a real date: no 2023-02-30).
std::optional<int> ParseDay(const std::string& s) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  if (std::sscanf(s.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  const int day = DaysFromCivil(y, m, d);
  if (CivilFromDays(day) != s) return std::nullopt;
  return day;
}

std::string Fixed4(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

// RFC 4180 quoting when the text needs it.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

struct SeriesRows {
  std::string name;
  std::map<int, std::int64_t> counts;  // day → count
};

constexpr std::int64_t kMaxCount = 1'000'000'000;

}  // namespace

Result<analytics::HolidayCalendar> LoadHolidayCalendar(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  if (!t.Has("date") || !t.Has("kind"))
    return Status::InvalidArgument("header", path + ": expected the columns date,kind");
  analytics::HolidayCalendar cal;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string where = path + ":" + std::to_string(t.Line(i)) + ": ";
    if (!t.Error(i).ok()) return Status::InvalidArgument(t.Error(i).field(), where + t.Error(i).message());
    const auto day = ParseDay(t.Get(i, "date"));
    if (!day) return Status::InvalidArgument("date", where + "field date: expected YYYY-MM-DD, got '" + t.Get(i, "date") + "'");
    const std::string& kind = t.Get(i, "kind");
    if (kind == "holiday") cal.holidays.insert(*day);
    else if (kind == "workday") cal.workdays.insert(*day);
    else return Status::InvalidArgument("kind", where + "field kind: expected holiday or workday, got '" + kind + "'");
  }
  return cal;
}

int RunSurgesOnText(const SurgesCommand& cmd, const std::string& source, const std::string& text,
                    const analytics::HolidayCalendar& holidays, std::ostream& out, std::ostream& err) {
  const auto refuse = [&](const std::vector<LineError>& errors) {
    std::size_t shown = 0;
    for (const auto& e : errors) {
      if (++shown > 20) break;
      err << "hotline surges: " << source << ": line " << e.line << ": "
          << (e.field.empty() ? "" : "field " + e.field + ": ") << e.message << '\n';
    }
    if (errors.size() > 20) err << "hotline surges: … and " << errors.size() - 20 << " more bad lines\n";
    err << "hotline surges: input refused (" << errors.size() << " bad line" << (errors.size() == 1 ? "" : "s")
        << "); nothing written\n";
    return 2;
  };
  auto table = CsvTable::Parse(text);
  if (!table.ok()) return refuse({{1, table.status().field(), table.status().message()}});
  const CsvTable& t = *table;
  {
    std::vector<LineError> header;
    for (const char* column : {"date", "series", "count"})
      if (!t.Has(column)) header.push_back({1, column, "missing column (the header must be date,series,count)"});
    if (!header.empty()) return refuse(header);
  }

  std::vector<LineError> errors;
  std::vector<SeriesRows> series;
  std::unordered_map<std::string, std::size_t> index;
  std::map<std::pair<std::size_t, int>, std::size_t> seen;  // (series, day) → line
  int last_day = std::numeric_limits<int>::min();
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::size_t line = t.Line(i);
    if (!t.Error(i).ok()) {
      errors.push_back({line, t.Error(i).field(), t.Error(i).message()});
      continue;
    }
    const auto& fields = t.Fields(i);
    bool bad = false;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const std::string column = t.ColumnName(f);
      if (column != "date" && column != "series" && column != "count") {
        errors.push_back({line, column, "unknown column (expected date, series, count)"});
        bad = true;
        break;
      }
    }
    if (bad) continue;
    const std::string& date = t.Get(i, "date");
    const std::string& name = t.Get(i, "series");
    const std::string& count_text = t.Get(i, "count");
    const auto day = ParseDay(date);
    if (!day) {
      errors.push_back({line, "date", "'" + date + "' is not a date YYYY-MM-DD"});
      continue;
    }
    if (name.empty()) {
      errors.push_back({line, "series", "is required"});
      continue;
    }
    std::int64_t count = -1;
    const auto [end, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
    if (count_text.empty() || ec != std::errc() || end != count_text.data() + count_text.size() || count < 0 ||
        count > kMaxCount) {
      errors.push_back({line, "count", "'" + count_text + "' is not a whole number from 0 to 1000000000"});
      continue;
    }
    auto [it, added] = index.try_emplace(name, series.size());
    if (added) series.push_back({name, {}});
    if (auto [s, inserted] = seen.try_emplace({it->second, *day}, line); !inserted) {
      errors.push_back({line, "date", "repeats series '" + name + "' on " + date + " (line " + std::to_string(s->second) + ")"});
      continue;
    }
    series[it->second].counts[*day] = count;
    last_day = std::max(last_day, *day);
  }
  if (!errors.empty()) return refuse(errors);

  std::ostringstream buffer;
  buffer << "date,series,count,expected,score,alarm\n";
  for (const SeriesRows& s : series) {
    const int first_day = s.counts.begin()->first;
    std::vector<std::int64_t> counts(static_cast<std::size_t>(last_day - first_day + 1), 0);
    for (const auto& [day, c] : s.counts) counts[static_cast<std::size_t>(day - first_day)] = c;
    const auto days = analytics::DetectSurges(counts, first_day, holidays, cmd.options);
    const std::string name = CsvField(s.name);
    for (std::size_t i = 0; i < counts.size(); ++i) {
      buffer << CivilFromDays(first_day + static_cast<int>(i)) << ',' << name << ',' << counts[i] << ',';
      if (days[i].scored) buffer << Fixed4(days[i].expected) << ',' << Fixed4(days[i].score) << ',';
      else buffer << ",,";
      buffer << (days[i].alarm ? '1' : '0') << '\n';
    }
  }
  out << buffer.str();
  out.flush();
  return 0;
}

int RunSurges(const SurgesCommand& cmd, std::ostream& out, std::ostream& err) {
  const std::string holidays_path = cmd.holidays.empty() ? DataDir() + "/calendar/cn_holidays.csv" : cmd.holidays;
  auto holidays = LoadHolidayCalendar(holidays_path);
  if (!holidays.ok()) {
    err << "hotline surges: holidays: " << holidays.status().message() << '\n';
    return 1;
  }
  std::ifstream in(cmd.input, std::ios::binary);
  if (!in) {
    err << "hotline surges: cannot read " << cmd.input << '\n';
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return RunSurgesOnText(cmd, cmd.input, text.str(), *holidays, out, err);
}

}  // namespace hotline::app

#include "app/importer.h"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "service/credentials.h"
#include "app/csv_reader.h"
#include "app/import_checks.h"
#include "store/codec.h"
#include "text/utf8.h"

namespace hotline::app {

using nlohmann::json;

namespace {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Reads 1..max_digits decimal digits at s[i].
bool ReadNumber(std::string_view s, std::size_t& i, std::size_t max_digits, int& out) {
  std::size_t n = 0;
  out = 0;
  for (; i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9'; ++i, ++n) out = out * 10 + (s[i] - '0');
  return n > 0 && (i == s.size() || s[i] < '0' || s[i] > '9');
}

}  // namespace

Result<UnixSeconds> ParseLocalTime(const std::string& text) {
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  const auto unrecognised = [&] { return Status::InvalidArgument("created_at", "unrecognised time '" + text + "'"); };
  // Unix seconds: an integer and nothing else.
  const std::string_view digits = s.starts_with('-') ? s.substr(1) : s;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    UnixSeconds v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return unrecognised();
    return v;
  }
  // Y-M-D or Y/M/D, then optionally H:MM or H:MM:SS after a space or 'T'.
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  std::size_t i = 0;
  if (!ReadNumber(s, i, 4, y) || i != 4 || i == s.size()) return unrecognised();
  const char sep = s[i++];
  if ((sep != '-' && sep != '/') || !ReadNumber(s, i, 2, mo) || i == s.size() || s[i++] != sep ||
      !ReadNumber(s, i, 2, d))
    return unrecognised();
  if (i < s.size()) {
    if ((s[i] != ' ' && s[i] != 'T') || !ReadNumber(s, ++i, 2, h) || i == s.size() || s[i++] != ':' ||
        !ReadNumber(s, i, 2, mi))
      return unrecognised();
    if (i < s.size() && (s[i++] != ':' || !ReadNumber(s, i, 2, sec) || i != s.size())) return unrecognised();
  }
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59)
    return Status::InvalidArgument("created_at", "no such date or time '" + text + "'");
  return static_cast<UnixSeconds>(DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) * 86400 +
         h * 3600 + mi * 60 + sec - WorkCalendar::kUtcOffsetSeconds;
}

namespace {

// One record of the file: the physical line it starts on and what it holds.
struct Record {
  std::size_t line = 0;
  Result<ImportRow> row;
};

// The appeal's text must be free of control characters (fields named as in JSON).
Status CheckAppealText(const Appeal& a) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"content", &a.content},      {"caller.name", &a.caller.name}, {"caller.phone", &a.caller.phone},
      {"address", &a.address},      {"category", &a.category},       {"area", &a.area},
      {"query_code", &a.query_code}};
  for (const auto& [name, value] : fields) HOTLINE_RETURN_IF_ERROR(CheckNoControlChars(name, *value));
  return Status::Ok();
}

}  // namespace

Result<ImportRow> ImportRowFromJsonLine(const std::string& line) {
  if (!text::IsValidUtf8(line)) {
    const std::string member = JsonMemberWithBadUtf8(line);
    return CheckUtf8(member.empty() ? "line" : member, line);
  }
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded()) return Status::InvalidArgument("line", "not valid JSON");
  ImportRow row;
  if (j.is_object() && j.contains("created_at")) {
    const json& c = j["created_at"];
    HOTLINE_ASSIGN_OR_RETURN(row.created_at,
                             c.is_number_integer() ? Result<UnixSeconds>(c.get<UnixSeconds>())
                             : c.is_string()       ? ParseLocalTime(c.get<std::string>())
                                             : Result<UnixSeconds>(Status::InvalidArgument("created_at", "bad type")));
    row.time_as_written = c.is_string() ? c.get<std::string>() : c.dump();
    j.erase("created_at");
  }
  HOTLINE_ASSIGN_OR_RETURN(auto a, DecodeAppeal(j));
  HOTLINE_RETURN_IF_ERROR(CheckAppealText(a));
  row.appeal = std::move(a);
  return row;
}

namespace {

// The CSV columns the importer reads: their text must be free of control characters.
constexpr const char* kCsvColumnsRead[] = {"channel", "appeal_type", "content", "caller_name", "caller_phone",
                                           "address", "category",    "area",    "enterprise",  "created_at",
                                           "title",   "detail",      "time",    "label1"};

Status CheckCsvRow(const CsvTable& t, std::size_t i) {
  const auto& fields = t.Fields(i);
  for (std::size_t k = 0; k < fields.size(); ++k) HOTLINE_RETURN_IF_ERROR(CheckUtf8(t.ColumnName(k), fields[k]));
  if (!t.Error(i).ok()) return t.Error(i);
  for (const char* column : kCsvColumnsRead) HOTLINE_RETURN_IF_ERROR(CheckNoControlChars(column, t.Get(i, column)));
  return Status::Ok();
}

}  // namespace

Result<ImportRow> ImportRowFromCsv(const CsvTable& t, std::size_t i, const Taxonomy* taxonomy) {
  HOTLINE_RETURN_IF_ERROR(CheckCsvRow(t, i));
  ImportRow row;
  Appeal& a = row.appeal;
  if (t.Has("content")) {
    auto ch = ParseChannel(t.Get(i, "channel"));
    auto ty = ParseAppealType(t.Get(i, "appeal_type"));
    if (!ch) return Status::InvalidArgument("channel", "unknown channel '" + t.Get(i, "channel") + "'");
    if (!ty) return Status::InvalidArgument("appeal_type", "unknown appeal_type '" + t.Get(i, "appeal_type") + "'");
    a.channel = *ch;
    a.type = *ty;
    a.content = t.Get(i, "content");
    a.caller = {t.Get(i, "caller_name"), t.Get(i, "caller_phone")};
    a.address = t.Get(i, "address");
    a.category = t.Get(i, "category");
    a.area = t.Get(i, "area");
    a.enterprise = t.Get(i, "enterprise") == "1" || t.Get(i, "enterprise") == "true";
  } else {  // message-board layout
    a.channel = Channel::kWeb;
    a.type = AppealType::kHelp;
    a.content = t.Get(i, "title");
    if (!t.Get(i, "detail").empty()) a.content += "\n" + t.Get(i, "detail");
    if (taxonomy && !t.Get(i, "label1").empty()) {
      for (const Category& c : taxonomy->categories())
        if (c.level == 1 && c.name == t.Get(i, "label1")) a.category = c.code;
    }
  }
  row.time_field = t.Has("created_at") ? "created_at" : "time";
  const std::string& when = t.Get(i, row.time_field);
  if (!when.empty()) {
    auto ts = ParseLocalTime(when);
    if (!ts.ok()) return Status::InvalidArgument(row.time_field, ts.status().message());
    row.created_at = *ts;
    row.time_as_written = when;
  }
  return row;
}

Result<Transition> ImportRowToTicket(ImportRow& row, const Context& base, const Actor& actor) {
  if (row.created_at)
    HOTLINE_RETURN_IF_ERROR(CheckCreatedAt(row.time_field, *row.created_at, base.now, row.time_as_written));
  if (row.appeal.query_code.empty()) row.appeal.query_code = service::RandomDigits(6);
  Context ctx = base;
  if (row.created_at) ctx.now = *row.created_at;
  HOTLINE_ASSIGN_OR_RETURN(auto tr, Intake(row.appeal, actor, ctx));
  (void)EncodeTicket(tr.ticket).dump();
  (void)EncodeCommandInput(tr.event.input).dump();
  return tr;
}

namespace {

// Runs `f`; an exception (a defect this file's checks missed) becomes the row's error.
template <typename F>
auto Guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return Status::InvalidArgument("row", text::SanitizeUtf8(std::string("could not be imported: ") + e.what()));
  }
}

}  // namespace

Result<ImportReport> ImportAppeals(Store& store, const std::string& path, const Context& base, const Actor& actor,
                                   const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<Record> records;
  const bool jsonl = path.size() > 6 && (path.ends_with(".jsonl") || path.ends_with(".ndjson"));
  if (jsonl) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open " + path);
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) records.push_back({n, Guarded([&] { return ImportRowFromJsonLine(line); })});
    }
  } else {
    HOTLINE_ASSIGN_OR_RETURN(auto table, CsvTable::ReadFile(path));
    if (!table.Has("content") && !table.Has("title"))
      return Status::InvalidArgument("file", path + ": needs a content column (or title,detail)");
    for (std::size_t i = 0; i < table.size(); ++i)
      records.push_back({table.Line(i), Guarded([&] { return ImportRowFromCsv(table, i, base.taxonomy); })});
  }
  ImportReport report;
  std::vector<Ticket> tickets;
  std::vector<std::vector<Event>> histories;
  auto flush = [&]() -> Status {
    if (tickets.empty()) return Status::Ok();
    HOTLINE_ASSIGN_OR_RETURN(auto ids, store.CreateTickets(histories, tickets));
    report.imported += ids.size();
    tickets.clear();
    histories.clear();
    return Status::Ok();
  };
  for (std::size_t i = 0; i < records.size(); ++i) {
    Record& record = records[i];
    auto tr = record.row.ok() ? Guarded([&] { return ImportRowToTicket(*record.row, base, actor); })
                              : Result<Transition>(record.row.status());
    if (tr.ok()) {
      tickets.push_back(std::move(tr->ticket));
      histories.push_back({std::move(tr->event)});
      if (tickets.size() >= 1000) HOTLINE_RETURN_IF_ERROR(flush());
    } else {
      report.errors.push_back("line " + std::to_string(record.line) + ": " + tr.status().field() + ": " +
                              tr.status().message());
    }
    if (progress && (i % 200 == 0 || i + 1 == records.size())) progress(i + 1, records.size());
  }
  HOTLINE_RETURN_IF_ERROR(flush());
  if (progress) progress(records.size(), records.size());
  return report;
}

}  // namespace hotline::app

#include "app/importer.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/credentials.h"
#include "app/csv_reader.h"
#include "store/codec.h"

namespace hotline::app {

using nlohmann::json;

Result<UnixSeconds> ParseLocalTime(const std::string& s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char sep1 = 0, sep2 = 0;
  const int n = std::sscanf(s.c_str(), "%d%c%d%c%d %d:%d:%d", &y, &sep1, &mo, &sep2, &d, &h, &mi, &sec);
  if (n >= 5 && (sep1 == '-' || sep1 == '/') && sep1 == sep2 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 &&
      h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 61) {
    return static_cast<UnixSeconds>(DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) * 86400 +
           h * 3600 + mi * 60 + sec - WorkCalendar::kUtcOffsetSeconds;
  }
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (!s.empty() && end && *end == '\0') return static_cast<UnixSeconds>(v);
  return Status::InvalidArgument("created_at", "unrecognised time '" + s + "'");
}

namespace {

struct Row {
  Appeal appeal;
  UnixSeconds created_at = 0;
};

Result<Row> FromJsonLine(const std::string& line) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded()) return Status::InvalidArgument("line", "not valid JSON");
  Row row;
  if (j.is_object() && j.contains("created_at")) {
    const json& c = j["created_at"];
    auto t = c.is_number_integer() ? Result<UnixSeconds>(c.get<UnixSeconds>())
                                   : c.is_string() ? ParseLocalTime(c.get<std::string>())
                                                   : Result<UnixSeconds>(Status::InvalidArgument("created_at", "bad type"));
    if (!t.ok()) return t.status();
    row.created_at = *t;
    j.erase("created_at");
  }
  auto a = DecodeAppeal(j);
  if (!a.ok()) return a.status();
  row.appeal = std::move(a).value();
  return row;
}

Result<Row> FromCsvRow(const CsvTable& t, std::size_t i, const Taxonomy* taxonomy) {
  Row row;
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
  const std::string& when = t.Has("created_at") ? t.Get(i, "created_at") : t.Get(i, "time");
  if (!when.empty()) {
    auto ts = ParseLocalTime(when);
    if (!ts.ok()) return ts.status();
    row.created_at = *ts;
  }
  return row;
}

}  // namespace

Result<ImportReport> ImportAppeals(Store& store, const std::string& path, const Context& base, const Actor& actor,
                                   const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<Result<Row>> rows;
  const bool jsonl = path.size() > 6 && (path.ends_with(".jsonl") || path.ends_with(".ndjson"));
  if (jsonl) {
    std::ifstream in(path);
    if (!in) return Status::NotFound("cannot open " + path);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) rows.push_back(FromJsonLine(line));
  } else {
    auto table = CsvTable::ReadFile(path);
    if (!table.ok()) return table.status();
    if (!table->Has("content") && !table->Has("title"))
      return Status::InvalidArgument("file", path + ": needs a content column (or title,detail)");
    for (std::size_t i = 0; i < table->size(); ++i) rows.push_back(FromCsvRow(*table, i, base.taxonomy));
  }
  ImportReport report;
  std::vector<Ticket> tickets;
  std::vector<std::vector<Event>> histories;
  auto flush = [&]() -> Status {
    if (tickets.empty()) return Status::Ok();
    auto ids = store.CreateTickets(histories, tickets);
    if (!ids.ok()) return ids.status();
    report.imported += ids->size();
    tickets.clear();
    histories.clear();
    return Status::Ok();
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string where = "line " + std::to_string(i + 2 - (jsonl ? 1 : 0)) + ": ";
    if (!rows[i].ok()) {
      report.errors.push_back(where + rows[i].status().field() + ": " + rows[i].status().message());
      continue;
    }
    Row& row = *rows[i];
    if (row.appeal.query_code.empty()) row.appeal.query_code = api::RandomDigits(6);
    Context ctx = base;
    if (row.created_at) ctx.now = row.created_at;
    auto tr = Intake(row.appeal, actor, ctx);
    if (!tr.ok()) {
      report.errors.push_back(where + tr.status().field() + ": " + tr.status().message());
      continue;
    }
    tickets.push_back(tr->ticket);
    histories.push_back({tr->event});
    if (tickets.size() >= 1000) HOTLINE_RETURN_IF_ERROR(flush());
    if (progress && (i % 200 == 0 || i + 1 == rows.size())) progress(i + 1, rows.size());
  }
  HOTLINE_RETURN_IF_ERROR(flush());
  if (progress) progress(rows.size(), rows.size());
  return report;
}

}  // namespace hotline::app

// Importer: reads appeals from a CSV or JSONL file and records each as a ticket
// (intake event at the appeal's own time when the file gives one). Accepted forms:
//  - JSONL: one object per line, the body of POST /api/v1/tickets, plus an optional
//    "created_at" (Unix seconds or "YYYY-MM-DD HH:MM:SS").
//  - CSV with columns channel,appeal_type,content[,caller_name,caller_phone,address,
//    category,area,enterprise,created_at], or the message-board layout
//    title,detail[,time,label1] (label1 is matched to a level-1 category name).
// The file must be UTF-8; CSV follows RFC 4180 (quoted fields may span lines).
// A bad row is reported with the physical line (1-based) its record starts on
// and the field at fault, and skipped: text that is not UTF-8 or holds control
// characters (other than tab and newline), malformed quoting, a created_at that
// is not a real time between 2000-01-01 and one day after ctx.now, or an appeal
// Intake refuses. No bad input makes the import throw or abort. The rest are
// imported in batches of one transaction each.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/state_machine.h"
#include "store/store.h"

namespace hotline::app {

struct ImportReport {
  std::size_t imported = 0;
  std::vector<std::string> errors;  // "line N: field: message"
};

Result<ImportReport> ImportAppeals(Store& store, const std::string& path, const Context& ctx, const Actor& actor,
                                   const std::function<void(std::size_t, std::size_t)>& progress = nullptr);

// The steps ImportAppeals takes for each record, for checking one row alone
// (tests, fuzz/). Bad input gives an error naming the field, never an exception
// (ImportAppeals still turns one into the row's error, should a check miss it).
class CsvTable;
struct ImportRow {
  Appeal appeal;
  std::optional<UnixSeconds> created_at;  // none: the time of the import
  std::string time_field = "created_at";  // the column or member it came from
  std::string time_as_written;
};
// One line of a JSONL file (without its line end).
Result<ImportRow> ImportRowFromJsonLine(const std::string& line);
// Row `i` of a CSV table; `taxonomy` (may be null) maps label1 to a category.
Result<ImportRow> ImportRowFromCsv(const CsvTable& table, std::size_t i, const Taxonomy* taxonomy);
// The ticket the row becomes at intake (created_at checked against ctx.now),
// checked to encode as the store will encode it.
Result<Transition> ImportRowToTicket(ImportRow& row, const Context& ctx, const Actor& actor);

// "2019/1/8 10:00:00", "2019-01-08 10:00:00", "2019-01-08" or Unix seconds (local time UTC+8).
// Rejects dates and times that do not exist (2019-02-30, 25:00) and years outside 1900–2999.
Result<UnixSeconds> ParseLocalTime(const std::string& s);

}  // namespace hotline::app

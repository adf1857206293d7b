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

// "2019/1/8 10:00:00", "2019-01-08 10:00:00", "2019-01-08" or Unix seconds (local time UTC+8).
// Rejects dates and times that do not exist (2019-02-30, 25:00) and years outside 1900–2999.
Result<UnixSeconds> ParseLocalTime(const std::string& s);

}  // namespace hotline::app

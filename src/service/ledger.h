// Ledger: the clearing ledger (动态清零, issue 10; what a row is and what
// "cleared" means: domain/ledger.h) of one month, for an actor. Needs the ledger
// capability (permission table), checked before the query is read; unit staff
// and a unit's supervisors get the rows within their unit subtree only. `unit`
// narrows the rows to tickets whose lead unit is that unit or below it. The
// counts (total, cleared, rate) are the month's within the actor's scope and the
// unit, whatever `cleared` asks; the pages cover the rows that match `cleared`
// too. No HTTP, no JSON; the API renders the report (JSON, CSV, XLSX).
#pragma once

#include <optional>
#include <string>

#include "domain/ledger.h"
#include "service/core.h"

namespace hotline::service {

struct LedgerQuery {
  std::string month;             // "YYYY-MM", required
  std::string unit;              // a unit code; empty = every unit
  std::optional<bool> cleared;   // only cleared (true) or open (false) rows
  int page = 1;
  int per_page = 20;             // 1..200 for a page; Export reads every row
};

struct LedgerReport {
  std::string month;
  MonthSpan span;
  LedgerPage page;   // items: one page, or every row for an export
  double rate = 0;   // cleared / total (清零率)
};

class Ledger {
 public:
  // At most this many rows in one export (a larger month is refused: narrow it by unit).
  static constexpr int kMaxExportRows = 50000;

  explicit Ledger(ServiceCore& core) : core_(core) {}

  // One page. InvalidArgument naming month (required / invalid_value), unit
  // (unknown_unit), page or per_page.
  Result<LedgerReport> Month(const LedgerQuery& query, const Actor& actor);
  // Every row matching the query (page and per_page ignored), for CSV and XLSX;
  // InvalidArgument naming unit (too_many) beyond kMaxExportRows.
  Result<LedgerReport> Export(const LedgerQuery& query, const Actor& actor);

 private:
  Result<LedgerFilter> Filter(const LedgerQuery& query, const Actor& actor, LedgerReport& report) const;

  ServiceCore& core_;
};

}  // namespace hotline::service

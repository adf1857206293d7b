// Shared by the import fuzz targets: the context `hotline import` runs in (the
// demo city's units, taxonomy and calendar, a fixed "now"), and the per-row
// check that every row either becomes a ticket that encodes, or is refused
// with an error naming a field. Exceptions are not caught here: ImportAppeals
// would turn one into a "could not be imported" error, but it is a defect.
#pragma once

#include "service/credentials.h"
#include "app/importer.h"
#include "demo_data.h"
#include "domain/state_machine.h"
#include "text/utf8.h"

namespace hotline::fuzz {

inline const Context& ImportContext() {
  static const Context ctx = [] {
    Check(service::InitCrypto().ok(), "libsodium");  // query codes come from RandomDigits
    Context c;
    c.units = &Demo().units;
    c.taxonomy = &Demo().taxonomy;
    c.calendar = &Demo().calendar;
    c.now = 1'795'000'000;  // 2026-11-18 in UTC+8
    return c;
  }();
  return ctx;
}

// What ImportAppeals does with one row after reading it.
inline void CheckImportRow(Result<app::ImportRow> row) {
  if (row.ok()) {
    static const Actor actor{"import", Role::kOperator, ""};
    auto tr = app::ImportRowToTicket(*row, ImportContext(), actor);
    if (tr.ok()) return;
    row = tr.status();
  }
  const Status& s = row.status();
  Check(!s.field().empty(), "import error names no field: " + s.ToString());
  // Errors are printed and kept in the report: they must be UTF-8 themselves.
  Check(text::IsValidUtf8(s.field()) && text::IsValidUtf8(s.message()), "import error is not UTF-8");
}

}  // namespace hotline::fuzz

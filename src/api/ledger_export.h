// The clearing ledger as a sheet (动态清零台账): one header row of Chinese column
// names and one row per ledger row, rendered as CSV (RFC 4180, UTF-8 with a BOM
// so that Excel reads the Chinese) or XLSX (libxlsxwriter; a title row with the
// month, its counts and clear-down rate above the table). Times are the city's
// local time, "YYYY-MM-DD HH:MM".
#pragma once

#include <string>
#include <vector>

#include "domain/status.h"
#include "service/hotline_service.h"

namespace hotline::api {

std::vector<std::string> LedgerColumns();
std::vector<std::vector<std::string>> LedgerCells(const service::LedgerReport& report,
                                                   const service::ReferenceData& ref);

std::string LedgerCsv(const service::LedgerReport& report, const service::ReferenceData& ref);
// Internal when the workbook cannot be written (its temporary file).
Result<std::string> LedgerXlsx(const service::LedgerReport& report, const service::ReferenceData& ref);

}  // namespace hotline::api

// Fuzz target: a CSV file given to `hotline import`. CsvTable::Parse (RFC 4180
// quoting, comments, CRLF, per-row quoting errors) on any bytes, the table's
// accessors on every row, then each row the way ImportAppeals takes it:
// ImportRowFromCsv (UTF-8, control characters, channel/type names, created_at,
// label1 → category) and ImportRowToTicket (intake, encoding). A first line with
// a tab and no comma is read as TSV (the reference files' form), table only.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/csv_reader.h"
#include "import_support.h"

using namespace hotline;
using fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 256 * 1024) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string first_line = text.substr(0, text.find('\n'));
  const char delimiter =
      first_line.find('\t') != std::string::npos && first_line.find(',') == std::string::npos ? '\t' : ',';
  auto table = app::CsvTable::Parse(text, delimiter);
  if (!table.ok()) return 0;
  std::size_t last_line = 0;
  for (std::size_t i = 0; i < table->size(); ++i) {
    Check(table->Line(i) > last_line, "rows out of line order");
    last_line = table->Line(i);
    for (std::size_t k = 0; k < table->Fields(i).size(); ++k) (void)table->ColumnName(k);
    if (!table->Error(i).ok()) Check(!table->Error(i).field().empty(), "row error names no column");
  }
  // Re-splitting a record line never fails either.
  (void)app::CsvTable::SplitRecord(first_line, delimiter);
  if (delimiter != ',' || (!table->Has("content") && !table->Has("title"))) return 0;
  for (std::size_t i = 0; i < table->size(); ++i)
    fuzz::CheckImportRow(app::ImportRowFromCsv(*table, i, fuzz::ImportContext().taxonomy));
  return 0;
}

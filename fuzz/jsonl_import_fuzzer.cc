// Fuzz target: a JSONL file given to `hotline import`. The input is split into
// lines as ImportAppeals splits it (a trailing '\r' dropped, empty lines
// skipped) and each line goes through ImportRowFromJsonLine (UTF-8 with the
// member at fault named, JSON, created_at as integer or local time, DecodeAppeal,
// control characters) and ImportRowToTicket (intake, encoding).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import_support.h"

using namespace hotline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 256 * 1024) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    std::string line(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) fuzz::CheckImportRow(app::ImportRowFromJsonLine(line));
  }
  return 0;
}

#include "app/csv_reader.h"

#include <fstream>
#include <sstream>

namespace hotline::app {

std::vector<std::string> CsvTable::SplitRecord(const std::string& line, char delimiter) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == delimiter) {
      out.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  out.push_back(std::move(field));
  return out;
}

Result<CsvTable> CsvTable::Parse(const std::string& text, char delimiter) {
  CsvTable t;
  std::istringstream in(text);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
    if (line.empty() || line[0] == '#') continue;
    auto fields = SplitRecord(line, delimiter);
    if (header) {
      for (std::size_t i = 0; i < fields.size(); ++i) t.columns_[fields[i]] = i;
      header = false;
      continue;
    }
    t.rows_.push_back(std::move(fields));
  }
  if (header) return Status::InvalidArgument("file", "no header row");
  return t;
}

Result<CsvTable> CsvTable::ReadFile(const std::string& path, char delimiter) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  auto t = Parse(ss.str(), delimiter);
  if (!t.ok()) return Status::InvalidArgument("file", path + ": " + t.status().message());
  return t;
}

const std::string& CsvTable::Get(std::size_t row, const std::string& column) const {
  static const std::string kEmpty;
  auto it = columns_.find(column);
  if (it == columns_.end() || row >= rows_.size() || it->second >= rows_[row].size()) return kEmpty;
  return rows_[row][it->second];
}

}  // namespace hotline::app

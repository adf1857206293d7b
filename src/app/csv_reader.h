// Reads a delimited text file (CSV with RFC 4180 quoting, or TSV) with a header
// row. Lines starting with '#' are comments. Fields are addressed by header name.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/status.h"

namespace hotline::app {

class CsvTable {
 public:
  static Result<CsvTable> ReadFile(const std::string& path, char delimiter = ',');
  static Result<CsvTable> Parse(const std::string& text, char delimiter = ',');
  // Splits one record (no embedded newlines) into fields.
  static std::vector<std::string> SplitRecord(const std::string& line, char delimiter);

  std::size_t size() const { return rows_.size(); }
  bool Has(const std::string& column) const { return columns_.count(column) > 0; }
  // The field of `row` in `column`, or "" when the column is absent.
  const std::string& Get(std::size_t row, const std::string& column) const;

 private:
  std::map<std::string, std::size_t> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace hotline::app

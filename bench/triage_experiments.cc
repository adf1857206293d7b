// Cross-validation experiments behind docs/TRIAGE.md. Runs 5-fold stratified
// cross-validation of the category classifier on the Teddy Cup labelled set,
// once per configuration, and prints one Markdown table row per run.
//
//   triage_experiments [--data DIR] [--folds K] [--report] CONFIG...
//
// DIR defaults to ../shared/data/teddy2020c (relative to the source tree).
// A CONFIG is a name for the row followed by ':' and comma-separated
// key=value settings, e.g. "linear-only:fasttext=0" or "base:" (defaults).
// Keys: linear, fasttext, min_df, l2, balance, ft_dim, ft_epoch, ft_lr, ft_ngrams,
// ft_weight, ngram_min, ngram_max, words, hints, hint_weight,
// unlabelled (0/1), context (0/1: replies choose pseudo-labels), ctx_only (0/1: only
// the unlabelled texts that have a reply), rounds, threshold, pseudo_weight, pseudo_ratio, tw (supervised term weight power), tw_pseudo, unl_idf (0/1),
// nb (naive-Bayes weight), nb_cnb (0/1: complement), nb_alpha, seed, seeds (number of fold seeds
// from seed on; the row gives their means and each seed's values), verbose.
// With --report, the full report (per-class table, confusion matrix) of each
// configuration follows its row. With --floors F1,F2,… (e.g. 0.2,0.35,0.5), a
// table per configuration gives, for each floor on the top category's
// probability, the share of texts at or above it (those that would get a default
// unit at the intake desk) and the accuracy of the top category on them and below.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "triage/classifier.h"
#include "triage/cross_validation.h"
#include "triage/training_data.h"

using namespace hotline;
using namespace hotline::triage;

namespace {

struct Config {
  std::string name;
  TrainOptions options;
  bool hints = true;
  bool unlabelled = true;
  bool context = false;
  bool context_only = false;
  uint32_t seed = 1;
  int seeds = 1;  // fold seeds seed, seed+1, …: the row gives their means
};

bool Apply(Config& c, const std::string& key, const std::string& value) {
  const double v = std::atof(value.c_str());
  const int i = std::atoi(value.c_str());
  TrainOptions& o = c.options;
  if (key == "linear") o.use_linear = i != 0;
  else if (key == "fasttext") o.use_fasttext = i != 0;
  else if (key == "min_df") o.min_df = i;
  else if (key == "l2") o.l2 = v;
  else if (key == "balance") o.class_balance = v;
  else if (key == "ft_dim") o.fasttext.dim = i;
  else if (key == "ft_epoch") o.fasttext.epoch = i;
  else if (key == "ft_lr") o.fasttext.lr = v;
  else if (key == "ft_ngrams") o.fasttext.word_ngrams = i;
  else if (key == "ft_weight") o.fasttext_weight = v;
  else if (key == "ngram_min") o.features.char_ngram_min = i;
  else if (key == "ngram_max") o.features.char_ngram_max = i;
  else if (key == "words") o.features.words = i != 0;
  else if (key == "hints") c.hints = i != 0;
  else if (key == "hint_weight") o.hint_weight = v;
  else if (key == "unlabelled") c.unlabelled = i != 0;
  else if (key == "context") c.context = i != 0;
  else if (key == "ctx_only") c.context_only = i != 0;
  else if (key == "rounds") o.self_training_rounds = i;
  else if (key == "threshold") o.pseudo_threshold = v;
  else if (key == "pseudo_weight") o.pseudo_weight = v;
  else if (key == "pseudo_ratio") o.pseudo_ratio = v;
  else if (key == "tw") o.term_weight_power = v;
  else if (key == "tw_pseudo") o.term_weight_pseudo = i != 0;
  else if (key == "unl_idf") o.unlabelled_idf = i != 0;
  else if (key == "nb") o.nb_weight = v;
  else if (key == "nb_cnb") o.nb_complement = i != 0;
  else if (key == "nb_alpha") o.nb_alpha = v;
  else if (key == "seeds") c.seeds = std::max(1, i);
  else if (key == "seed") c.seed = static_cast<uint32_t>(i);
  else if (key == "verbose") o.log = [](const std::string& m) { std::fprintf(stderr, "  %s\n", m.c_str()); };
  else return false;
  return true;
}

std::string FeatureKey(const text::FeatureOptions& f) {
  return std::to_string(f.char_ngram_min) + "-" + std::to_string(f.char_ngram_max) + "-" + (f.words ? "w" : "");
}

// Coverage and accuracy of the top category at and above each confidence floor.
void PrintFloors(const CrossValidationResult& r, const std::vector<double>& floors) {
  std::printf("\n| floor | texts with a default | accuracy of the default | accuracy below the floor |\n"
              "|---:|---:|---:|---:|\n");
  const std::size_t n = r.truth.size();
  for (double floor : floors) {
    std::size_t above = 0, right_above = 0, right_below = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const bool right = r.predicted[i] == r.truth[i];
      if (r.top_confidence[i] >= floor) {
        ++above;
        right_above += right;
      } else {
        right_below += right;
      }
    }
    const std::size_t below = n - above;
    std::printf("| %.2f | %zu / %zu (%.1f%%) | %.3f | %s |\n", floor, above, n, 100.0 * above / std::max<std::size_t>(n, 1),
                above ? static_cast<double>(right_above) / above : 0.0,
                below ? std::to_string(static_cast<double>(right_below) / below).substr(0, 5).c_str() : "–");
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(HOTLINE_DEFAULT_DATA_DIR) + "/../../shared/data/teddy2020c";
  int folds = 5;
  bool report = false;
  std::vector<double> floors;
  std::vector<Config> configs;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "--data" && a + 1 < argc) {
      dir = argv[++a];
    } else if (arg == "--folds" && a + 1 < argc) {
      folds = std::atoi(argv[++a]);
    } else if (arg == "--report") {
      report = true;
    } else if (arg == "--floors" && a + 1 < argc) {
      std::stringstream list(argv[++a]);
      for (std::string f; std::getline(list, f, ',');) floors.push_back(std::atof(f.c_str()));
    } else {
      Config c;
      const auto colon = arg.find(':');
      c.name = arg.substr(0, colon);
      std::stringstream ss(colon == std::string::npos ? "" : arg.substr(colon + 1));
      std::string kv;
      while (std::getline(ss, kv, ',')) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || !Apply(c, kv.substr(0, eq), kv.substr(eq + 1))) {
          std::fprintf(stderr, "unknown setting '%s'\n", kv.c_str());
          return 2;
        }
      }
      configs.push_back(std::move(c));
    }
  }
  if (configs.empty()) {
    Config c;
    c.name = "default";
    configs.push_back(std::move(c));
  }
  auto data = LoadLabelledFile(dir + "/labelled_train.csv");
  if (!data.ok()) {
    std::fprintf(stderr, "%s (the shared data set is needed)\n", data.status().ToString().c_str());
    return 1;
  }
  TrainOptions all;
  all.self_training_rounds = 1;  // featurise the unlabelled texts; each configuration chooses their use
  if (auto hints = LoadTaxonomyHints(dir + "/taxonomy.csv"); hints.ok()) all.hints = std::move(hints).value();
  for (const char* f : {"messages_unlabelled.csv", "messages_votes.csv", "messages_replies.csv"}) {
    auto u = LoadUnlabelledFile(dir + "/" + f);
    if (u.ok()) all.unlabelled.insert(all.unlabelled.end(), u->begin(), u->end());
  }
  std::map<std::string, FeaturizedCorpus> cache;
  std::printf("| configuration | accuracy | macro-F1 | lowest F1 | seconds |\n|---|---:|---:|---:|---:|\n");
  for (auto& c : configs) {
    const std::string key = FeatureKey(c.options.features);
    if (!cache.count(key)) {
      all.features = c.options.features;
      cache[key] = FeaturizedCorpus::Make(*data, all);
      std::fprintf(stderr, "%zu labelled, %zu hints, %zu unlabelled texts\n", cache[key].docs.size(),
                   cache[key].hint_docs.size(), cache[key].unlabelled.size());
    }
    FeaturizedCorpus f = cache[key];
    if (!c.hints) f.hint_docs.clear(), f.hint_labels.clear();
    if (!c.unlabelled) f.unlabelled.clear();
    if (c.context_only && !f.unlabelled_context.empty()) {
      FeaturizedCorpus g = f;
      g.unlabelled.clear();
      g.unlabelled_context.clear();
      for (std::size_t i = 0; i < f.unlabelled.size(); ++i)
        if (f.unlabelled_context[i] != f.unlabelled[i]) {
          g.unlabelled.push_back(f.unlabelled[i]);
          g.unlabelled_context.push_back(f.unlabelled_context[i]);
        }
      f = std::move(g);
    }
    if (!c.context || !c.unlabelled) f.unlabelled_context.clear();
    const auto start = std::chrono::steady_clock::now();
    double acc = 0, f1 = 0, low = 0;
    std::string each;
    bool failed = false;
    for (int k = 0; k < c.seeds; ++k) {
      auto r = CrossValidateFeaturized(f, c.options, folds, c.seed + static_cast<uint32_t>(k));
      if (!r.ok()) {
        std::printf("| %s | error: %s |\n", c.name.c_str(), r.status().ToString().c_str());
        failed = true;
        break;
      }
      acc += r->report.accuracy / c.seeds;
      f1 += r->report.macro_f1 / c.seeds;
      low += r->report.min_f1() / c.seeds;
      char buf[96];
      std::snprintf(buf, sizeof buf, "%s%.3f/%.3f/%.3f", k ? ", " : "", r->report.accuracy, r->report.macro_f1,
                    r->report.min_f1());
      each += buf;
      if (report) std::printf("\n%s\n", FormatReport(r->report).c_str());
      if (!floors.empty()) PrintFloors(*r, floors);
    }
    if (failed) continue;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("| %s | %.4f | %.4f | %.4f | %.0f |%s\n", c.name.c_str(), acc, f1, low, secs,
                c.seeds > 1 ? (" " + each + " |").c_str() : "");
    std::fflush(stdout);
  }
  return 0;
}

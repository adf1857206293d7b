// Latency of the category classifier (docs/TRIAGE.md): normalisation,
// featurisation and a full Predict() of one appeal, with p50/p99 per call.
//
// The model is $HOTLINE_TRIAGE_MODEL when set (a file from `hotline train`);
// otherwise one is trained here with the default options, on the shared Teddy
// Cup data when present (../shared/data/teddy2020c), else on synthetic appeals.
// The texts classified are the labelled messages when present, else synthetic.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include "text/features.h"
#include "text/normalize.h"
#include "triage/classifier.h"
#include "triage/test_corpus.h"
#include "triage/training_data.h"

namespace {

using hotline::triage::Classifier;

struct Fixture {
  std::unique_ptr<Classifier> model;
  std::vector<std::string> texts;
};

const Fixture& Shared() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    const std::string dir = std::string(HOTLINE_DEFAULT_DATA_DIR) + "/../../shared/data/teddy2020c";
    std::vector<hotline::triage::LabelledText> data;
    if (auto d = hotline::triage::LoadLabelledFile(dir + "/labelled_train.csv"); d.ok()) data = std::move(d).value();
    if (data.empty()) data = hotline::triage::testing::SyntheticAppeals(100);
    for (const auto& d : data) fx->texts.push_back(d.text);
    if (const char* path = std::getenv("HOTLINE_TRIAGE_MODEL"); path && *path) {
      auto m = Classifier::Load(path);
      if (!m.ok()) {
        std::fprintf(stderr, "%s\n", m.status().ToString().c_str());
        std::exit(1);
      }
      fx->model = std::make_unique<Classifier>(std::move(m).value());
    } else {
      hotline::triage::TrainOptions o;
      if (auto h = hotline::triage::LoadTaxonomyHints(dir + "/taxonomy.csv"); h.ok()) o.hints = std::move(h).value();
      auto m = Classifier::Train(data, o);
      if (!m.ok()) {
        std::fprintf(stderr, "%s\n", m.status().ToString().c_str());
        std::exit(1);
      }
      fx->model = std::make_unique<Classifier>(std::move(m).value());
    }
    return fx;
  }();
  return *f;
}

// Runs `fn(text)` per iteration over the texts, and reports p50/p99 in microseconds.
template <typename Fn>
void Timed(benchmark::State& state, Fn fn) {
  const auto& texts = Shared().texts;
  std::vector<double> us;
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    const auto start = std::chrono::steady_clock::now();
    fn(t);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    bytes += t.size();
  }
  std::sort(us.begin(), us.end());
  if (!us.empty()) {
    state.counters["p50_us"] = us[us.size() / 2];
    state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_Normalize(benchmark::State& state) {
  Timed(state, [](const std::string& t) { benchmark::DoNotOptimize(hotline::text::NormalizeText(t)); });
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMicrosecond);

void BM_Featurize(benchmark::State& state) {
  hotline::text::FeatureOptions o;
  Timed(state, [&](const std::string& t) {
    benchmark::DoNotOptimize(Classifier::Featurize(hotline::text::NormalizeText(t), o));
  });
}
BENCHMARK(BM_Featurize)->Unit(benchmark::kMicrosecond);

void BM_Predict(benchmark::State& state) {
  const Classifier& m = *Shared().model;
  Timed(state, [&](const std::string& t) { benchmark::DoNotOptimize(m.Predict(t, 3)); });
}
BENCHMARK(BM_Predict)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Predict)->Unit(benchmark::kMicrosecond)->Threads(2)->Name("BM_Predict/2threads");

void BM_PredictOneMegabyte(benchmark::State& state) {
  std::string big;
  while (big.size() < (1 << 20)) big += Shared().texts[big.size() % Shared().texts.size()];
  const Classifier& m = *Shared().model;
  for (auto _ : state) benchmark::DoNotOptimize(m.Predict(big, 3));
}
BENCHMARK(BM_PredictOneMegabyte)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

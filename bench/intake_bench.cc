// The whole intake triage of one appeal, as the intake desk calls it on every
// pause in typing (issue 4 target: p99 under 1 ms with a KB of 10,000 entries):
// normalise, classify (top 3), locate the address (city units and China's
// divisions when installed), route (catalog + history), search the knowledge
// base (top 5) and check the alert rules — IntakeAssistant::Triage().
//
// The set-up is what `hotline serve --demo` runs: the demo city's units,
// taxonomy and catalog, a classifier trained from 1,500 demo tickets (taxonomy
// leaves, ~100 classes), and the demo KB grown to 10,000 entries. The appeals
// triaged are those tickets' texts and addresses. Reports p50/p99 as counters.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/demo_city.h"
#include "app/division_files.h"
#include "app/history_model.h"
#include "app/reference_files.h"
#include "app/triage_resources.h"
#include "kb_fixture.h"
#include "store/sqlite/sqlite_store.h"
#include "text/normalize.h"
#include "triage/intake/intake_assistant.h"

namespace hotline {
namespace {

struct Fixture {
  UnitTree units;
  Taxonomy taxonomy;
  triage::KnowledgeIndex kb;
  std::unique_ptr<triage::IntakeAssistant> assistant;
  std::shared_ptr<const triage::Classifier> model;
  triage::AlertRules alerts;
  std::vector<triage::TriageInput> appeals;
  std::shared_ptr<const triage::DivisionIndex> divisions;

  Fixture() {
    const std::string dir = app::DataDir();
    auto store = SqliteStore::Open(":memory:").value();
    app::DemoOptions opt;
    opt.data_dir = dir;
    opt.appeals = 1500;
    opt.now = 1'795'000'000;
    if (Status s = app::SeedDemoCity(*store, opt, WorkCalendar()); !s.ok()) std::abort();
    units = UnitTree::Build(*store->LoadUnits()).value();
    taxonomy = Taxonomy::Build(*store->LoadCategories()).value();
    auto resources = app::LoadTriageResources(dir, "").value();
    alerts = resources.alert_rules;
    divisions = resources.divisions;
    assistant = std::make_unique<triage::IntakeAssistant>(units, taxonomy, *store->LoadCatalog(),
                                                          resources.geography, resources.alert_rules);
    auto model = app::TrainHistoryModel(*store, taxonomy, {}, nullptr);
    if (!model.ok()) std::abort();
    this->model = std::make_shared<const triage::Classifier>(std::move(model).value());
    assistant->SetClassifier(this->model);
    bench::FillKnowledgeBase(kb, 10000);
    assistant->SetKnowledgeIndex(&kb);
    assistant->SetDivisionIndex(divisions.get());
    TicketFilter f;
    f.per_page = 200;
    auto page = store->ListTickets(f);
    for (const Ticket& t : page->items) appeals.push_back({t.appeal.content, t.appeal.address, {}, false, ""});
  }
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

void BM_IntakeTriage(benchmark::State& state) {
  Fixture& f = Shared();
  std::vector<double> us;
  std::size_t i = 0, categories = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = f.assistant->Triage(f.appeals[i++ % f.appeals.size()]);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    categories += !r.categories.empty();
    benchmark::DoNotOptimize(r);
  }
  state.counters["kb_entries"] = static_cast<double>(f.kb.size());
  state.counters["divisions"] = f.divisions ? static_cast<double>(f.divisions->size()) : 0;
  state.counters["classified"] = static_cast<double>(categories) / static_cast<double>(i);
  bench::ReportPercentiles(state, std::move(us));
}
BENCHMARK(BM_IntakeTriage)->Unit(benchmark::kMicrosecond)->MinTime(3.0);

// The parts, to see where the time goes.
template <typename Fn>
void Part(benchmark::State& state, Fn&& fn) {
  Fixture& f = Shared();
  std::vector<double> us;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& appeal = f.appeals[i++ % f.appeals.size()];
    const auto t0 = std::chrono::steady_clock::now();
    fn(f, appeal);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  bench::ReportPercentiles(state, std::move(us));
}
void BM_PartNormalize(benchmark::State& state) {
  Part(state, [](Fixture&, const triage::TriageInput& a) { benchmark::DoNotOptimize(text::NormalizeText(a.content)); });
}
void BM_PartClassify(benchmark::State& state) {
  Part(state, [](Fixture& f, const triage::TriageInput& a) {
    benchmark::DoNotOptimize(f.model->Predict(text::NormalizeText(a.content), 3));
  });
}
void BM_PartLocate(benchmark::State& state) {
  Part(state, [](Fixture& f, const triage::TriageInput& a) {
    benchmark::DoNotOptimize(f.assistant->locator().FromAddress(a.address));
  });
}
void BM_PartDivisions(benchmark::State& state) {
  Part(state, [](Fixture& f, const triage::TriageInput& a) {
    if (f.divisions) benchmark::DoNotOptimize(f.divisions->Resolve(a.address));
  });
}
void BM_PartKnowledge(benchmark::State& state) {
  Part(state, [](Fixture& f, const triage::TriageInput& a) {
    triage::KbQuery q;
    q.text = text::NormalizeText(a.content);
    q.limit = 5;
    benchmark::DoNotOptimize(f.kb.Search(q));
  });
}
BENCHMARK(BM_PartNormalize)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PartClassify)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PartLocate)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PartDivisions)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PartKnowledge)->Unit(benchmark::kMicrosecond);
void BM_PartKnowledgePlain(benchmark::State& state) {
  Part(state, [](Fixture& f, const triage::TriageInput& a) {
    triage::KbQuery q;
    q.text = text::NormalizeText(a.content);
    q.limit = 5;
    q.highlight = false;
    benchmark::DoNotOptimize(f.kb.Search(q));
  });
}
BENCHMARK(BM_PartKnowledgePlain)->Unit(benchmark::kMicrosecond);
void BM_PartAlerts(benchmark::State& state) {
  Part(state, [](Fixture& f, const triage::TriageInput& a) {
    benchmark::DoNotOptimize(f.alerts.Check(text::NormalizeText(a.content)));
  });
}
BENCHMARK(BM_PartAlerts)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hotline

BENCHMARK_MAIN();

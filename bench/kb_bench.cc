// Knowledge-base search latency on a KB of 10,000 entries (issue 4 target: the
// whole intake triage under 1 ms p99; this is the KB share). Entries are the demo
// KB's plus synthetic ones recombined from its sentences; queries are the citizen
// queries of data/kb_eval/queries.tsv. Reports p50/p99 per query as counters.
#include <benchmark/benchmark.h>

#include <chrono>

#include "kb_fixture.h"

namespace hotline::triage {
namespace {

struct Fixture {
  KnowledgeIndex index;
  std::vector<std::string> queries = bench::CitizenQueries();
  Fixture() { bench::FillKnowledgeBase(index, 10000); }
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

void BM_KbSearch10k(benchmark::State& state) {
  Fixture& f = Shared();
  std::vector<double> us;
  std::size_t i = 0;
  for (auto _ : state) {
    KbQuery q;
    q.text = f.queries[i++ % f.queries.size()];
    q.highlight = state.range(0) != 0;
    const auto t0 = std::chrono::steady_clock::now();
    auto hits = f.index.Search(q);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    benchmark::DoNotOptimize(hits);
  }
  state.counters["entries"] = static_cast<double>(f.index.size());
  bench::ReportPercentiles(state, std::move(us));
}
BENCHMARK(BM_KbSearch10k)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->Arg(0)->Arg(1)->ArgName("highlight");

}  // namespace
}  // namespace hotline::triage

BENCHMARK_MAIN();

// Knowledge-base search latency on a KB of 10,000 entries (issue 4 target: the
// whole intake triage under 1 ms p99; this is the KB share). Entries are the demo
// KB's plus synthetic ones recombined from its sentences; queries are the citizen
// queries of data/kb_eval/queries.tsv. Reports p50/p99 per query as counters.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "triage/kb/knowledge_index.h"

namespace hotline::triage {
namespace {

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    rows.push_back(fields);
  }
  return rows;
}

struct Fixture {
  KnowledgeIndex index;
  std::vector<std::string> queries;
  Fixture() {
    const std::string dir = HOTLINE_DEFAULT_DATA_DIR;
    auto kb = ReadTsv(dir + "/demo/kb.tsv");
    std::ifstream syn(dir + "/kb/synonyms.txt");
    std::stringstream s;
    s << syn.rdbuf();
    (void)index.LoadSynonyms(s.str());
    std::vector<std::string> sentences;
    for (const auto& row : kb) {
      if (row.size() < 4) continue;
      KbEntry e;
      e.id = row[0];
      e.question = row[2];
      e.answer = row[3];
      index.Upsert(e);
      std::stringstream answer(row[3]);
      std::string piece;
      while (std::getline(answer, piece, '\xe3')) sentences.push_back(piece);  // rough split at "。，" lead byte
    }
    std::mt19937 rng(7);
    for (int i = 0; static_cast<int>(index.size()) < 10000 && !kb.empty(); ++i) {
      KbEntry e;
      e.id = "SYN-" + std::to_string(i);
      const auto& base = kb[rng() % kb.size()];
      e.question = base[2] + "（" + std::to_string(i % 97) + "号办事指南）";
      for (int k = 0; k < 4; ++k) e.answer += sentences[rng() % sentences.size()];
      index.Upsert(e);
    }
    for (const auto& row : ReadTsv(dir + "/kb_eval/queries.tsv"))
      if (!row.empty()) queries.push_back(row[0]);
    if (queries.empty()) queries.push_back("社保卡丢了怎么办");
  }
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
  std::sort(us.begin(), us.end());
  state.counters["entries"] = static_cast<double>(f.index.size());
  state.counters["p50_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
}
BENCHMARK(BM_KbSearch10k)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->Arg(0)->Arg(1)->ArgName("highlight");

}  // namespace
}  // namespace hotline::triage

BENCHMARK_MAIN();

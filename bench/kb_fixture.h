// Shared by the benchmarks: a knowledge base of 10,000 entries (the demo KB's
// plus synthetic ones recombined from its sentences), the citizen queries of
// data/kb_eval/queries.tsv, and p50/p99 of recorded latencies.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "triage/kb/knowledge_index.h"

namespace hotline::bench {

inline std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
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

// Fills `index` with the demo KB and synthetic entries up to `size`.
inline void FillKnowledgeBase(triage::KnowledgeIndex& index, std::size_t size) {
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
  for (int i = 0; index.size() < size && !kb.empty(); ++i) {
    KbEntry e;
    e.id = "SYN-" + std::to_string(i);
    const auto& base = kb[rng() % kb.size()];
    e.question = base[2] + "（" + std::to_string(i % 97) + "号办事指南）";
    for (int k = 0; k < 4; ++k) e.answer += sentences[rng() % sentences.size()];
    index.Upsert(e);
  }
}

inline std::vector<std::string> CitizenQueries() {
  std::vector<std::string> queries;
  for (const auto& row : ReadTsv(std::string(HOTLINE_DEFAULT_DATA_DIR) + "/kb_eval/queries.tsv"))
    if (!row.empty()) queries.push_back(row[0]);
  if (queries.empty()) queries.push_back("社保卡丢了怎么办");
  return queries;
}

// Sets the p50_us and p99_us counters from per-call latencies (microseconds).
inline void ReportPercentiles(benchmark::State& state, std::vector<double> us) {
  if (us.empty()) return;
  std::sort(us.begin(), us.end());
  state.counters["p50_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
}

}  // namespace hotline::bench

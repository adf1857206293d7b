// Duplicate candidates at scale (issue 12 target: candidate search for one new
// appeal against 1,000,000 tickets of the last 90 days in under 10 ms p99 on one
// core; docs/BENCHMARKS.md "Duplicate candidates (issue 12)").
//
// The indexed tickets are generated from the real messages of the Teddy Cup
// 2020 C files (../shared/data/teddy2020c; the benchmark says so and stops
// without them): each is one message (title + detail) with variations — cut to
// 60–100 % of its length, about 3 % of its characters replaced, a district and
// an estate name of random characters put in front — a time in the last 90
// days, a caller from a pool for a third of them and a point in a 40 × 40 km
// city for half. Queries are new variations of random messages. Reported:
// per-query p50/p99 (fingerprint + search + scoring, one thread), candidates
// returned, index add cost per ticket (fingerprint + add), and memory per
// ticket (the index's own count and the process's resident growth).
//
// Each size is run twice in one process: idf:0 is the unweighted engine (the
// baseline of the same run), idf:1 the engine as the server runs it, the
// shingles' document frequencies learnt online as the tickets are added.
//
//   dedupe_bench [--benchmark_filter=…]   (HOTLINE_DEDUPE_DATA=DIR to point at the data)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/csv_reader.h"
#include "text/utf8.h"
#include "triage/duplicate_index.h"

namespace hotline::triage {
namespace {

constexpr std::int64_t kNow = 1'575'158'400;  // 2019-12-01
constexpr std::int64_t kDay = 86400;

std::vector<std::u32string> LoadTexts() {
  const char* env = std::getenv("HOTLINE_DEDUPE_DATA");
  const std::string dir = env ? env : std::string(HOTLINE_DEFAULT_DATA_DIR) + "/../../shared/data/teddy2020c";
  std::vector<std::u32string> texts;
  for (const char* f : {"messages_votes.csv", "messages_replies.csv", "messages_unlabelled.csv", "labelled_train.csv"}) {
    auto t = app::CsvTable::ReadFile(dir + "/" + f);
    if (!t.ok()) continue;
    for (std::size_t r = 0; r < t->size(); ++r)
      texts.push_back(text::DecodeUtf8(t->Get(r, "title") + "\n" + t->Get(r, "detail")));
  }
  return texts;
}

std::size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

class Generator {
 public:
  explicit Generator(const std::vector<std::u32string>& texts) : texts_(texts) {
    for (const auto& t : texts_)
      for (char32_t c : t)
        if (c >= 0x4E00 && c <= 0x9FFF && pool_.size() < 5000) pool_.push_back(c);
  }

  DedupeAppeal Make(std::uint64_t seed, std::size_t n_callers) const {
    std::mt19937_64 rng(seed);
    const auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::u32string& base = texts_[pick(texts_.size())];
    std::u32string t = base.substr(0, std::max<std::size_t>(10, base.size() * (60 + pick(41)) / 100));
    for (char32_t& c : t)
      if (c >= 0x4E00 && c <= 0x9FFF && pick(100) < 3) c = pool_[pick(pool_.size())];
    std::u32string head = U"A";
    head += static_cast<char32_t>(U'1' + pick(9));
    head += U"区";
    for (int i = 0; i < 4; ++i) head += pool_[pick(pool_.size())];
    head += U"小区，";
    DedupeAppeal a;
    a.id = "T" + std::to_string(seed);
    a.text = text::EncodeUtf8(head + t);
    a.time = kNow - static_cast<std::int64_t>(pick(90 * kDay));
    if (pick(3) == 0) a.caller = "1380" + std::to_string(pick(n_callers));
    if (pick(2) == 0) {
      a.lat = 28.0 + static_cast<double>(pick(1'000'000)) * 0.36e-6;
      a.lon = 112.8 + static_cast<double>(pick(1'000'000)) * 0.41e-6;
    }
    return a;
  }

 private:
  const std::vector<std::u32string>& texts_;
  std::vector<char32_t> pool_;
};

struct Fixture {
  std::unique_ptr<DuplicateIndex> index;
  double add_us_per_ticket = 0;
  double resident_bytes_per_ticket = 0;
};

std::vector<std::u32string>& Texts() {
  static std::vector<std::u32string> texts = LoadTexts();
  return texts;
}

// idf: the engine as the server runs it (text weights learnt online); without: the
// unweighted engine, the baseline measured in the same run.
Fixture& Shared(std::size_t n, bool idf) {
  static std::map<std::pair<std::size_t, bool>, std::unique_ptr<Fixture>> fixtures;
  auto& f = fixtures[{n, idf}];
  if (f) return *f;
  fixtures.clear();  // one index in memory at a time
  auto& slot = fixtures[{n, idf}];
  slot = std::make_unique<Fixture>();
  const Generator gen(Texts());
  const std::size_t before = ResidentBytes();
  DedupeOptions options;
  options.idf_weighting = idf;
  slot->index = std::make_unique<DuplicateIndex>(options);
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) slot->index->Add(gen.Make(i, n / 3 + 1));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  slot->add_us_per_ticket = secs * 1e6 / static_cast<double>(n);
  slot->resident_bytes_per_ticket = static_cast<double>(ResidentBytes() - before) / static_cast<double>(n);
  return *slot;
}

void BM_DuplicateCandidates(benchmark::State& state) {
  if (Texts().empty()) {
    state.SkipWithError("no messages: the shared data (../shared/data/teddy2020c) is needed");
    return;
  }
  const auto n = static_cast<std::size_t>(state.range(0));
  Fixture& f = Shared(n, state.range(1) != 0);
  const Generator gen(Texts());
  std::vector<double> us;
  std::size_t q = 0, returned = 0;
  for (auto _ : state) {
    DedupeAppeal a = gen.Make(0x5EED0000ULL + q++, n / 3 + 1);
    a.time = kNow;  // a new appeal: every indexed ticket is within the 90-day window
    const auto t0 = std::chrono::steady_clock::now();
    auto found = f.index->Query(a);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    returned += found.size();
    benchmark::DoNotOptimize(found);
  }
  std::sort(us.begin(), us.end());
  state.counters["tickets"] = static_cast<double>(f.index->size());
  state.counters["p50_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  state.counters["candidates"] = static_cast<double>(returned) / static_cast<double>(us.size());
  state.counters["add_us"] = f.add_us_per_ticket;
  state.counters["df_entries"] = static_cast<double>(f.index->weights().distinct());
  state.counters["index_B_per_ticket"] = static_cast<double>(f.index->MemoryBytes()) / static_cast<double>(n);
  state.counters["rss_B_per_ticket"] = f.resident_bytes_per_ticket;
}
BENCHMARK(BM_DuplicateCandidates)
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(3000)
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Args({1000000, 0})
    ->Args({1000000, 1})
    ->ArgNames({"tickets", "idf"});

}  // namespace
}  // namespace hotline::triage

BENCHMARK_MAIN();

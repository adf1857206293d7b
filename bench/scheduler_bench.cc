// The deadline scheduler (issue 10, docs/BENCHMARKS.md "Deadline scheduler"):
//
//  BM_QueueMillion      1,000,000 due notices (500,000 tickets with a warning and an
//                       overdue notice each) queued, then all popped as due: time per
//                       notice and the queue's memory (malloc's bytes in use).
//  BM_RetrackMillion    1,000,000 changes re-tracking a ticket of that queue (what each
//                       command costs the scheduler).
//  BM_GiveNotices       notices given through the service on a real SQLite store (one
//                       transaction with its event each) for 2,000 dispatched tickets,
//                       against the baseline measured in the same run: the same number
//                       of `urge` commands (the cheapest request command, one transaction
//                       with its event each) on the same tickets.
//
// Timings are single runs (Iterations(1)); compare the ratios, not the times, on a
// shared machine.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <chrono>
#include <random>

#include "domain/test_fixtures.h"
#include "service/hotline_service.h"
#include "store/sqlite/sqlite_store.h"
#include "store/temp_dir.h"

namespace hotline {
namespace {

using service::DeadlineQueue;

// Bytes malloc has handed out, small (arena) and large (mmapped) alike.
std::size_t HeapInUse() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

std::vector<DueNotice> NoticesFor(TicketId id, std::mt19937_64& rng) {
  const UnixSeconds warn = 1'000'000 + static_cast<UnixSeconds>(rng() % 10'000'000);
  return {{warn, id, DeadlineKind::kHandle, Notice::kWarn}, {warn + 3600, id, DeadlineKind::kHandle, Notice::kOverdue}};
}

void BM_QueueMillion(benchmark::State& state) {
  constexpr TicketId kTickets = 500'000;
  for (auto _ : state) {
    std::mt19937_64 rng(1);
    const std::size_t before = HeapInUse();
    const auto t0 = std::chrono::steady_clock::now();
    DeadlineQueue queue;
    for (TicketId id = 1; id <= kTickets; ++id) queue.Track(id, NoticesFor(id, rng));
    const auto t1 = std::chrono::steady_clock::now();
    const std::size_t bytes = HeapInUse() - before;
    std::size_t popped = 0;
    while (queue.PopDue(1'000'000'000)) ++popped;
    const auto t2 = std::chrono::steady_clock::now();
    const double build_ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    const double pop_ns = std::chrono::duration<double, std::nano>(t2 - t1).count();
    state.counters["notices"] = static_cast<double>(popped);
    state.counters["queue_MiB"] = static_cast<double>(bytes) / (1 << 20);
    state.counters["bytes_per_notice"] = static_cast<double>(bytes) / static_cast<double>(popped);
    state.counters["track_ns_per_notice"] = build_ns / static_cast<double>(popped);
    state.counters["pop_ns_per_notice"] = pop_ns / static_cast<double>(popped);
    state.counters["all_popped_ms"] = pop_ns / 1e6;
  }
}
BENCHMARK(BM_QueueMillion)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_RetrackMillion(benchmark::State& state) {
  constexpr TicketId kTickets = 500'000;
  std::mt19937_64 rng(2);
  DeadlineQueue queue;
  for (TicketId id = 1; id <= kTickets; ++id) queue.Track(id, NoticesFor(id, rng));
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 1'000'000; ++i) {
      const TicketId id = 1 + static_cast<TicketId>(rng() % kTickets);
      queue.Track(id, NoticesFor(id, rng));
    }
    const auto t1 = std::chrono::steady_clock::now();
    state.counters["ns_per_retrack"] = std::chrono::duration<double, std::nano>(t1 - t0).count() / 1e6;
    state.counters["heap_entries"] = static_cast<double>(queue.heap_size());
    state.counters["live_notices"] = static_cast<double>(queue.live());
  }
}
BENCHMARK(BM_RetrackMillion)->Iterations(1)->Unit(benchmark::kMillisecond);

TimeLimitPolicy HourRules() {
  TimeLimitRule d;
  d.id = "default";
  for (DeadlineKind kind : kAllDeadlineKinds) d.limit(kind) = TimeLimit{4, LimitUnit::kNaturalHours};
  return TimeLimitPolicy::Make({d}).value();
}

void BM_GiveNotices(benchmark::State& state) {
  constexpr int kTickets = 2000;
  for (auto _ : state) {
    TempDir dir;
    auto store = SqliteStore::Open(dir.Path("bench.db")).value();
    if (!store->ReplaceUnits(testing::SmallCity().units()).ok() ||
        !store->ReplaceCategories(testing::SmallTaxonomy().categories()).ok())
      std::abort();
    FakeClock clock(1'795'000'000);
    service::HotlineService hotline(*store, clock, WorkCalendar());
    hotline.time_limits().Install(HourRules(), WorkingHours(), {2026});
    if (!hotline.LoadReferenceData().ok()) std::abort();
    std::vector<TicketId> ids;
    CommandInput to;
    to.unit = "S1";
    for (int i = 0; i < kTickets; ++i) {
      auto t = hotline.tickets().Intake(testing::HeatingAppeal(), testing::Operator());
      if (!t.ok() || !hotline.tickets().Command(t->id, "dispatch", to, testing::Dispatcher()).ok()) std::abort();
      ids.push_back(t->id);
    }
    // Baseline: one `urge` per ticket (a transaction with its event, like a notice).
    CommandInput urge;
    urge.content = "市民来电催办";
    const auto t0 = std::chrono::steady_clock::now();
    for (TicketId id : ids)
      if (!hotline.tickets().Command(id, "urge", urge, testing::Operator()).ok()) std::abort();
    const auto t1 = std::chrono::steady_clock::now();
    // Three hours on: every ticket owes the warnings of its four running deadlines.
    clock.Advance(3 * 3600 + 60);
    const auto given = hotline.deadlines().RunDue();
    const auto t2 = std::chrono::steady_clock::now();
    if (!given.ok()) std::abort();
    const double urge_us = std::chrono::duration<double, std::micro>(t1 - t0).count() / kTickets;
    const double notice_us = std::chrono::duration<double, std::micro>(t2 - t1).count() / static_cast<double>(*given);
    state.counters["notices"] = static_cast<double>(*given);
    state.counters["urge_us"] = urge_us;
    state.counters["notice_us"] = notice_us;
    state.counters["notice_per_urge"] = notice_us / urge_us;
    state.counters["million_s"] = notice_us;  // 1e6 notices x us = seconds
  }
}
BENCHMARK(BM_GiveNotices)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hotline

BENCHMARK_MAIN();

// The ceiling for durable intakes: the same ticket rows and intake events written
// straight into SQLite through the Store, with the server's durability
// (WAL, synchronous=FULL, one transaction per intake), no HTTP.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

#include "domain/state_machine.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline {
namespace {

Context BenchContext() {
  Context ctx;
  ctx.now = 1'795'000'000;
  return ctx;
}

Appeal BenchAppeal() {
  Appeal a;
  a.channel = Channel::kPhone;
  a.type = AppealType::kComplaint;
  a.content = "压测：东华街道人民路附近夜间施工噪声扰民，请求处理";
  a.caller = {"测试", "13800000000"};
  a.query_code = "123456";
  return a;
}

void BM_DurableIntakeDirect(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / ("hotline_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto store = SqliteStore::Open((dir / "bench.db").string()).value();
  const Context ctx = BenchContext();
  const Appeal a = BenchAppeal();
  const Actor op{"operator", Role::kOperator, ""};
  for (auto _ : state) {
    auto tr = Intake(a, op, ctx);
    auto t = store->CreateTicket(*tr);
    if (!t.ok()) state.SkipWithError(t.status().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
  store.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_DurableIntakeDirect)->Unit(benchmark::kMicrosecond)->MinTime(3.0)->UseRealTime();

// The same, from 64 threads at once: concurrent intakes share commits (group
// commit), which is what the server does under load.
SqliteStore& SharedStore() {
  static const auto dir = std::filesystem::temp_directory_path() / ("hotline_bench_mt_" + std::to_string(getpid()));
  static std::unique_ptr<SqliteStore> store = [] {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return SqliteStore::Open((dir / "bench.db").string()).value();
  }();
  return *store;
}

void BM_DurableIntakeDirectConcurrent(benchmark::State& state) {
  SqliteStore& store = SharedStore();
  const Context ctx = BenchContext();
  const Appeal a = BenchAppeal();
  const Actor op{"operator", Role::kOperator, ""};
  for (auto _ : state) {
    auto tr = Intake(a, op, ctx);
    auto t = store.CreateTicket(*tr);
    if (!t.ok()) state.SkipWithError(t.status().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DurableIntakeDirectConcurrent)->Unit(benchmark::kMicrosecond)->MinTime(3.0)->UseRealTime()->Threads(64);

}  // namespace
}  // namespace hotline

BENCHMARK_MAIN();

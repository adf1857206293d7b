// Deadlines (issue 10): the work a ticket transition will do for its time limits —
// choose the five limits for the appeal (TimeLimitPolicy::Lookup) and compute their
// due instants on the shipped calendar and working hours (ScheduleDeadlines) —
// against a plain WorkCalendar::AddWorkingDays (one due_at, what a transition did
// before), measured in the same run. Target: under 5 us for the five deadlines.
// Inputs: 256 appeals (every type, urgency, a mix of channels, categories and
// company appeals) dispatched at random minutes over 2025-2026, data from data/.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "app/reference_files.h"
#include "app/time_limit_files.h"
#include "domain/deadline_schedule.h"
#include "domain/deadline_tracking.h"
#include "domain/state_machine.h"

namespace hotline {
namespace {

struct Case {
  AppealFacts facts;
  DeadlineStarts starts;
};

struct Fixture {
  TimeLimitPolicy policy;
  WorkTime work_time;
  std::vector<Case> cases;

  static Fixture Load() {
    const std::string dir = app::DataDir();
    auto files = app::LoadTimeLimitFiles(dir);
    auto calendar = app::LoadCalendarFile(dir + "/calendar/cn_holidays.csv");
    if (!files.ok() || !calendar.ok()) std::abort();
    Fixture f{std::move(files->policy), WorkTime(std::move(calendar).value(), files->working_hours), {}};
    static const char* kCategories[] = {"010101", "120101", "120201", "0903", "080201", ""};
    const Channel channels[] = {Channel::kPhone, Channel::kWeb, Channel::kMiniProgram, Channel::kSms};
    const UnixSeconds first = 1735660800;  // 2025-01-01 00:00 +08:00
    std::uint64_t seed = 42;
    const auto next = [&seed](std::uint64_t bound) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      return (seed >> 33) % bound;
    };
    for (int i = 0; i < 256; ++i) {
      Case c;
      c.facts.appeal_type = static_cast<AppealType>(i % 6);
      c.facts.category = kCategories[next(6)];
      c.facts.urgency = static_cast<Urgency>(next(3));
      c.facts.channel = channels[next(4)];
      c.facts.enterprise = next(5) == 0;
      c.starts.dispatched_at = first + static_cast<UnixSeconds>(next(2 * 365 * 24 * 60)) * 60;
      c.starts.reply_accepted_at = c.starts.dispatched_at + static_cast<UnixSeconds>(next(10 * 24 * 60)) * 60;
      f.cases.push_back(c);
    }
    return f;
  }
};

const Fixture& Data() {
  static const Fixture fixture = Fixture::Load();
  return fixture;
}

// Baseline: the one handling deadline a transition computed before issue 10.
void BM_AddWorkingDays(benchmark::State& state) {
  const Fixture& f = Data();
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f.cases[i++ & 255];
    benchmark::DoNotOptimize(f.work_time.calendar().AddWorkingDays(c.starts.dispatched_at, 5));
  }
}
BENCHMARK(BM_AddWorkingDays);

void BM_PolicyLookup(benchmark::State& state) {
  const Fixture& f = Data();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(f.policy.Lookup(f.cases[i++ & 255].facts));
}
BENCHMARK(BM_PolicyLookup);

// One limit of each unit, to see where the time goes.
void BM_DueAt(benchmark::State& state) {
  const Fixture& f = Data();
  const TimeLimit limit{static_cast<int>(state.range(1)), static_cast<LimitUnit>(state.range(0))};
  state.SetLabel(FormatTimeLimit(limit));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(f.work_time.DueAt(f.cases[i++ & 255].starts.dispatched_at, limit));
}
BENCHMARK(BM_DueAt)->Args({0, 24})->Args({1, 4})->Args({1, 70})->Args({2, 10})->Args({3, 7});

// The target: lookup + the five due instants.
void BM_FiveDeadlines(benchmark::State& state) {
  const Fixture& f = Data();
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f.cases[i++ & 255];
    benchmark::DoNotOptimize(ScheduleDeadlines(f.policy.Lookup(c.facts), f.work_time, c.starts));
  }
}
BENCHMARK(BM_FiveDeadlines);

// A whole transition through the state machine, as the service runs it: the
// hotline's dispatch of a ticket, without time-limit rules (range 0: due_at only,
// as before issue 10) and with them (range 1: the five deadlines tracked and
// recorded in the event). The difference is what deadlines cost a transition.
void BM_DispatchTransition(benchmark::State& state) {
  const Fixture& f = Data();
  static const UnitTree units =
      UnitTree::Build({{"C", "临川市", UnitKind::kCity, ""}, {"D", "东城区", UnitKind::kDistrict, "C"},
                       {"S", "东华街道", UnitKind::kStreet, "D"}})
          .value();
  Context ctx;
  ctx.units = &units;
  ctx.calendar = &f.work_time.calendar();
  if (state.range(0) == 1) {
    ctx.time_limits = &f.policy;
    ctx.work_time = &f.work_time;
  }
  state.SetLabel(state.range(0) == 1 ? "with deadlines" : "due_at only");
  std::vector<Ticket> tickets;
  for (const Case& c : f.cases) {
    Ticket t;
    t.id = 1;
    t.appeal.type = c.facts.appeal_type;
    t.appeal.category = std::string(c.facts.category);
    t.appeal.urgency = c.facts.urgency;
    t.appeal.channel = c.facts.channel;
    t.appeal.enterprise = c.facts.enterprise;
    t.state = TicketState::kToDispatch;
    tickets.push_back(t);
  }
  CommandInput in;
  in.unit = "S";
  const Actor dispatcher{"disp", Role::kDispatcher, ""};
  std::size_t i = 0;
  for (auto _ : state) {
    ctx.now = f.cases[i & 255].starts.dispatched_at;
    benchmark::DoNotOptimize(Apply(tickets[i & 255], "dispatch", in, dispatcher, ctx));
    ++i;
  }
}
BENCHMARK(BM_DispatchTransition)->Arg(0)->Arg(1);

// Tracking alone on a later transition (the unit signs): copy, mark, check overdue.
void BM_TrackSign(benchmark::State& state) {
  const Fixture& f = Data();
  Ticket before;
  before.appeal.enterprise = true;
  before.state = TicketState::kDispatched;
  before.dispatched_at = f.cases[0].starts.dispatched_at;
  before.due_at = before.dispatched_at + 14 * 86400;
  for (DeadlineKind kind : kAllDeadlineKinds)
    before.deadlines.push_back({kind, kind == DeadlineKind::kCallback ? 0 : before.due_at, DeadlineState::kPending, 0});
  Ticket after = before;
  after.state = TicketState::kInProgress;
  const Actor unit{"S", Role::kUnitStaff, "S"};
  const DeadlineRules rules{f.policy, f.work_time};
  for (auto _ : state)
    benchmark::DoNotOptimize(TrackDeadlines(before, after, "sign", {}, unit, before.dispatched_at + 3600, rules));
}
BENCHMARK(BM_TrackSign);

}  // namespace
}  // namespace hotline

BENCHMARK_MAIN();

// ReplayCheck: proves a store consistent with its history — every ticket,
// rebuilt from its events by the domain's Replay(), equals the ticket as
// stored. Used by `hotline verify` (after a restore, say) and by tests.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/state_machine.h"
#include "store/store.h"

namespace hotline::app {

struct ReplayCheckReport {
  std::int64_t tickets = 0;            // tickets checked
  std::int64_t events = 0;             // events replayed
  std::vector<std::string> mismatches;  // "ticket N: …" (at most 100 kept)
  std::int64_t mismatch_count = 0;
};

// `ctx` gives the calendar and policy (units and taxonomy are not needed).
Result<ReplayCheckReport> CheckReplay(Store& store, const Context& ctx,
                                      const std::function<void(std::int64_t, std::int64_t)>& progress = nullptr);

}  // namespace hotline::app

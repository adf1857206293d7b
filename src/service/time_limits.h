// TimeLimits: the time limits in force (issue 10) — the center's rules
// (TimeLimitPolicy), its working time (the service's holiday calendar with the
// center's working hours) and the years the calendar covers — installed at start
// (app::OpenHotline reads them from the data directory, before the reference data
// is loaded: commands compute every ticket's deadlines from the same setup) and
// read by staff. InForce needs reference_read (every staff role) and answers
// Unavailable before Install. No HTTP, no JSON.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "domain/calendar_coverage.h"
#include "domain/time_limit_policy.h"
#include "domain/work_time.h"
#include "service/core.h"

namespace hotline::service {

struct TimeLimitsInForce {
  std::shared_ptr<const TimeLimitSetup> setup;  // never null
  // A year the calendar lacks: this one, or next year from November 1 (at the service's now).
  std::optional<CalendarGap> calendar_gap;
};

class TimeLimits {
 public:
  explicit TimeLimits(ServiceCore& core) : core_(core) {}

  // Installs the center's rules and working hours, over the service's holiday
  // calendar; commands use them from the next ServiceCore::LoadReferenceData.
  void Install(TimeLimitPolicy policy, WorkingHours hours, std::vector<int> calendar_years);
  Result<TimeLimitsInForce> InForce(const Actor& actor) const;

 private:
  ServiceCore& core_;
};

}  // namespace hotline::service

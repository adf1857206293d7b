#include "service/time_limits.h"

#include "service/refusals.h"

namespace hotline::service {

void TimeLimits::Install(TimeLimitPolicy policy, WorkingHours hours, std::vector<int> calendar_years) {
  auto setup = std::make_shared<const TimeLimitSetup>(
      TimeLimitSetup{std::move(policy), WorkTime(core_.calendar(), std::move(hours)), std::move(calendar_years)});
  core_.SetTimeLimits(std::move(setup));
}

Result<TimeLimitsInForce> TimeLimits::InForce(const Actor& actor) const {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceRead));
  std::shared_ptr<const TimeLimitSetup> setup = core_.time_limit_setup();
  if (!setup) return Status::Unavailable("the time-limit policies are not loaded");
  return TimeLimitsInForce{setup, MissingCalendarYear(setup->calendar_years, core_.Now())};
}

}  // namespace hotline::service

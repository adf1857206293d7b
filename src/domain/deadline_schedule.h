// ScheduleDeadlines: when each of a ticket's five deadlines falls due, from the
// limits a TimeLimitPolicy chose for the appeal and the center's WorkTime.
// sign, contact, reply and handle run from the dispatch; callback runs from the
// accepted reply and has no due instant until there is one. The first answer is
// never due after the final reply: reply is capped at handle.
#pragma once

#include <array>
#include <optional>

#include "domain/clock.h"
#include "domain/time_limit_policy.h"
#include "domain/work_time.h"

namespace hotline {

struct DeadlineStarts {
  UnixSeconds dispatched_at = 0;
  std::optional<UnixSeconds> reply_accepted_at;
  // The handling deadline when it is already fixed (the ticket's due_at, set by
  // the dispatch or recorded in an event): taken as it is, not computed again.
  std::optional<UnixSeconds> handle_due;
};

// Index = DeadlineKind.
using DueInstants = std::array<std::optional<UnixSeconds>, kDeadlineKinds>;

DueInstants ScheduleDeadlines(const ChosenLimits& limits, const WorkTime& work_time, const DeadlineStarts& starts);

inline std::optional<UnixSeconds> DueOf(const DueInstants& due, DeadlineKind kind) {
  return due[static_cast<std::size_t>(kind)];
}

}  // namespace hotline

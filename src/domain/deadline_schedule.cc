#include "domain/deadline_schedule.h"

#include <algorithm>

namespace hotline {

DueInstants ScheduleDeadlines(const ChosenLimits& limits, const WorkTime& work_time, const DeadlineStarts& starts) {
  DueInstants due;
  const auto at = [&](DeadlineKind kind) -> std::optional<UnixSeconds>& { return due[static_cast<std::size_t>(kind)]; };
  const auto limit = [&](DeadlineKind kind) { return LimitOf(limits, kind); };
  for (DeadlineKind kind : {DeadlineKind::kSign, DeadlineKind::kContact, DeadlineKind::kReply})
    at(kind) = work_time.DueAt(starts.dispatched_at, limit(kind));
  at(DeadlineKind::kHandle) =
      starts.handle_due ? *starts.handle_due : work_time.DueAt(starts.dispatched_at, limit(DeadlineKind::kHandle));
  at(DeadlineKind::kReply) = std::min(*at(DeadlineKind::kReply), *at(DeadlineKind::kHandle));
  if (starts.reply_accepted_at)
    at(DeadlineKind::kCallback) = work_time.DueAt(*starts.reply_accepted_at, limit(DeadlineKind::kCallback));
  return due;
}

}  // namespace hotline

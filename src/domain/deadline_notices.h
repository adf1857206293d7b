// The notices a ticket's deadlines still owe (issue 10): the scheduler's warning
// once a deadline's warn_at has passed, and its overdue notice once due_at has —
// each given once, as the `warn` / `overdue` command by the actor `system`
// (state_machine.cc says when each applies; deadline_tracking.h marks it given).
// A co-unit's task (co_tasks.h) owes one notice too: `co-overdue` once its due time
// has passed without the co-unit's opinion, while the ticket is with its units and
// its clock runs.
// The service's DeadlineQueue holds them for every open ticket; the demo city gives
// them in its generated history. Pure.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/ticket.h"

namespace hotline {

enum class Notice : std::uint8_t { kWarn, kOverdue, kCoTaskOverdue };

struct DueNotice {
  UnixSeconds at = 0;
  TicketId ticket = 0;
  DeadlineKind kind = DeadlineKind::kSign;
  Notice notice = Notice::kWarn;
  bool operator==(const DueNotice&) const = default;
};

// The command that gives the notice: "warn", "overdue" or "co-overdue".
std::string_view CommandOf(Notice notice);

// That command's input: the deadline's kind for warn and overdue; nothing for
// co-overdue (it announces every co-task overdue at that time).
CommandInput InputOf(const DueNotice& notice);

// For a running (pending) deadline its warning (unless given, or none) and its
// overdue notice; for one already overdue but not announced, the overdue notice;
// nothing for met, paused or cancelled ones. In the order of the deadlines, then
// the overdue notices of the co-tasks still owing an opinion (kind unused).
std::vector<DueNotice> NoticesOf(const Ticket& ticket);

}  // namespace hotline

#include "domain/deadline_notices.h"

namespace hotline {

std::string_view CommandOf(Notice notice) {
  switch (notice) {
    case Notice::kWarn: return "warn";
    case Notice::kOverdue: return "overdue";
    case Notice::kCoTaskOverdue: return "co-overdue";
  }
  return "overdue";
}

CommandInput InputOf(const DueNotice& notice) {
  CommandInput in;
  if (notice.notice != Notice::kCoTaskOverdue) in.deadline = notice.kind;
  return in;
}

std::vector<DueNotice> NoticesOf(const Ticket& ticket) {
  std::vector<DueNotice> out;
  for (const Deadline& d : ticket.deadlines) {
    if (d.due_at == 0 || d.overdue_announced) continue;
    if (d.state == DeadlineState::kPending) {
      if (!d.warned && d.warn_at != 0 && d.warn_at < d.due_at)
        out.push_back({d.warn_at, ticket.id, d.kind, Notice::kWarn});
      out.push_back({d.due_at, ticket.id, d.kind, Notice::kOverdue});
    } else if (d.state == DeadlineState::kOverdue) {
      out.push_back({d.due_at, ticket.id, d.kind, Notice::kOverdue});
    }
  }
  const bool with_units = ticket.state == TicketState::kDispatched || ticket.state == TicketState::kInProgress;
  if (with_units && ticket.paused_at == 0)
    for (const CoTask& c : ticket.co_tasks)
      if (c.due_at != 0 && c.replied_at == 0 && !c.overdue_announced)
        out.push_back({c.due_at, ticket.id, DeadlineKind::kSign, Notice::kCoTaskOverdue});
  return out;
}

}  // namespace hotline

#include "domain/deadline_notices.h"

namespace hotline {

std::string_view CommandOf(Notice notice) { return notice == Notice::kWarn ? "warn" : "overdue"; }

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
  return out;
}

}  // namespace hotline

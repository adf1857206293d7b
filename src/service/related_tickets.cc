// Tickets::Related: the tickets a handler should see beside one.
#include <set>

#include "domain/permissions.h"
#include "service/tickets.h"

namespace hotline::service {

Result<std::vector<Tickets::RelatedTicket>> Tickets::Related(TicketId id, const Actor& actor) {
  HOTLINE_ASSIGN_OR_RETURN(Ticket t, GetFor(id, actor, Capability::kRelatedTickets));
  std::vector<RelatedTicket> out;
  std::set<TicketId> seen = {id};
  auto add = [&](TicketFilter filter, const char* relation) -> Status {
    filter.per_page = 20;
    HOTLINE_ASSIGN_OR_RETURN(TicketPage page, List(std::move(filter), actor));
    for (Ticket& r : page.items)
      if (seen.insert(r.id).second) out.push_back({std::move(r), relation});
    return Status::Ok();
  };
  if (t.main_ticket) {
    auto main = Get(t.main_ticket, actor);
    if (main.ok() && seen.insert(main->id).second) out.push_back({std::move(main).value(), "merged"});
  }
  TicketFilter merged;
  merged.merged_into = id;
  HOTLINE_RETURN_IF_ERROR(add(merged, "merged"));
  if (!t.appeal.caller.phone.empty() && Allows(actor.role, Capability::kSearchByPhone)) {
    TicketFilter caller;
    caller.caller_phone = t.appeal.caller.phone;
    HOTLINE_RETURN_IF_ERROR(add(caller, "same_caller"));
  }
  if (!t.appeal.area.empty() && !t.appeal.category.empty()) {
    TicketFilter similar;
    similar.areas = {t.appeal.area};
    similar.category = t.appeal.category;
    similar.from = t.created_at - 30 * 86400;
    similar.to = t.created_at + 30 * 86400;
    HOTLINE_RETURN_IF_ERROR(add(similar, "similar"));
  }
  return out;
}

}  // namespace hotline::service

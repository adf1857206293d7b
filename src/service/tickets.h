// Tickets: intake, commands, reads, lists and counts, each for an actor whose
// authority is checked first (unit staff: their own subtree only; who may issue
// a command: the command table in domain/state_machine). Every change is one
// store transaction writing the new state with its event, then published to the
// live feed.
#pragma once

#include <string>
#include <vector>

#include "domain/permissions.h"
#include "service/core.h"
#include "service/live_feed.h"

namespace hotline::service {

// A ticket as one actor finds it at one moment: what the console needs to show it.
struct TicketRead {
  Ticket ticket;
  std::vector<std::string> commands;  // the buttons offered to the actor now
  UnixSeconds as_of = 0;              // when it was read (for "overdue")
  std::string intake_by_name;         // display name of ticket.intake_by (the username when it has none)
};

class Tickets {
 public:
  Tickets(ServiceCore& core, LiveFeed& live) : core_(core), store_(core.store()), live_(live) {}

  // Records an appeal as a new ticket (a six-digit query code is drawn when none is
  // given; the area is located from the point or address when not given).
  Result<Ticket> Intake(Appeal appeal, const Actor& actor);
  // Applies a command. Who may issue it is checked before its input: a refused actor
  // gets PermissionDenied whatever the input holds.
  // `holds_query_code`: the actor (the portal) has shown the ticket's query code.
  // A command that closes the ticket at the desk (answer-directly, out-of-scope,
  // transfer-emergency) sets the category it names; when it names none and the
  // appeal has none, the classifier's top category for the content (recorded in
  // the event, so replay agrees).
  Result<Ticket> Command(TicketId id, const std::string& command, const CommandInput& input, const Actor& actor,
                         bool holds_query_code = false);
  // The checks of Command that need no input: NotFound, PermissionDenied (the
  // ticket's visibility, role, unit scope), Conflict (state). The API runs them when
  // a body cannot be decoded, to answer in the same order as Command.
  Status AuthorizeCommand(TicketId id, const std::string& command, const Actor& actor);
  Result<Ticket> Get(TicketId id, const Actor& actor) { return GetFor(id, actor, Capability::kTicketRead); }
  // The ticket, if the permission table lets the actor exercise `capability` on it.
  Result<Ticket> GetFor(TicketId id, const Actor& actor, Capability capability);
  Result<std::vector<Event>> Events(TicketId id, const Actor& actor);
  // Unit staff see their subtree; roles that see masked personal data may not
  // filter by phone (PermissionDenied, personal_data_not_allowed).
  Result<TicketPage> List(TicketFilter filter, const Actor& actor);
  // OK when the actor may find tickets by the caller's phone (personal_data_not_allowed otherwise).
  Status MaySearchByPhone(const Actor& actor) const;
  // Counts over the tickets the actor may see (unit staff: their subtree).
  Result<TicketStats> Stats(TicketFilter filter, const Actor& actor);
  // The commands the console offers as buttons on `t` for `actor` now.
  std::vector<std::string> AvailableCommands(const Ticket& t, const Actor& actor) const;
  // `t` (which the actor has been given) with its buttons, as of now.
  TicketRead Describe(Ticket t, const Actor& actor) const;

  // Tickets related to one (related_tickets.cc), those the actor may see: the same
  // caller's other tickets (only for roles that see phones), tickets merged into
  // it or it into, and tickets of the same category leaf and area within 30 days.
  struct RelatedTicket {
    Ticket ticket;
    std::string relation;  // "same_caller", "merged", "similar"
  };
  Result<std::vector<RelatedTicket>> Related(TicketId id, const Actor& actor);

 private:
  // Fills in what a filter names relative to the caller and now: mine=1 (the
  // actor's username), now, and the 临期 bound in working days.
  void ResolveFilter(TicketFilter& filter, const Actor& actor) const;
  // 联席会议 with catalog_change: the decision (the last of `t.joint_reviews`) joins
  // the dispatch catalog as an exception rule (catalog.h ExceptionRule), audited
  // as "joint_review_catalog" by the deciding actor. Written after the decision's
  // own transaction: a crash between the two leaves the decision recorded with
  // catalog_change and the catalog unchanged (the audit trail shows which).
  Status AddCatalogException(const Ticket& t, const Actor& actor);

  ServiceCore& core_;
  Store& store_;
  LiveFeed& live_;
};

}  // namespace hotline::service

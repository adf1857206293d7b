// The permission table: who may do what that is not a ticket command, and over
// which tickets. Ticket commands (dispatch, reply, callback, attach …) have their
// own table in state_machine.cc (CommandTable() in state_machine.h); everything else —
// reading, listing and searching tickets, seeing callers' personal data, the
// knowledge base, statistics, administration, the audit trails — is one row here:
// a capability, and for each role the scope it is granted with.
//
// Contract:
//   - ScopeOf(role, capability) is the whole rule; Allows() is ScopeOf() != kNone.
//   - Scopes: kNone (refused), kOwnAccount (the actor's own account only),
//     kUnitSubtree (tickets whose lead unit, a co-handler or a unit of the
//     dispatch chain lies within the actor's unit or below it — see
//     WithinUnitSubtree), kPublic (the citizen portal: public knowledge-base
//     entries valid today, a ticket only with its number and query code, the
//     administrative areas), kAll (no restriction).
//   - Capability names (Name(Capability)) are stable snake_case keys, for
//     docs/PERMISSIONS.md and for refusals (role_not_allowed's `command` param).
//   - Admin holds every capability with kAll (own_account: kOwnAccount).
//     Citizens have no accounts: they act through the portal only (kPublic).
//   - Who checks: the service calls Allows() before it reads any input (a refused
//     actor learns that, not what is wrong with the input), and AllowsTicket()
//     for each ticket it shows or acts on.
// Pure domain: no HTTP, no JSON, no I/O. docs/PERMISSIONS.md is rendered from
// this table and the command table by PermissionsMarkdown() (`hotline permissions`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ticket.h"
#include "domain/unit_tree.h"

namespace hotline {

enum class Capability {
  kIntake,              // record an appeal (the portal: the citizen's own)
  kTicketRead,          // read a ticket and its events
  kTicketList,          // list and search tickets (text, ticket number, filters)
  kSearchByPhone,       // find tickets by the caller's phone (filter, same-caller relation)
  kPersonalData,        // see callers' names and phones unmasked (each view is recorded)
  kQueryCode,           // see a ticket's query code (the citizen's secret for the portal)
  kAttachmentRead,      // list and download a ticket's files (uploading is the attach command)
  kRelatedTickets,      // tickets related to one (merged, same caller, similar)
  kTriage,              // intake suggestions: category, location, unit, knowledge, alerts
  kStats,               // counts for the dashboard and the supervisor board
  kLedger,              // the clearing ledger (动态清零) of a month and its export
  kLiveEvents,          // the live stream of ticket changes
  kKbRead,              // search and read the knowledge base
  kKbVersions,          // a knowledge-base entry's version history
  kKbEdit,              // create, edit and withdraw knowledge-base entries
  kReferenceRead,       // units, categories, dispatch catalog, input limits
  kUserAdmin,           // list, create, change and delete accounts
  kReferenceAdmin,      // replace the unit tree, the taxonomy and the dispatch catalog
  kTimeLimitAdmin,      // change the time-limit rules and working hours, upload a calendar year
  kAuditRead,           // the audit trail of administrative changes
  kPersonalDataRecord,  // the record of who saw personal data unmasked
  kOwnAccount,          // one's profile, own password change, logout
};

enum class AccessScope {
  kNone,         // refused
  kOwnAccount,   // the actor's own account
  kUnitSubtree,  // tickets within the actor's unit subtree (unit staff)
  kPublic,       // what the citizen portal shows
  kAll,          // everything
};

std::string_view Name(Capability c);
std::string_view Name(AccessScope s);
std::optional<Capability> ParseCapability(std::string_view name);
// One line on what the capability covers (for docs/PERMISSIONS.md).
std::string_view Describe(Capability c);

// Every capability, every role, in table order.
std::vector<Capability> AllCapabilities();
std::vector<Role> AllRoles();

// The scope `role` is granted `capability` with (kNone: refused).
AccessScope ScopeOf(Role role, Capability capability);
inline bool Allows(Role role, Capability capability) { return ScopeOf(role, capability) != AccessScope::kNone; }

// The scope `actor` holds `capability` with over tickets: ScopeOf(role), except
// that a supervisor account belonging to a unit (three-level supervision,
// supervision.h) has that unit's subtree where its role has kAll.
AccessScope ScopeOf(const Actor& actor, Capability capability);

// Whether a ticket lies within `unit`'s subtree: its lead unit, a co-handler or
// a unit of its dispatch chain is `unit` or below it. A ticket not yet
// dispatched lies within no unit.
bool WithinUnitSubtree(const Ticket& ticket, const std::string& unit, const UnitTree& units);

// Whether `actor` may exercise `capability` on `ticket` (ScopeOf(actor)): kAll yes; kUnitSubtree
// when WithinUnitSubtree(ticket, actor.unit); kPublic only when the caller has
// checked the ticket's query code (`holds_query_code`); otherwise no.
bool AllowsTicket(const Actor& actor, Capability capability, const Ticket& ticket, const UnitTree& units,
                  bool holds_query_code = false);

// docs/PERMISSIONS.md: this table (capability × role → scope) and the command
// table's authority columns (command × role, states), as Markdown.
std::string PermissionsMarkdown();

}  // namespace hotline

// The ticket state machine (DESIGN.md §3). Every command is one row of the command
// table in state_machine.cc: the states it may start from, the roles that may issue
// it, the unit scope it requires, the input fields it reads, and the effect that
// validates the input and produces the next ticket. Apply() never mutates its
// argument: it returns the new ticket together with the one event that records the
// change (with only the fields the command read), or a Status, checked in this order:
//   NotFound          no such command
//   PermissionDenied  the role or the actor's unit does not allow the command
//   Conflict          the ticket's state does not allow it
//   InvalidArgument   the input is wrong; field() names the field
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.h"
#include "domain/command_fields.h"
#include "domain/status.h"
#include "domain/taxonomy.h"
#include "domain/ticket.h"
#include "domain/time_limit_policy.h"
#include "domain/unit_tree.h"
#include "domain/work_calendar.h"
#include "domain/work_time.h"

namespace hotline {

// Rules a city sets; defaults follow common 12345 practice.
struct Policy {
  int joint_review_after_returns = 3;   // 联席会议 after this many returns
  int close_after_unreachable = 3;      // callback attempts before closing without an answer
  int max_extension_days = 30;
  int max_level = 3;                    // supervision / escalation levels
  // A co-unit's opinion is due within the rules' reply limit; without time-limit
  // rules, within this many working days of its assignment.
  int co_reply_working_days = 3;
  // Handling time limits in working days by appeal type (consultation … praise),
  // used only by a context without time-limit rules (Context::time_limits).
  int handling_days[6] = {1, 3, 5, 5, 10, 3};
  int enterprise_handling_days = 10;    // 2110: solve within 10 working days
  int near_due_working_days = 1;        // 临期: due within this many working days (and not yet overdue)
  // The scheduler (issue 10): it warns once this share of a deadline's time is used,
  // and an overdue handle deadline raises the ticket's supervision to this level
  // (督办 by rule; 0: never).
  double warn_share = 0.75;
  int auto_supervision_level = 1;
};

struct Context {
  const UnitTree* units = nullptr;
  const Taxonomy* taxonomy = nullptr;
  // The dispatch catalog; may be null. A unit re-dispatching may name as co-handlers
  // the units below it and those the catalog's rule for the appeal names.
  const std::vector<CatalogRule>* catalog = nullptr;
  const WorkCalendar* calendar = nullptr;
  // The center's time-limit rules and working time (issue 10). With both set, a
  // dispatch's handling deadline comes from the rules and every transition keeps
  // the ticket's five deadlines (deadline_tracking.h); without, tickets carry no
  // deadlines and due_at follows Policy::handling_days.
  const TimeLimitPolicy* time_limits = nullptr;
  const WorkTime* work_time = nullptr;
  Policy policy;
  UnixSeconds now = 0;
};

struct Transition {
  Ticket ticket;
  Event event;
};

// Records a new appeal as a ticket in state triage, with its intake event.
// The ticket id is 0 until the store assigns one.
Result<Transition> Intake(const Appeal& appeal, const Actor& actor, const Context& ctx);

// Applies `command` to `ticket`.
Result<Transition> Apply(const Ticket& ticket, std::string_view command, const CommandInput& input,
                         const Actor& actor, const Context& ctx);

// The checks Apply makes before it reads any input, in the same order: NotFound for
// an unknown command, PermissionDenied (role, unit scope), then Conflict (state).
// Whoever validates a command's input before Apply runs this first, so that an
// actor who may not issue the command learns that, not what is wrong with the input.
Status CheckCommandAllowed(const Ticket& ticket, std::string_view command, const Actor& actor, const Context& ctx);

// The merge command's rule across two tickets, checked against both as they are in
// the transaction that merges `sub`: Conflict when `main` is merged, closed or in
// any other final state, or is merged into `sub` (a cycle). Since a merged ticket is
// final and no ticket may be merged into one, merge chains are one step long and
// cannot close into a cycle.
Status CheckMergeTarget(const Ticket& sub, const Ticket& main);

// Rebuilds a ticket from its events alone (intake first). Authority is not checked
// again (units and roles may have changed since); states and inputs are.
Result<Ticket> Replay(const std::vector<Event>& events, const Context& ctx);

// Whether the actor may see the ticket at all (unit staff, and supervisors of a
// unit: their subtree only).
bool CanSee(const Ticket& ticket, const Actor& actor, const UnitTree& units);

// How a command is issued. Requests come from the console (POST
// /api/v1/tickets/{id}/{command}) and are the only ones shown as buttons; an
// upload comes with its file (attach); retention runs from `hotline anonymise`;
// the scheduler's notices (warn, overdue) come from the deadline scheduler only.
enum class CommandEntry { kRequest, kUpload, kRetention, kScheduler };
// A check the service makes before the command's transaction because it needs
// data beyond the ticket: kKbEntryUsable — a cited knowledge-base entry exists
// and is not withdrawn.
enum class CommandPreCheck { kNone, kKbEntryUsable };
struct CommandTraits {
  CommandEntry entry;
  CommandPreCheck precheck;
};
// The command's entry and pre-check columns; NotFound when unknown.
Result<CommandTraits> CommandTraitsOf(std::string_view command);

// Commands the actor may issue on the ticket now as requests (the console's buttons).
std::vector<std::string> AvailableCommands(const Ticket& ticket, const Actor& actor, const Context& ctx);

// The input fields `command` reads (its column of the table); NotFound when unknown.
// Apply keeps only these in the event it records.
Result<InputFields> CommandReads(std::string_view command);

// Names of every command in the table.
std::vector<std::string> CommandNames();

// The authority columns of one row of the command table, for docs/PERMISSIONS.md
// and the authorisation tests. Apply's PermissionDenied is exactly: the role is
// neither admin nor in `roles`; or the actor is unit staff and the ticket fails
// `unit_scope` (kLeadUnit: its lead unit is not within the actor's unit; kCoUnit:
// none of its co-units is; kWhistled: the unit its whistle called in is not); or the actor is
// a supervisor of a unit and the ticket lies outside that unit's subtree
// (WithinUnitSubtree, supervision.h); or the role
// is limited to `role_states` and the ticket is in none of them. Then Conflict
// when the state is not in `from`, or `extension_pending` does not hold.
enum class UnitScope { kNone, kLeadUnit, kCoUnit, kWhistled };
struct CommandAuthority {
  std::string name;
  std::vector<TicketState> from;
  std::vector<Role> roles;  // admin may always act, besides these
  UnitScope unit_scope = UnitScope::kNone;
  struct RoleLimit {
    Role role;
    std::vector<TicketState> only_in;
  };
  std::vector<RoleLimit> role_states;
  // Set when the command also needs the ticket's extension_pending to be this
  // value (Conflict otherwise, checked after the state).
  std::optional<bool> extension_pending;
  // Likewise for reply_awaiting (a lower unit's reply waiting for acceptance).
  std::optional<bool> reply_awaiting;
  // Likewise for a stopped clock (pause / resume): true = must be paused.
  std::optional<bool> paused;
  // Set when the command needs a supervision on the ticket: "unanswered" (one
  // waiting for the unit's answer) or "open" (answered or not).
  std::optional<std::string> supervision;
};
std::vector<CommandAuthority> CommandTable();

}  // namespace hotline

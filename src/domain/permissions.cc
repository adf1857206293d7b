#include "domain/permissions.h"

#include <algorithm>
#include <sstream>

#include "domain/state_machine.h"

namespace hotline {
namespace {

using C = Capability;
constexpr AccessScope N = AccessScope::kNone;
constexpr AccessScope A = AccessScope::kAll;
constexpr AccessScope U = AccessScope::kUnitSubtree;
constexpr AccessScope P = AccessScope::kPublic;
constexpr AccessScope O = AccessScope::kOwnAccount;

struct Row {
  Capability capability;
  std::string_view name;
  std::string_view what;
  // One scope per role, in the order of enum Role.
  AccessScope operator_, dispatcher, unit, supervisor, callback, analyst, admin, citizen;
};

// --- the permission table ------------------------------------------------------
//
// Columns: operator, dispatcher, unit staff, supervisor, callback agent, analyst, admin, citizen.
// Unit staff see and act within their unit subtree only; dispatchers and analysts
// see callers' names and phones masked (张* / 138****8000); citizens use the portal.
constexpr Row kTable[] = {
    //                                                         op disp unit sup cb an adm cit
    {C::kIntake, "intake", "record an appeal as a new ticket (the portal: a citizen's own appeal)",  //
     A, A, N, N, N, N, A, P},
    {C::kTicketRead, "ticket_read",
     "read a ticket and its events (the portal: a ticket by its number and query code)",  //
     A, A, U, A, A, A, A, P},
    {C::kTicketList, "ticket_list", "list and search tickets (text, ticket number, filters)",  //
     A, A, U, A, A, A, A, N},
    {C::kSearchByPhone, "search_by_phone",
     "find tickets by the caller's phone number (list filter, same-caller related tickets)",  //
     A, N, U, A, A, N, A, N},
    {C::kPersonalData, "personal_data",
     "see callers' names and phone numbers unmasked (every such view is recorded)",  //
     A, N, U, A, A, N, A, N},
    {C::kQueryCode, "query_code",
     "see a ticket's query code (the portal: the citizen receives their own at submission)",  //
     A, N, N, N, N, N, A, P},
    {C::kAttachmentRead, "attachment_read",
     "list and download a ticket's files (uploading is the attach command)",  //
     A, A, U, A, A, A, A, N},
    {C::kRelatedTickets, "related_tickets", "tickets related to one: merged, same caller, similar",  //
     A, A, U, A, A, A, A, N},
    {C::kTriage, "triage",
     "intake suggestions: category, location, unit, knowledge-base answers, alerts",  //
     A, A, N, A, A, N, A, N},
    {C::kStats, "stats", "counts for the dashboard and the supervisor board",  //
     A, A, U, A, A, A, A, N},
    {C::kLedger, "ledger",
     "the clearing ledger (动态清零): a month's unsatisfied or unresolved tickets, whether cleared, CSV/XLSX export",  //
     N, N, U, A, N, A, A, N},
    {C::kLiveEvents, "live_events", "the live stream of ticket changes (no personal data in it)",  //
     A, A, U, A, A, A, A, N},
    {C::kKbRead, "kb_read",
     "search and read the knowledge base (the portal: public entries valid today)",  //
     A, A, A, A, A, A, A, P},
    {C::kKbVersions, "kb_versions", "a knowledge-base entry's version history",  //
     A, A, A, A, A, A, A, N},
    {C::kKbEdit, "kb_edit", "create, edit and withdraw knowledge-base entries",  //
     N, N, N, A, N, N, A, N},
    {C::kReferenceRead, "reference_read",
     "units, categories, the dispatch catalog, input limits and time-limit policies (the portal: areas and the map)",  //
     A, A, A, A, A, A, A, P},
    {C::kUserAdmin, "user_admin", "list, create, change and delete accounts",  //
     N, N, N, N, N, N, A, N},
    {C::kReferenceAdmin, "reference_admin", "replace the unit tree, the taxonomy and the dispatch catalog",  //
     N, N, N, N, N, N, A, N},
    {C::kTimeLimitAdmin, "time_limit_admin",
     "change the time-limit rules and working hours, upload a year of the holiday calendar",  //
     N, N, N, N, N, N, A, N},
    {C::kAuditRead, "audit_read", "the audit trail of administrative changes",  //
     N, N, N, N, N, N, A, N},
    {C::kPersonalDataRecord, "personal_data_record", "the record of who saw personal data unmasked",  //
     N, N, N, N, N, N, A, N},
    {C::kOwnAccount, "own_account", "one's own profile, password change and logout",  //
     O, O, O, O, O, O, O, N},
};

const Row* FindRow(Capability c) {
  for (const Row& r : kTable)
    if (r.capability == c) return &r;
  return nullptr;
}

AccessScope ScopeIn(const Row& r, Role role) {
  switch (role) {
    case Role::kOperator: return r.operator_;
    case Role::kDispatcher: return r.dispatcher;
    case Role::kUnitStaff: return r.unit;
    case Role::kSupervisor: return r.supervisor;
    case Role::kCallbackAgent: return r.callback;
    case Role::kAnalyst: return r.analyst;
    case Role::kAdmin: return r.admin;
    case Role::kCitizen: return r.citizen;
  }
  return N;
}

}  // namespace

std::string_view Name(Capability c) {
  const Row* r = FindRow(c);
  return r ? r->name : "unknown";
}

std::string_view Describe(Capability c) {
  const Row* r = FindRow(c);
  return r ? r->what : "";
}

std::string_view Name(AccessScope s) {
  switch (s) {
    case AccessScope::kNone: return "none";
    case AccessScope::kOwnAccount: return "own_account";
    case AccessScope::kUnitSubtree: return "unit_subtree";
    case AccessScope::kPublic: return "public";
    case AccessScope::kAll: return "all";
  }
  return "none";
}

std::optional<Capability> ParseCapability(std::string_view name) {
  for (const Row& r : kTable)
    if (r.name == name) return r.capability;
  return std::nullopt;
}

std::vector<Capability> AllCapabilities() {
  std::vector<Capability> out;
  for (const Row& r : kTable) out.push_back(r.capability);
  return out;
}

std::vector<Role> AllRoles() {
  return {Role::kOperator,      Role::kDispatcher, Role::kUnitStaff, Role::kSupervisor,
          Role::kCallbackAgent, Role::kAnalyst,    Role::kAdmin,     Role::kCitizen};
}

AccessScope ScopeOf(Role role, Capability capability) {
  const Row* r = FindRow(capability);
  return r ? ScopeIn(*r, role) : N;
}

AccessScope ScopeOf(const Actor& actor, Capability capability) {
  const AccessScope scope = ScopeOf(actor.role, capability);
  if (scope == A && actor.role == Role::kSupervisor && !actor.unit.empty()) return U;
  return scope;
}

bool WithinUnitSubtree(const Ticket& ticket, const std::string& unit, const UnitTree& units) {
  if (unit.empty()) return false;
  auto within = [&](const std::string& u) { return !u.empty() && units.IsWithin(u, unit); };
  return within(ticket.lead_unit) || std::any_of(ticket.co_units.begin(), ticket.co_units.end(), within) ||
         std::any_of(ticket.dispatch_chain.begin(), ticket.dispatch_chain.end(), within);
}

bool AllowsTicket(const Actor& actor, Capability capability, const Ticket& ticket, const UnitTree& units,
                  bool holds_query_code) {
  switch (ScopeOf(actor, capability)) {
    case AccessScope::kAll: return true;
    case AccessScope::kUnitSubtree: return WithinUnitSubtree(ticket, actor.unit, units);
    case AccessScope::kPublic: return holds_query_code;
    case AccessScope::kOwnAccount:
    case AccessScope::kNone: return false;
  }
  return false;
}

namespace {

std::string_view Cell(AccessScope s) {
  switch (s) {
    case AccessScope::kNone: return "—";
    case AccessScope::kOwnAccount: return "own account";
    case AccessScope::kUnitSubtree: return "unit subtree";
    case AccessScope::kPublic: return "public";
    case AccessScope::kAll: return "all";
  }
  return "—";
}

std::string States(const std::vector<TicketState>& states) {
  std::string out;
  for (TicketState s : states) out += (out.empty() ? "" : ", ") + std::string(Name(s));
  return out;
}

std::string CommandCell(const CommandAuthority& c, Role role) {
  const bool listed = std::find(c.roles.begin(), c.roles.end(), role) != c.roles.end();
  if (role == Role::kAdmin) return "✓";
  if (!listed) return "—";
  if (role == Role::kCitizen) return "public";
  if (role == Role::kUnitStaff) {
    switch (c.unit_scope) {
      case UnitScope::kLeadUnit: return "lead unit";
      case UnitScope::kCoUnit: return "co-unit";
      case UnitScope::kWhistled: return "unit called in by a whistle";
      case UnitScope::kNone: return "unit subtree";
    }
  }
  for (const auto& limit : c.role_states)
    if (limit.role == role) return "only in " + States(limit.only_in);
  return "✓";
}

}  // namespace

std::string PermissionsMarkdown() {
  std::ostringstream out;
  out << "<!-- Generated from src/domain/permissions.cc and the command table in src/domain/state_machine.cc\n"
         "     by `hotline permissions --out docs/PERMISSIONS.md`; do not edit by hand (domain_test checks it). -->\n"
         "# Permissions\n\n"
         "Who may do what, in two tables: the **permission table** (`src/domain/permissions.cc`) for everything\n"
         "that is not a ticket command, and the **command table** (`src/domain/state_machine.cc`) for ticket\n"
         "commands. Authority comes before input: a refused actor gets 403 whatever the request holds (the\n"
         "endpoints that do not follow this yet are the known defects listed in\n"
         "`tests/authorization_matrix_test.cc`, which derives every expected status from these tables).\n\n"
         "Roles: `operator` 受理员, `dispatcher` 派单员, `unit` 承办单位 staff, `supervisor` 督办员, `callback` 回访员,\n"
         "`analyst` 分析员, `admin` 系统管理员, `citizen` (no account: the public portal only).\n\n"
         "Three-level supervision: a supervisor account may belong to a unit (a district or a street). Such a\n"
         "supervisor has that unit's subtree wherever the table below says `all` for supervisors, may issue\n"
         "commands on tickets within that subtree only, and supervises at levels up to its unit's tier (街镇 1,\n"
         "区县 2, 市 3); a supervisor without a unit is the hotline center's.\n\n"
         "## Scopes\n\n"
         "| scope | meaning |\n|---|---|\n"
         "| all | no restriction |\n"
         "| unit subtree | tickets whose lead unit, a co-handler or a unit of the dispatch chain is the actor's unit "
         "or below it; a ticket not yet dispatched is in no unit |\n"
         "| public | the citizen portal: a ticket only with its number and query code, public knowledge-base "
         "entries valid today, the administrative areas and the map |\n"
         "| own account | the actor's own account |\n"
         "| — | refused (403) |\n\n"
         "## Permission table\n\n"
         "| capability | what |";
  const std::vector<Role> roles = AllRoles();
  for (Role r : roles) out << ' ' << Name(r) << " |";
  out << "\n|---|---|";
  for (std::size_t i = 0; i < roles.size(); ++i) out << "---|";
  out << '\n';
  for (const Row& row : kTable) {
    out << "| `" << row.name << "` | " << row.what << " |";
    for (Role r : roles) out << ' ' << Cell(ScopeIn(row, r)) << " |";
    out << '\n';
  }
  out << "\n## Command table\n\n"
         "Every command also needs `ticket_read` on the ticket (unit staff: within their unit subtree).\n"
         "\"lead unit\": unit staff whose unit is the ticket's lead unit or above it; \"only in\": the role may issue\n"
         "the command in those states only; citizens give the callback evaluation on the portal with the ticket's\n"
         "query code. A command in a state it does not list is refused with 409. `intake` is the `intake`\n"
         "capability above; `attach` is the upload of a file (`POST /api/v1/tickets/{id}/attachments`);\n"
         "`anonymise` runs only as `hotline anonymise`.\n\n"
         "| command | states |";
  for (Role r : roles) out << ' ' << Name(r) << " |";
  out << "\n|---|---|";
  for (std::size_t i = 0; i < roles.size(); ++i) out << "---|";
  out << '\n';
  for (const CommandAuthority& c : CommandTable()) {
    out << "| `" << c.name << "` | " << States(c.from);
    if (c.extension_pending) out << (*c.extension_pending ? ", with an extension request pending" : ", with no extension request pending");
    if (c.reply_awaiting)
      out << (*c.reply_awaiting ? ", with a lower unit's reply awaiting acceptance" : ", with no lower unit's reply awaiting");
    if (c.paused) out << (*c.paused ? ", with the clock paused" : ", with the clock running");
    if (c.supervision)
      out << (*c.supervision == "open" ? ", with an open supervision" : ", with a supervision awaiting the unit's answer");
    out << " |";
    for (Role r : roles) out << ' ' << CommandCell(c, r) << " |";
    out << '\n';
  }
  return out.str();
}

}  // namespace hotline

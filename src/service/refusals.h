// The permission refusals every service method shares, with their reasons and
// parameters: the actor's role may not do this (role_not_allowed, params role
// and command — a command or a capability of domain/permissions), or the ticket
// lies outside the actor's unit (outside_unit_scope, param unit). Every check
// reads the permission table (RequireCapability, RequireTicket) or the command
// table. Messages stay English for logs and the CLI.
#pragma once

#include <string>

#include "domain/permissions.h"
#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline::service {

// `action` names what was refused: a ticket command, or "stats", "admin", "kb_edit", …
inline Status RoleNotAllowed(const Actor& actor, const std::string& action, std::string message) {
  return Status::PermissionDenied(std::move(message))
      .WithReason(Reasons::kRoleNotAllowed)
      .WithParam("role", std::string(Name(actor.role)))
      .WithParam("command", action);
}

inline Status OtherUnitsTicket(const Actor& actor) {
  return Status::PermissionDenied("ticket belongs to another unit")
      .WithReason(Reasons::kOutsideUnitScope)
      .WithParam("unit", actor.unit);
}

// OK when the permission table grants `capability` to the actor's role.
inline Status RequireCapability(const Actor& actor, Capability capability) {
  if (Allows(actor.role, capability)) return Status::Ok();
  return RoleNotAllowed(actor, std::string(Name(capability)),
                        "role " + std::string(Name(actor.role)) + " may not: " + std::string(Describe(capability)));
}

// OK when the actor may exercise `capability` on `ticket` (its role, then the
// table's scope: unit staff their subtree; the portal only with the query code).
inline Status RequireTicket(const Actor& actor, Capability capability, const Ticket& ticket, const UnitTree& units,
                            bool holds_query_code = false) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, capability));
  if (AllowsTicket(actor, capability, ticket, units, holds_query_code)) return Status::Ok();
  if (ScopeOf(actor.role, capability) == AccessScope::kPublic) return Status::NotFound("no such ticket");
  return OtherUnitsTicket(actor);
}

}  // namespace hotline::service

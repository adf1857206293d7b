// The two permission refusals every service method shares, with their reasons
// and parameters: the actor's role may not do this (role_not_allowed, params
// role and command), or the ticket lies outside the actor's unit (outside_unit_scope,
// param unit). Messages stay English for logs and the CLI.
#pragma once

#include <string>

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

}  // namespace hotline::service

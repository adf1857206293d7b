// Ticket numbers: the human-facing name of a ticket, "LC" + the intake date in
// the city (YYYYMMDD, UTC+8) + the id with at least six digits, e.g.
// "LC20261123000042". Citizens read it to the call-taker and type it into the
// portal; the id inside it is what the store knows.
#pragma once

#include <optional>
#include <string>

#include "domain/ticket.h"

namespace hotline {

std::string TicketNumber(const Ticket& t);
// The id inside a ticket number (its "LC" in any case), or nullopt if `s` is not
// one. The date part is
// not checked here: whoever resolves the number compares TicketNumber() of the
// ticket found with `s` (digits after the prefix).
std::optional<TicketId> TicketIdFromNumber(const std::string& s);

}  // namespace hotline

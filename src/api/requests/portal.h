// Requests of the citizen portal (no login):
//   POST /api/v1/public/appeals                       {channel, appeal_type, content, caller {name, phone},
//                                                      address, location {lat, lon}, area}
//   POST /api/v1/public/tickets/{number}/evaluation   {code, satisfaction, resolved}
// Anything else — a category, the enterprise flag, a query code, a ticket's state —
// is refused with 400 naming it (reason unknown_field): those are the staff's or
// the server's to set.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline::api::requests {

// The portal stands in for the web site and the mini-program: channel is web
// (the default) or mini_program. appeal_type, content and caller.phone are
// required, the phone at least 7 characters so that the city can call back.
Result<Appeal> DecodePortalAppeal(const nlohmann::json& body);

struct PortalEvaluation {
  std::string code;    // the ticket's query code
  CommandInput input;  // satisfaction and resolved, for the callback command
};
// All three fields are required.
Result<PortalEvaluation> DecodePortalEvaluation(const nlohmann::json& body);

}  // namespace hotline::api::requests

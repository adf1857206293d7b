// Requests of the ticket endpoints:
//   POST /api/v1/tickets (intake)  {channel, appeal_type, content, caller {name, phone}, address,
//                                   location {lat, lon}, enterprise, category, area}
//   GET  /api/v1/tickets, /stats   ?state, unit, channel, area, category, q, phone, from, to,
//                                   overdue, returned, extension_pending, reply_awaiting, sort, page, per_page
// The intake body may carry nothing else: what the server sets (id, state, version,
// events, lead_unit, query_code, …) is refused with 400 naming it, reason
// unknown_field. Query parameters the list does not know are ignored (browsers add
// cache-busters); the ticket commands' bodies are store/codec's DecodeCommandRequest.
#pragma once

#include <nlohmann/json.hpp>

#include "api/http_types.h"
#include "domain/status.h"
#include "domain/ticket.h"
#include "domain/unit_tree.h"
#include "store/store.h"

namespace hotline::api::requests {

// The appeal an operator records; channel, appeal_type and content are required.
Result<Appeal> DecodeIntake(const nlohmann::json& body);

// The list filters; `units` resolves unit= and area= to their subtrees. from / to
// are YYYY-MM-DD (a real date: 2026-02-31 is refused) or Unix seconds. A bad
// value is 400 naming the parameter.
Result<TicketFilter> DecodeTicketFilter(const HttpRequest& req, const UnitTree& units);

}  // namespace hotline::api::requests

// The appeal's fields as the intake desk (tickets.h) and the citizen portal
// (portal.h) send them. Internal to the decoders: each endpoint checks the body
// against its own field list first, then reads what is there with ReadAppealFields.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline::api::requests {

// Reads appeal_type and content (both required), caller {name, phone} (its keys
// checked), address, location, enterprise, category and area — but not the
// channel, whose rules differ between the two endpoints. Errors name the field
// (caller.phone, location.lat).
Status ReadAppealFields(const nlohmann::json& body, Appeal& a);

}  // namespace hotline::api::requests

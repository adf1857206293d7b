// The intake desk's live suggestions:
//   POST /api/v1/triage   {content, address, location {lat, lon}, enterprise, category}
// Anything else is refused with 400 naming it (location.foo for the point's),
// reason unknown_field.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "triage/intake/intake_assistant.h"

namespace hotline::api::requests {

// Every field is optional (an empty form gets empty suggestions).
Result<triage::TriageInput> DecodeTriage(const nlohmann::json& body);

}  // namespace hotline::api::requests

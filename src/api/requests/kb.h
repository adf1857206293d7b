// Requests that write knowledge-base entries (admin, supervisor):
//   POST /api/v1/kb        {question, answer, category, unit, public, valid_from, valid_to}
//   PUT  /api/v1/kb/{id}   the same and {version (required), active}
// Anything else (an id, updated_by, …) is refused with 400 naming it, reason
// unknown_field. Required question and answer, dates and codes are the domain's
// checks (domain/kb_entry.h), run by the service.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "domain/kb_entry.h"
#include "domain/status.h"

namespace hotline::api::requests {

struct KbEntryRequest {
  KbEntry entry;               // id, active and the history fields unset
  int version = 0;             // PUT: the version being edited (≥ 1)
  std::optional<bool> active;  // PUT: withdraw (false) or restore (true); absent = as it is
};
Result<KbEntryRequest> DecodeKbCreate(const nlohmann::json& body);
Result<KbEntryRequest> DecodeKbUpdate(const nlohmann::json& body);

}  // namespace hotline::api::requests

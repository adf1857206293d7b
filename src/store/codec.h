// JSON encoding of domain values, shared by the store (documents, event payloads)
// and the API. Decoding validates types and names the offending field.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline {

nlohmann::json EncodeAppeal(const Appeal& a);
Result<Appeal> DecodeAppeal(const nlohmann::json& j);

nlohmann::json EncodeCommandInput(const CommandInput& in);
Result<CommandInput> DecodeCommandInput(const nlohmann::json& j);

// The whole ticket, every field, unmasked.
nlohmann::json EncodeTicket(const Ticket& t);
Result<Ticket> DecodeTicket(const nlohmann::json& j);

nlohmann::json EncodeEvent(const Event& e);

}  // namespace hotline

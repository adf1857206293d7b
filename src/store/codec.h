// JSON encoding of domain values as the store keeps them (documents, event
// payloads). Decoding validates types and names the offending field. Request
// bodies are not decoded here: each endpoint has its own decoder in api/requests,
// which accepts only the fields that endpoint documents — except the ticket
// commands', DecodeCommandRequest below, which follows the command table.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline {

// A ticket's deadlines: [{"kind","due_at","state","met_at"}], times in Unix seconds.
nlohmann::json EncodeDeadlines(const std::vector<Deadline>& list);
Result<std::vector<Deadline>> DecodeDeadlines(const nlohmann::json& j);

nlohmann::json EncodeAppeal(const Appeal& a);
Result<Appeal> DecodeAppeal(const nlohmann::json& j);

nlohmann::json EncodeCommandInput(const CommandInput& in);
// Any field of CommandInput (stored event payloads).
Result<CommandInput> DecodeCommandInput(const nlohmann::json& j);
// A request body for `command`: a field the command does not read (see
// CommandReads) is refused, naming it — due_at, which only the state machine sets,
// included. NotFound for an unknown command.
Result<CommandInput> DecodeCommandRequest(const nlohmann::json& body, std::string_view command);

// The whole ticket, every field, unmasked.
nlohmann::json EncodeTicket(const Ticket& t);
Result<Ticket> DecodeTicket(const nlohmann::json& j);

nlohmann::json EncodeEvent(const Event& e);

}  // namespace hotline

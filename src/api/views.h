// JSON views of domain values for the API, with personal data masked for roles
// that do not need it (DESIGN.md: analysts and dispatchers see 张* / 138****8000).
#pragma once

#include <nlohmann/json.hpp>

#include "api/hotline_service.h"

namespace hotline::api {

// Whether the role sees callers' names and phone numbers unmasked.
bool SeesPersonalData(Role role);
std::string MaskPhone(const std::string& phone);
std::string MaskName(const std::string& name);
// "2026-11-23T10:15:00+08:00", or null for 0.
nlohmann::json FormatTime(UnixSeconds t);
// Human-facing ticket number, e.g. "LC20261123000042".
std::string TicketNumber(const Ticket& t);
// The id inside a ticket number ("LC" + 8-digit date + id), or nullopt if `s` is not one.
std::optional<TicketId> TicketIdFromNumber(const std::string& s);

nlohmann::json TicketView(const Ticket& t, const Actor& viewer, const ReferenceData& ref,
                          const std::vector<std::string>& available_commands, UnixSeconds now);
nlohmann::json EventView(const Event& e);
nlohmann::json UnitView(const Unit& u);
nlohmann::json CategoryView(const Category& c);

}  // namespace hotline::api

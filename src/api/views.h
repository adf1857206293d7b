// JSON views of domain values for the API, with personal data masked for roles
// that do not need it (DESIGN.md: analysts and dispatchers see 张* / 138****8000).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/personal_data.h"
#include "domain/ticket_number.h"
#include "service/hotline_service.h"

namespace hotline::api {

// The API renders what the service returns.
using service::HotlineService;
using service::ReferenceData;

// "2026-11-23T10:15:00+08:00", or null for 0.
nlohmann::json FormatTime(UnixSeconds t);

nlohmann::json TicketView(const service::TicketRead& read, const Actor& viewer, const ReferenceData& ref);
// `actor_name`: the actor's display name (UserDirectory; the username when empty).
nlohmann::json EventView(const Event& e, const std::string& actor_name);
// The data of a live "ticket" message: what changed, no personal data.
nlohmann::json LiveTicketView(const Ticket& t, const std::string& command);
nlohmann::json UnitView(const Unit& u);
nlohmann::json CategoryView(const Category& c);

}  // namespace hotline::api

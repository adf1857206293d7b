// Three-level supervision (督办, issue 10): 市 – 区县 – 街镇. A supervisor account may
// belong to a unit; it then supervises that unit's subtree only, at levels up to the
// unit's tier (a district's supervisors: 区县 and 街镇). An account without a unit
// is the city hotline center's and supervises everything at every level.
// Pure functions over a Ticket's supervisions; the state machine's supervise,
// answer-supervision and close-supervision commands are built on them.
#pragma once

#include <string>
#include <vector>

#include "domain/ticket.h"
#include "domain/unit_tree.h"

namespace hotline {

// The levels, lowest first.
constexpr int kStreetSupervision = 1;    // 街镇督办
constexpr int kDistrictSupervision = 2;  // 区县督办
constexpr int kCitySupervision = 3;      // 市级督办

// The highest level a supervisor of `unit` may open or close: the city's (or no
// unit: the center's) kCitySupervision, a district's kDistrictSupervision, a
// street's or community's kStreetSupervision; a department takes the tier of the
// unit it belongs to. An unknown unit has no tier (0).
int SupervisionTier(const std::string& unit, const UnitTree& units);

// Whether a supervisor of `unit` oversees the ticket: no unit (the center) every
// ticket; otherwise WithinUnitSubtree (permissions.h), the tickets unit staff of
// `unit` see.
bool SupervisesTicket(const Ticket& t, const std::string& unit, const UnitTree& units);

bool IsOpen(const Supervision& s);
bool IsAnswered(const Supervision& s);  // answered and still open: waits for 销号

// The highest level among the open supervisions (0: none).
int OpenSupervisionLevel(const Ticket& t);
// Open supervisions the lead unit has not answered yet.
int UnansweredSupervisions(const Ticket& t);

// "unanswered" when an open supervision waits for the unit's answer, else
// "answered" when open ones wait for 销号, else "" (none open). Stored with the
// ticket for the queues' `supervision=` filter.
std::string SupervisionStateOf(const Ticket& t);

}  // namespace hotline

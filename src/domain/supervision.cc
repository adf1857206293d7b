#include "domain/supervision.h"

#include <algorithm>

#include "domain/permissions.h"

namespace hotline {

int SupervisionTier(const std::string& unit, const UnitTree& units) {
  if (unit.empty()) return kCitySupervision;
  for (const std::string& code : units.PathToRoot(unit)) {
    const Unit* u = units.Find(code);
    if (!u) return 0;
    switch (u->kind) {
      case UnitKind::kCity: return kCitySupervision;
      case UnitKind::kDistrict: return kDistrictSupervision;
      case UnitKind::kStreet:
      case UnitKind::kCommunity: return kStreetSupervision;
      case UnitKind::kDepartment: break;  // the tier of the unit it belongs to
    }
  }
  return units.Find(unit) ? kCitySupervision : 0;  // a department at the root
}

bool SupervisesTicket(const Ticket& t, const std::string& unit, const UnitTree& units) {
  return unit.empty() || WithinUnitSubtree(t, unit, units);
}

bool IsOpen(const Supervision& s) { return s.closed_at == 0; }
bool IsAnswered(const Supervision& s) { return IsOpen(s) && s.answered_at != 0; }

int OpenSupervisionLevel(const Ticket& t) {
  int level = 0;
  for (const Supervision& s : t.supervisions)
    if (IsOpen(s)) level = std::max(level, s.level);
  return level;
}

int UnansweredSupervisions(const Ticket& t) {
  return static_cast<int>(std::count_if(t.supervisions.begin(), t.supervisions.end(),
                                        [](const Supervision& s) { return IsOpen(s) && !s.answered_at; }));
}

std::string SupervisionStateOf(const Ticket& t) {
  if (UnansweredSupervisions(t) > 0) return "unanswered";
  for (const Supervision& s : t.supervisions)
    if (IsOpen(s)) return "answered";
  return "";
}

}  // namespace hotline

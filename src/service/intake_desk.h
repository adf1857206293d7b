// IntakeDesk: suggestions for the call-taker while the citizen is still on the
// line (受理台): category, place, handling unit, knowledge-base answers and
// alerts, from the intake assistant over the reference data in memory. For the
// hotline's own staff (operators, dispatchers, supervisors, callback agents,
// admins), not for units, analysts or citizens.
#pragma once

#include <string>

#include "service/core.h"

namespace hotline::service {

class IntakeDesk {
 public:
  explicit IntakeDesk(ServiceCore& core) : core_(core) {}

  Result<triage::TriageResult> Triage(const triage::TriageInput& input, const Actor& actor);
  // The city's map (GeoJSON FeatureCollection), empty when it has none.
  const std::string& CityGeoJson() const { return core_.triage_resources().geojson; }

 private:
  ServiceCore& core_;
};

}  // namespace hotline::service

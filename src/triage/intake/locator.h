// Locator: turns an address as a caller says it into the city's divisions —
// district/county (区县), street/town (街镇), community/village (社区村) — tolerant
// of missing levels ("幸福里社区" alone finds its street and district), of short
// forms ("东华" for 东华街道) and of one mistyped character in a longer name. A
// point (WGS-84 lat/lon) maps to the most specific division whose polygon holds
// it; a city without polygons maps it to the street whose centre is nearest.
// (geography.h) The city's own name is never taken for one of its divisions:
// 临川市 is not 临川高新区 (whose short form is then 临川高新), nor a mistyped 临川区.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/unit_tree.h"
#include "triage/intake/geography.h"

namespace hotline::triage {

struct Location {
  std::string district, street, community;  // unit codes, empty when unknown
  std::string area;        // the most specific of the three
  double confidence = 0;   // 0..1
  std::vector<std::string> matched;  // the names recognised in the text
};

class Locator {
 public:
  Locator(const UnitTree& units, CityGeography geography);

  std::optional<Location> FromAddress(const std::string& address) const;
  // Inside the city's polygons; without polygons, within `max_km` of the
  // nearest street centre. Outside: nullopt.
  std::optional<Location> FromPoint(double lat, double lon, double max_km = 5) const;

 private:
  struct Name {
    std::string text;   // a form of the unit's name
    std::string code;
    UnitKind kind;
    bool full;          // the full official name (vs a short form)
  };
  Location Complete(const std::string& code, double confidence) const;

  const UnitTree& units_;
  CityGeography geo_;
  std::vector<Name> names_;
  std::vector<std::string> city_names_;  // the home city's own names, never read as a division
};

}  // namespace hotline::triage

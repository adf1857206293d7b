// CityGeography: where the city's divisions are on the ground — a centre per
// street/town and, when the city has them, the polygons of its streets and
// districts (GeoJSON, WGS-84 lon/lat). The locator maps a portal point to the
// street whose polygon contains it; without polygons, to the nearest centre.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace hotline::triage {

struct StreetCenter {
  std::string code;
  double lat = 0, lon = 0;
};

// One division's area: one or more polygons, each an outer ring and holes.
// A point is inside when it is inside an odd number of rings (even-odd rule),
// so holes and multipolygons need no special case.
struct AreaPolygon {
  struct Point {
    double lon = 0, lat = 0;
  };
  std::string code;  // unit code
  std::string kind;  // "street", "district", … (GeoJSON property "kind")
  std::vector<std::vector<Point>> rings;
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;  // bounding box

  bool Contains(double lat, double lon) const;
};

struct CityGeography {
  std::vector<StreetCenter> centers;
  std::vector<AreaPolygon> areas;
};

// Features of a GeoJSON FeatureCollection with Polygon or MultiPolygon
// geometry and a "code" property; others are skipped. Bad JSON or a feature
// without rings is an InvalidArgument naming the feature.
Result<std::vector<AreaPolygon>> ParseGeoJsonAreas(std::string_view geojson);

}  // namespace hotline::triage

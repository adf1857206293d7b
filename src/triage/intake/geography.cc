#include "triage/intake/geography.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

namespace hotline::triage {

bool AreaPolygon::Contains(double lat, double lon) const {
  if (lat < min_lat || lat > max_lat || lon < min_lon || lon > max_lon) return false;
  bool inside = false;
  for (const auto& ring : rings) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const Point& a = ring[i];
      const Point& b = ring[j];
      if ((a.lat > lat) != (b.lat > lat) && lon < (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon)
        inside = !inside;
    }
  }
  return inside;
}

namespace {

using Json = nlohmann::json;

// A GeoJSON linear ring: [[lon, lat], …].
bool ReadRing(const Json& coords, std::vector<AreaPolygon::Point>& ring) {
  if (!coords.is_array() || coords.size() < 4) return false;
  for (const Json& p : coords) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) return false;
    ring.push_back({p[0].get<double>(), p[1].get<double>()});
  }
  return true;
}

bool ReadPolygon(const Json& coords, AreaPolygon& area) {
  if (!coords.is_array() || coords.empty()) return false;
  for (const Json& r : coords) {
    std::vector<AreaPolygon::Point> ring;
    if (!ReadRing(r, ring)) return false;
    area.rings.push_back(std::move(ring));
  }
  return true;
}

}  // namespace

Result<std::vector<AreaPolygon>> ParseGeoJsonAreas(std::string_view geojson) {
  Json doc = Json::parse(geojson, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("features") || !doc["features"].is_array())
    return Status::InvalidArgument("geojson", "not a GeoJSON FeatureCollection");
  std::vector<AreaPolygon> areas;
  for (std::size_t i = 0; i < doc["features"].size(); ++i) {
    const Json& f = doc["features"][i];
    const Json* props = f.contains("properties") && f["properties"].is_object() ? &f["properties"] : nullptr;
    const Json* geo = f.contains("geometry") && f["geometry"].is_object() ? &f["geometry"] : nullptr;
    if (!props || !geo || !props->contains("code") || !(*props)["code"].is_string()) continue;
    const std::string type = geo->value("type", "");
    if (type != "Polygon" && type != "MultiPolygon") continue;
    AreaPolygon area;
    area.code = (*props)["code"].get<std::string>();
    area.kind = props->contains("kind") && (*props)["kind"].is_string() ? (*props)["kind"].get<std::string>() : "";
    const Json& coords = (*geo)["coordinates"];
    bool ok = coords.is_array() && !coords.empty();
    if (ok && type == "Polygon") ok = ReadPolygon(coords, area);
    if (ok && type == "MultiPolygon")
      for (const Json& poly : coords) ok = ok && ReadPolygon(poly, area);
    if (!ok)
      return Status::InvalidArgument("geojson", "feature " + std::to_string(i) + " (" + area.code +
                                                    "): coordinates are not rings of [lon, lat] points");
    area.min_lon = area.min_lat = std::numeric_limits<double>::infinity();
    area.max_lon = area.max_lat = -std::numeric_limits<double>::infinity();
    for (const auto& ring : area.rings)
      for (const auto& p : ring) {
        area.min_lon = std::min(area.min_lon, p.lon), area.max_lon = std::max(area.max_lon, p.lon);
        area.min_lat = std::min(area.min_lat, p.lat), area.max_lat = std::max(area.max_lat, p.lat);
      }
    areas.push_back(std::move(area));
  }
  return areas;
}

}  // namespace hotline::triage

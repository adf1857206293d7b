#include "api/requests/fields.h"

#include <algorithm>

namespace hotline::api::requests {

using nlohmann::json;

std::string FieldPath(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

Status CheckFields(const json& obj, Fields allowed, const std::string& path) {
  if (!obj.is_object())
    return Status::InvalidArgument(path.empty() ? "body" : path,
                                   (path.empty() ? std::string("the body") : path) + " must be a JSON object")
        .WithReason(Reasons::kInvalidValue);
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) != allowed.end()) continue;
    // An empty key is named "" (quoted), so the error still names a field.
    const std::string name = FieldPath(path, key.empty() ? std::string("\"\"") : key);
    return Status::InvalidArgument(name, name + " is not a field this request accepts")
        .WithReason(Reasons::kUnknownField);
  }
  return Status::Ok();
}

Result<const json*> NestedObject(const json& obj, const char* key, Fields allowed, const std::string& path) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return static_cast<const json*>(nullptr);
  HOTLINE_RETURN_IF_ERROR(CheckFields(*it, allowed, FieldPath(path, key)));
  return &*it;
}

Result<std::optional<GeoPoint>> ReadLocation(const json& obj) {
  auto location = NestedObject(obj, "location", {"lat", "lon"});
  if (!location.ok()) return location.status();
  if (!*location) return std::optional<GeoPoint>();
  const json& l = **location;
  GeoPoint p;
  HOTLINE_RETURN_IF_ERROR(json_fields::ReadDouble(l, "lat", p.lat, "location"));
  HOTLINE_RETURN_IF_ERROR(json_fields::ReadDouble(l, "lon", p.lon, "location"));
  if (!l.contains("lat") || l["lat"].is_null()) return Status::Required("location.lat");
  if (!l.contains("lon") || l["lon"].is_null()) return Status::Required("location.lon");
  return std::optional<GeoPoint>(p);
}

}  // namespace hotline::api::requests

// What every request decoder shares: a body is checked against the fields its
// endpoint documents before any value is read, so that a field the endpoint does
// not take (a ticket's `state`, `id`, `query_code`, …) is refused — 400 naming it,
// reason unknown_field — instead of being silently dropped.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "domain/ticket.h"
#include "store/json_fields.h"

namespace hotline::api::requests {

// The fields an object may carry.
using Fields = std::initializer_list<std::string_view>;

// "caller" + "phone" → "caller.phone"; an empty prefix leaves the key alone.
std::string FieldPath(const std::string& prefix, std::string_view key);

// `obj` is a JSON object (else InvalidArgument naming `path`, "body" at the top)
// whose every key is in `allowed`; the first other key in key order is refused:
// InvalidArgument naming path.key, reason unknown_field.
Status CheckFields(const nlohmann::json& obj, Fields allowed, const std::string& path = "");

// The object under obj[key] after CheckFields(…, FieldPath(path, key)); nullptr when
// the key is absent or null.
Result<const nlohmann::json*> NestedObject(const nlohmann::json& obj, const char* key, Fields allowed,
                                           const std::string& path = "");

// "location": {lat, lon} in WGS-84 degrees, both required when the object is
// sent; nullopt when absent or null. Errors name location.lat / location.lon.
Result<std::optional<GeoPoint>> ReadLocation(const nlohmann::json& obj);

// An enum by its wire name: absent, null or "" leaves `out` unset; an unknown
// name is InvalidArgument naming the field, reason invalid_value, param value.
template <typename E, typename Parse>
Status ReadEnum(const nlohmann::json& obj, const char* key, Parse parse, std::optional<E>& out,
                const std::string& path = "") {
  std::string s;
  HOTLINE_RETURN_IF_ERROR(json_fields::ReadString(obj, key, s, 64, path));
  if (s.empty()) return Status::Ok();
  auto v = parse(s);
  const std::string name = FieldPath(path, key);
  if (!v)
    return Status::InvalidArgument(name, name + ": unknown value '" + s + "'")
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", s);
  out = *v;
  return Status::Ok();
}

}  // namespace hotline::api::requests

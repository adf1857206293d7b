// Typed, validating reads of optional fields from a JSON object. Each returns an
// InvalidArgument naming `path` when the field is present with the wrong type or
// out of bounds; an absent (or null) field leaves `out` untouched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/status.h"

namespace hotline::json_fields {

Status ReadString(const nlohmann::json& obj, const char* key, std::string& out, std::size_t max_bytes = 20000,
                  const std::string& path = "");
Status ReadBool(const nlohmann::json& obj, const char* key, bool& out, const std::string& path = "");
Status ReadBool(const nlohmann::json& obj, const char* key, std::optional<bool>& out, const std::string& path = "");
Status ReadInt(const nlohmann::json& obj, const char* key, std::int64_t& out, const std::string& path = "");
Status ReadDouble(const nlohmann::json& obj, const char* key, double& out, const std::string& path = "");
Status ReadStringList(const nlohmann::json& obj, const char* key, std::vector<std::string>& out,
                      std::size_t max_items = 50, const std::string& path = "");
Status RequireObject(const nlohmann::json& j, const std::string& path);

}  // namespace hotline::json_fields

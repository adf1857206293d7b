#include "store/json_fields.h"

namespace hotline::json_fields {
namespace {

std::string Path(const std::string& prefix, const char* key) { return prefix.empty() ? key : prefix + "." + key; }

const nlohmann::json* Field(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

Status RequireObject(const nlohmann::json& j, const std::string& path) {
  if (!j.is_object()) return Status::InvalidArgument(path.empty() ? "body" : path, "expected a JSON object");
  return Status::Ok();
}

Status ReadString(const nlohmann::json& obj, const char* key, std::string& out, std::size_t max_bytes,
                  const std::string& path) {
  const nlohmann::json* f = Field(obj, key);
  if (!f) return Status::Ok();
  const std::string name = Path(path, key);
  if (!f->is_string())
    return Status::InvalidArgument(name, name + " must be a string").WithReason(Reasons::kInvalidValue);
  const auto& s = f->get_ref<const std::string&>();
  if (s.size() > max_bytes)
    return Status::InvalidArgument(name, name + " is longer than " + std::to_string(max_bytes) + " bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", max_bytes);
  out = s;
  return Status::Ok();
}

Status ReadBool(const nlohmann::json& obj, const char* key, bool& out, const std::string& path) {
  const nlohmann::json* f = Field(obj, key);
  if (!f) return Status::Ok();
  const std::string name = Path(path, key);
  if (!f->is_boolean())
    return Status::InvalidArgument(name, name + " must be true or false").WithReason(Reasons::kInvalidValue);
  out = f->get<bool>();
  return Status::Ok();
}

Status ReadBool(const nlohmann::json& obj, const char* key, std::optional<bool>& out, const std::string& path) {
  if (!Field(obj, key)) return Status::Ok();
  bool v = false;
  HOTLINE_RETURN_IF_ERROR(ReadBool(obj, key, v, path));
  out = v;
  return Status::Ok();
}

Status ReadInt(const nlohmann::json& obj, const char* key, std::int64_t& out, const std::string& path) {
  const nlohmann::json* f = Field(obj, key);
  if (!f) return Status::Ok();
  const std::string name = Path(path, key);
  if (!f->is_number_integer())
    return Status::InvalidArgument(name, name + " must be an integer").WithReason(Reasons::kInvalidValue);
  out = f->get<std::int64_t>();
  return Status::Ok();
}

Status ReadDouble(const nlohmann::json& obj, const char* key, double& out, const std::string& path) {
  const nlohmann::json* f = Field(obj, key);
  if (!f) return Status::Ok();
  const std::string name = Path(path, key);
  if (!f->is_number())
    return Status::InvalidArgument(name, name + " must be a number").WithReason(Reasons::kInvalidValue);
  out = f->get<double>();
  return Status::Ok();
}

Status ReadStringList(const nlohmann::json& obj, const char* key, std::vector<std::string>& out,
                      std::size_t max_items, const std::string& path) {
  const nlohmann::json* f = Field(obj, key);
  if (!f) return Status::Ok();
  const std::string name = Path(path, key);
  if (!f->is_array())
    return Status::InvalidArgument(name, name + " must be an array of strings").WithReason(Reasons::kInvalidValue);
  if (f->size() > max_items)
    return Status::InvalidArgument(name, name + " has more than " + std::to_string(max_items) + " items")
        .WithReason(Reasons::kTooMany)
        .WithParam("max", max_items);
  std::vector<std::string> v;
  for (const auto& item : *f) {
    if (!item.is_string())
      return Status::InvalidArgument(name, name + " must be an array of strings").WithReason(Reasons::kInvalidValue);
    v.push_back(item.get<std::string>());
  }
  out = std::move(v);
  return Status::Ok();
}

}  // namespace hotline::json_fields

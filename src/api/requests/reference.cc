#include "api/requests/reference.h"

#include "api/requests/fields.h"
#include "domain/limits.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

namespace {

constexpr std::size_t kMaxItems = 100000;

// Reads {"items":[…]}: each item an object with only the `fields`, then `one`.
template <typename T, typename Fn>
Result<std::vector<T>> ReadItems(const json& body, Fields fields, Fn one) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"items"}));
  auto it = body.find("items");
  if (it == body.end() || !it->is_array())
    return Status::InvalidArgument("items", "items must be an array").WithReason(Reasons::kInvalidValue);
  if (it->size() > kMaxItems)
    return Status::InvalidArgument("items", "too many items").WithReason(Reasons::kTooMany).WithParam("max", kMaxItems);
  std::vector<T> out;
  out.reserve(it->size());
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    const std::string path = "items[" + std::to_string(i) + "]";
    HOTLINE_RETURN_IF_ERROR(CheckFields(item, fields, path));
    T value;
    HOTLINE_RETURN_IF_ERROR(one(item, path, value));
    out.push_back(std::move(value));
  }
  return out;
}

}  // namespace

Result<std::vector<Unit>> DecodeUnits(const json& body) {
  return ReadItems<Unit>(body, {"code", "name", "kind", "parent"},
                         [](const json& item, const std::string& path, Unit& u) -> Status {
                           std::string kind;
                           HOTLINE_RETURN_IF_ERROR(ReadString(item, "code", u.code, kMaxUnitCodeBytes, path));
                           HOTLINE_RETURN_IF_ERROR(ReadString(item, "name", u.name, kMaxReferenceNameBytes, path));
                           HOTLINE_RETURN_IF_ERROR(ReadString(item, "kind", kind, 32, path));
                           HOTLINE_RETURN_IF_ERROR(ReadString(item, "parent", u.parent, kMaxUnitCodeBytes, path));
                           auto k = ParseUnitKind(kind);
                           if (!k)
                             return Status::InvalidArgument(path + ".kind", "unknown unit kind '" + kind + "'")
                                 .WithReason(Reasons::kInvalidValue)
                                 .WithParam("value", kind);
                           u.kind = *k;
                           return Status::Ok();
                         });
}

Result<std::vector<Category>> DecodeCategories(const json& body) {
  return ReadItems<Category>(
      body, {"code", "name", "parent", "level"}, [](const json& item, const std::string& path, Category& c) -> Status {
        std::int64_t level = 0;
        HOTLINE_RETURN_IF_ERROR(ReadString(item, "code", c.code, kMaxCategoryCodeBytes, path));
        HOTLINE_RETURN_IF_ERROR(ReadString(item, "name", c.name, kMaxReferenceNameBytes, path));
        HOTLINE_RETURN_IF_ERROR(ReadString(item, "parent", c.parent, kMaxCategoryCodeBytes, path));
        HOTLINE_RETURN_IF_ERROR(ReadInt(item, "level", level, path));
        if (level < 0 || level > 3)  // 0: absent, refused by the taxonomy check
          return Status::InvalidArgument(path + ".level", path + ".level must be 1..3")
              .WithReason(Reasons::kInvalidValue)
              .WithParam("min", 1)
              .WithParam("max", 3);
        c.level = static_cast<int>(level);
        return Status::Ok();
      });
}

Result<std::vector<CatalogRule>> DecodeCatalog(const json& body) {
  return ReadItems<CatalogRule>(body, {"category", "area", "enterprise", "lead", "co_units"},
                                [](const json& item, const std::string& path, CatalogRule& r) -> Status {
                                  HOTLINE_RETURN_IF_ERROR(
                                      ReadString(item, "category", r.category, kMaxCategoryCodeBytes, path));
                                  HOTLINE_RETURN_IF_ERROR(ReadString(item, "area", r.area, kMaxUnitCodeBytes, path));
                                  HOTLINE_RETURN_IF_ERROR(ReadString(item, "enterprise", r.enterprise, 8, path));
                                  HOTLINE_RETURN_IF_ERROR(ReadString(item, "lead", r.lead, kMaxUnitCodeBytes, path));
                                  HOTLINE_RETURN_IF_ERROR(ReadStringList(item, "co_units", r.co_units, kMaxCoUnits, path));
                                  return Status::Ok();
                                });
}

}  // namespace hotline::api::requests

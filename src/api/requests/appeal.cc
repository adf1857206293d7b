#include "api/requests/appeal.h"

#include "api/requests/fields.h"
#include "domain/limits.h"
#include "domain/vocabulary.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

Status ReadAppealFields(const json& body, Appeal& a) {
  std::optional<AppealType> type;
  HOTLINE_RETURN_IF_ERROR(ReadEnum(body, "appeal_type", ParseAppealType, type));
  if (!type) return Status::Required("appeal_type");
  a.type = *type;
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "content", a.content, kMaxContentBytes));
  if (a.content.empty()) return Status::Required("content");
  auto caller = NestedObject(body, "caller", {"name", "phone"});
  if (!caller.ok()) return caller.status();
  if (*caller) {
    HOTLINE_RETURN_IF_ERROR(ReadString(**caller, "name", a.caller.name, kMaxCallerNameBytes, "caller"));
    HOTLINE_RETURN_IF_ERROR(ReadString(**caller, "phone", a.caller.phone, kMaxCallerPhoneBytes, "caller"));
  }
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "address", a.address, kMaxAddressBytes));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "enterprise", a.enterprise));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "no_callback", a.no_callback));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "category", a.category, kMaxCategoryCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "area", a.area, kMaxUnitCodeBytes));
  auto location = ReadLocation(body);
  if (!location.ok()) return location.status();
  a.location = *location;
  return Status::Ok();
}

}  // namespace hotline::api::requests

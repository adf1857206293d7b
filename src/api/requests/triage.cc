#include "api/requests/triage.h"

#include "api/requests/fields.h"
#include "domain/limits.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

Result<triage::TriageInput> DecodeTriage(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"content", "address", "location", "enterprise", "category"}));
  triage::TriageInput in;
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "content", in.content, kMaxContentBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "address", in.address, kMaxAddressBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "category", in.category, kMaxCategoryCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "enterprise", in.enterprise));
  auto location = ReadLocation(body);
  if (!location.ok()) return location.status();
  in.location = *location;
  return in;
}

}  // namespace hotline::api::requests

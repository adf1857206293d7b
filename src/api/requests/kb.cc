#include "api/requests/kb.h"

#include <limits>

#include "api/requests/fields.h"
#include "domain/limits.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

namespace {

Status ReadEntry(const json& body, KbEntry& e) {
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "question", e.question, kMaxKbQuestionBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "answer", e.answer, kMaxKbAnswerBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "category", e.category, kMaxCategoryCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "unit", e.unit, kMaxUnitCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "public", e.is_public));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "valid_from", e.valid_from, 10));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "valid_to", e.valid_to, 10));
  return Status::Ok();
}

}  // namespace

Result<KbEntryRequest> DecodeKbCreate(const json& body) {
  HOTLINE_RETURN_IF_ERROR(
      CheckFields(body, {"question", "answer", "category", "unit", "public", "valid_from", "valid_to"}));
  KbEntryRequest r;
  HOTLINE_RETURN_IF_ERROR(ReadEntry(body, r.entry));
  return r;
}

Result<KbEntryRequest> DecodeKbUpdate(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(
      body, {"question", "answer", "category", "unit", "public", "valid_from", "valid_to", "version", "active"}));
  KbEntryRequest r;
  std::int64_t version = 0;
  HOTLINE_RETURN_IF_ERROR(ReadInt(body, "version", version));
  if (version < 1) return Status::Required("version");
  if (version > std::numeric_limits<int>::max())
    return Status::InvalidArgument("version", "version is out of range").WithReason(Reasons::kInvalidValue);
  r.version = static_cast<int>(version);
  HOTLINE_RETURN_IF_ERROR(ReadEntry(body, r.entry));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "active", r.active));
  return r;
}

}  // namespace hotline::api::requests

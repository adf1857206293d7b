#include "api/requests/portal.h"

#include "api/requests/appeal.h"
#include "api/requests/fields.h"
#include "domain/limits.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

Result<Appeal> DecodePortalAppeal(const json& body) {
  HOTLINE_RETURN_IF_ERROR(
      CheckFields(body, {"channel", "appeal_type", "content", "caller", "address", "location", "area", "no_callback"}));
  std::string channel = "web";
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "channel", channel, 32));
  if (channel != "web" && channel != "mini_program")
    return Status::InvalidArgument("channel", "channel must be web or mini_program")
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", channel);
  Appeal a;
  a.channel = channel == "web" ? Channel::kWeb : Channel::kMiniProgram;
  HOTLINE_RETURN_IF_ERROR(ReadAppealFields(body, a));
  if (a.caller.phone.empty())
    return Status::InvalidArgument("caller.phone", "a phone number is required to reply to you")
        .WithReason(Reasons::kRequired);
  if (a.caller.phone.size() < 7)
    return Status::InvalidArgument("caller.phone", "caller.phone is too short").WithReason(Reasons::kInvalidValue);
  return a;
}

Result<PortalEvaluation> DecodePortalEvaluation(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"code", "satisfaction", "resolved", "dissatisfaction", "comment"}));
  PortalEvaluation e;
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "code", e.code, 32));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(body, "satisfaction", ParseSatisfaction, e.input.satisfaction));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "resolved", e.input.resolved));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(body, "dissatisfaction", ParseDissatisfaction, e.input.dissatisfaction));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "comment", e.input.content, kMaxReasonBytes));
  if (e.code.empty()) return Status::Required("code");
  if (!e.input.satisfaction) return Status::Required("satisfaction");
  if (!e.input.resolved) return Status::Required("resolved");
  return e;
}

}  // namespace hotline::api::requests

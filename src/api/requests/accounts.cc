#include "api/requests/accounts.h"

#include "api/requests/fields.h"
#include "domain/limits.h"

namespace hotline::api::requests {

using nlohmann::json;
using namespace json_fields;

namespace {

constexpr std::size_t kMaxPasswordBytes = 200;  // the policy counts characters; this bounds the bytes read

Result<UserRequest> DecodeUser(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"username", "display_name", "role", "unit", "active", "password"}));
  UserRequest r;
  std::string role;
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "username", r.user.username, kMaxUsernameLength));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "role", role, 32));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "unit", r.user.unit, kMaxUnitCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "display_name", r.user.display_name, kMaxDisplayNameBytes));
  HOTLINE_RETURN_IF_ERROR(ReadBool(body, "active", r.user.active));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "password", r.password, kMaxPasswordBytes));
  auto parsed = ParseRole(role);
  if (!parsed)
    return Status::InvalidArgument("role",
                                   "role must be one of operator, dispatcher, unit, supervisor, callback, analyst, admin")
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", role);
  r.user.role = *parsed;
  return r;
}

}  // namespace

Result<LoginRequest> DecodeLogin(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"username", "password"}));
  LoginRequest r;
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "username", r.username, 100));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "password", r.password, kMaxPasswordBytes));
  if (r.username.empty()) return Status::Required("username");
  if (r.password.empty()) return Status::Required("password");
  return r;
}

Result<PasswordChange> DecodePasswordChange(const json& body) {
  HOTLINE_RETURN_IF_ERROR(CheckFields(body, {"current_password", "new_password"}));
  PasswordChange r;
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "current_password", r.current_password, kMaxPasswordBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(body, "new_password", r.new_password, kMaxPasswordBytes));
  if (r.current_password.empty()) return Status::Required("current_password");
  return r;
}

Result<UserRequest> DecodeNewUser(const json& body) { return DecodeUser(body); }

Result<UserRequest> DecodeUserUpdate(const json& body, const std::string& username) {
  auto r = DecodeUser(body);
  if (!r.ok()) return r.status();
  if (!r->user.username.empty() && r->user.username != username)
    return Status::InvalidArgument("username", "username cannot be changed (the path names the user)")
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", r->user.username);
  r->user.username = username;
  return r;
}

}  // namespace hotline::api::requests

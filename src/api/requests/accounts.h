// Requests about accounts:
//   POST /api/v1/sessions            {username, password}
//   POST /api/v1/me/password         {current_password, new_password}
//   POST /api/v1/users               {username, display_name, role, unit, active, password}
//   PUT  /api/v1/users/{username}    the same; username, when sent, must be the path's
// Any other field is refused with 400 naming it (reason unknown_field): a password
// hash, a session or a role the body has no business setting is never dropped
// silently.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/status.h"
#include "store/store.h"

namespace hotline::api::requests {

struct LoginRequest {
  std::string username;
  std::string password;
};
// Both required.
Result<LoginRequest> DecodeLogin(const nlohmann::json& body);

struct PasswordChange {
  std::string current_password;  // required
  std::string new_password;      // checked against the password policy by the service
};
Result<PasswordChange> DecodePasswordChange(const nlohmann::json& body);

struct UserRequest {
  User user;             // no password hash; active defaults to true
  std::string password;  // "" = unchanged (updates) or missing (the service refuses a new user without one)
};
// POST /users: role is required (one of the staff roles' names).
Result<UserRequest> DecodeNewUser(const nlohmann::json& body);
// PUT /users/{username}: the user's name comes from the path.
Result<UserRequest> DecodeUserUpdate(const nlohmann::json& body, const std::string& username);

}  // namespace hotline::api::requests

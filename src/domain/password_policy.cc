#include "domain/password_policy.h"

#include <algorithm>
#include <cctype>

namespace hotline {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Status CheckPasswordPolicy(const std::string& password, const std::string& username, const std::string& field) {
  if (password.size() < kMinPasswordLength)
    return Status::InvalidArgument(field,
                                   "password must have at least " + std::to_string(kMinPasswordLength) + " characters")
        .WithReason(Reasons::kPasswordTooShort)
        .WithParam("min", kMinPasswordLength);
  if (password.size() > kMaxPasswordLength)
    return Status::InvalidArgument(field,
                                   "password must have at most " + std::to_string(kMaxPasswordLength) + " characters")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxPasswordLength);
  bool letter = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (c < 0x20 || c == 0x7f)
      return Status::InvalidArgument(field, "password may not contain control characters")
          .WithReason(Reasons::kControlCharacter);
    if (std::isalpha(c)) letter = true;
    else if (std::isdigit(c)) digit = true;
    else other = true;
  }
  if (letter + digit + other < 2)
    return Status::InvalidArgument(field, "password must mix at least two of letters, digits and other characters")
        .WithReason(Reasons::kPasswordTooSimple);
  if (!username.empty() && Lower(password).find(Lower(username)) != std::string::npos)
    return Status::InvalidArgument(field, "password may not contain the username")
        .WithReason(Reasons::kPasswordHasUsername);
  return Status::Ok();
}

}  // namespace hotline

// Password policy for staff accounts: kMinPasswordLength..kMaxPasswordLength
// bytes, at least two kinds of character among letters, digits and others, and
// not containing the username. Violations are InvalidArgument on `field`.
#pragma once

#include <string>

#include "domain/status.h"

namespace hotline {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 128;

Status CheckPasswordPolicy(const std::string& password, const std::string& username,
                           const std::string& field = "password");

}  // namespace hotline

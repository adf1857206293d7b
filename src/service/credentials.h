// Passwords and session tokens. Passwords are hashed with libsodium's
// crypto_pwhash_str (argon2id, salted, interactive cost); tokens are 32 random
// bytes in hex, and only their SHA-256 is ever stored.
#pragma once

#include <string>

#include "domain/status.h"

namespace hotline::service {

Status InitCrypto();  // call once before anything below
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
std::string NewToken();
std::string TokenHash(const std::string& token);
// A random decimal code of `digits` digits (portal query codes).
std::string RandomDigits(int digits);

}  // namespace hotline::service

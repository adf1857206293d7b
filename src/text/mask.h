// Masking of personal data inside free text, for roles that may not see it
// (the API decides who may; this only rewrites text).
//
// MaskPersonalData(utf8) replaces, wherever they stand alone (no digit or
// ASCII letter right before or after):
//  - mainland mobile numbers 1[3-9]xxxxxxxxx, also written 3-4-4 with single
//    '-' or ' ' separators and after a "+86"/"86" prefix: 13800138000 → 138****8000;
//  - 18-character resident ID numbers (17 digits and a digit or X):
//    110101199003071234 → 110101********1234;
//  - 15-digit first-generation ID numbers: first 6, stars, last 3.
// Full-width digits count as digits and the kept digits stay as written.
// Everything else, including invalid UTF-8 (replaced by U+FFFD), passes through.
#pragma once

#include <string>
#include <string_view>

namespace hotline::text {

std::string MaskPersonalData(std::string_view utf8);

}  // namespace hotline::text

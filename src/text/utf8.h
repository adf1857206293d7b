// UTF-8 decoding and encoding. Decoding never fails: every byte that does not
// start a well-formed UTF-8 sequence (overlong forms, surrogates, code points
// above U+10FFFF, truncated sequences) becomes one U+FFFD, so any input,
// however broken, yields a valid string of code points.
#pragma once

#include <string>
#include <string_view>

namespace hotline::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

std::u32string DecodeUtf8(std::string_view utf8);
void AppendUtf8(std::string& out, char32_t cp);
std::string EncodeUtf8(std::u32string_view cps);
// The input with every ill-formed sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view utf8);
// True when the bytes are well-formed UTF-8 (a literal U+FFFD is well-formed).
bool IsValidUtf8(std::string_view bytes);

}  // namespace hotline::text

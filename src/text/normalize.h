// Text normalisation for matching, features and display of appeal text.
//
// NormalizeText(utf8) returns valid UTF-8 in a canonical form:
//  1. ill-formed UTF-8 is replaced by U+FFFD (never an error);
//  2. Unicode NFKC (ICU): full-width letters, digits and punctuation fold to
//     their half-width forms, half-width katakana to full-width, compatibility
//     characters (①, ㎡, ligatures) to their plain equivalents;
//  3. traditional → simplified Chinese (OpenCC t2s, see chinese_converter.h);
//  4. punctuation variants fold to one form: “”「」『』 → ", ‘’ → ', 【】〔〕 → [] ();
//  5. control and zero-width characters are dropped (emoji stay), and every run
//     of white space becomes one ASCII space; leading/trailing space is trimmed.
// Case is kept. Idempotent: NormalizeText(NormalizeText(x)) == NormalizeText(x).
// Thread-safe; linear in the input size.
#pragma once

#include <string>
#include <string_view>

namespace hotline::text {

std::string NormalizeText(std::string_view utf8);

// Step 2 alone (NFKC width folding) of valid or invalid UTF-8.
std::string FoldWidth(std::string_view utf8);

}  // namespace hotline::text

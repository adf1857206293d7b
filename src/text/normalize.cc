#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/chinese_converter.h"
#include "text/utf8.h"

namespace hotline::text {
namespace {

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

char32_t FoldPunctuation(char32_t c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0x301D: case 0x301E:
      return U'"';
    case 0x2018: case 0x2019: case 0x201A:
      return U'\'';
    case 0x3010: case 0x3016:
      return U'[';
    case 0x3011: case 0x3017:
      return U']';
    case 0x3014:
      return U'(';
    case 0x3015:
      return U')';
    default:
      return c;
  }
}

}  // namespace

std::string FoldWidth(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_FAILURE(err) || nfkc == nullptr) return SanitizeUtf8(utf8);
  icu::UnicodeString folded = nfkc->normalize(s, err);
  if (U_FAILURE(err)) return SanitizeUtf8(utf8);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string NormalizeText(std::string_view utf8) {
  // Drop control (other than white space) and zero-width characters before NFKC:
  // what they separated must compose now, not on a second pass (idempotence).
  // OpenCC, later, works on C strings and would stop at NUL.
  std::string visible;
  visible.reserve(utf8.size());
  for (char32_t c : DecodeUtf8(utf8)) {
    if (IsZeroWidth(c)) continue;
    if (u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR && !u_isUWhiteSpace(static_cast<UChar32>(c))) continue;
    AppendUtf8(visible, c);
  }
  std::u32string cps = DecodeUtf8(FoldWidth(visible));
  std::string cleaned;
  cleaned.reserve(cps.size() * 3);
  for (char32_t c : cps) {
    if (IsZeroWidth(c)) continue;
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
      cleaned.push_back(' ');
      continue;
    }
    if (u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR) continue;
    AppendUtf8(cleaned, FoldPunctuation(c));
  }
  const std::string simplified = ToSimplified(cleaned);
  std::string out;
  out.reserve(simplified.size());
  bool pending_space = false;
  for (char ch : simplified) {
    if (ch == ' ') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(ch);
  }
  return out;
}

}  // namespace hotline::text

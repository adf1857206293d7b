#include "text/mask.h"

#include "text/utf8.h"

namespace hotline::text {
namespace {

int DigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}
bool IsDigit(char32_t c) { return DigitValue(c) >= 0; }
bool IsAsciiLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool IsX(char32_t c) { return c == U'X' || c == U'x' || c == 0xFF38 || c == 0xFF58; }
bool IsWordChar(char32_t c) { return IsDigit(c) || IsAsciiLetter(c) || (c >= 0xFF21 && c <= 0xFF5A); }

// Replaces positions [from, to) of `s` that hold digits (or an X) with '*'.
void Star(std::u32string& s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (IsDigit(s[i]) || IsX(s[i])) s[i] = U'*';
}

// Length of a mobile number written at s[i] (11 digits, or 3-4-4 with one kind of
// separator), or 0. `digits` receives the positions of its 11 digits.
std::size_t MatchMobile(const std::u32string& s, std::size_t i, std::size_t (&digits)[11]) {
  if (i + 11 > s.size() || DigitValue(s[i]) != 1 || DigitValue(s[i + 1]) < 3) return 0;
  std::size_t n = 0, j = i;
  char32_t sep = 0;
  while (n < 11 && j < s.size()) {
    if (IsDigit(s[j])) {
      digits[n++] = j++;
      continue;
    }
    const bool at_group_edge = (n == 3 || n == 7) && j > i && IsDigit(s[j - 1]);
    if (at_group_edge && (s[j] == U'-' || s[j] == U' ') && (sep == 0 || sep == s[j])) {
      if (n == 7 && sep == 0) return 0;  // separators are all or nothing
      sep = s[j++];
      continue;
    }
    return 0;
  }
  if (n != 11) return 0;
  if (sep != 0 && j - i != 13) return 0;
  return j - i;
}

}  // namespace

std::string MaskPersonalData(std::string_view utf8) {
  std::u32string s = DecodeUtf8(utf8);
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i]) || (i > 0 && IsWordChar(s[i - 1]))) {
      ++i;
      continue;
    }
    // The run of digits (an ID may end in X) starting here.
    std::size_t end = i;
    while (end < s.size() && IsDigit(s[end])) ++end;
    const std::size_t run = end - i;
    auto free_after = [&](std::size_t e) { return e >= s.size() || !IsWordChar(s[e]); };
    if (run == 17 && end < s.size() && IsX(s[end]) && free_after(end + 1)) {
      Star(s, i + 6, i + 14);
      i = end + 1;
      continue;
    }
    if (run == 18 && free_after(end)) {
      Star(s, i + 6, i + 14);
      i = end;
      continue;
    }
    if (run == 15 && free_after(end)) {
      Star(s, i + 6, i + 12);
      i = end;
      continue;
    }
    // A mobile number, possibly after an 86 country code.
    std::size_t start = i;
    if (run == 13 && DigitValue(s[i]) == 8 && DigitValue(s[i + 1]) == 6) start = i + 2;
    std::size_t digits[11];
    const std::size_t len = MatchMobile(s, start, digits);
    if (len > 0 && free_after(start + len)) {
      Star(s, digits[3], digits[7]);
      i = start + len;
      continue;
    }
    i = end;
  }
  return EncodeUtf8(s);
}

}  // namespace hotline::text

// Helpers the locators share for matching place names in Chinese text: a UTF-8
// string as its characters, and "occurs with one character wrong".
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace hotline::triage {

// The characters of UTF-8 text, as views into it (a truncated sequence at the
// end is one character).
inline std::vector<std::string_view> Utf8Chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = std::min(s.size() - i, std::size_t{c < 0x80 ? 1u : c < 0xE0 ? 2u : c < 0xF0 ? 3u : 4u});
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Whether `name` (three characters or more) occurs in `text` with exactly one
// character different.
inline bool NearlyContains(const std::vector<std::string_view>& text, const std::vector<std::string_view>& name) {
  if (name.size() < 3 || text.size() < name.size()) return false;
  for (std::size_t start = 0; start + name.size() <= text.size(); ++start) {
    int diff = 0;
    for (std::size_t k = 0; k < name.size() && diff <= 1; ++k) diff += text[start + k] != name[k];
    if (diff == 1) return true;
  }
  return false;
}

}  // namespace hotline::triage

#include "store/search_text.h"

#include <mutex>

#include "text/chinese_converter.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace hotline {
namespace {

bool IsWordCharImpl(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;        // Latin-1 punctuation and signs
  if (c >= 0x2000 && c <= 0x2BFF) return false;                 // general punctuation, symbols, arrows, shapes
  if (c >= 0x3000 && c <= 0x303F) return false;                 // CJK symbols and punctuation
  if (c >= 0xFE10 && c <= 0xFE6F) return false;                 // vertical, compatibility and small forms
  if (c >= 0xFF00 && c <= 0xFF0F) return false;                 // full-width punctuation (NFKC folds most)
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c == 0xFFFD) return false;
  return true;
}

char32_t Lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

// Traditional → simplified one character at a time, from the same OpenCC
// converter as text::NormalizeText, tabulated once for the CJK blocks: the
// phrase-aware conversion costs ~1 ms per KB, too slow for indexing millions.
constexpr char32_t kHanFirst = 0x3400, kHanLast = 0x9FFF;
const std::vector<std::u32string>& HanTable() {
  static std::vector<std::u32string> table;
  static std::once_flag once;
  std::call_once(once, [] {
    table.resize(kHanLast - kHanFirst + 1);
    for (char32_t c = kHanFirst; c <= kHanLast; ++c) {
      std::string one;
      text::AppendUtf8(one, c);
      table[c - kHanFirst] = text::DecodeUtf8(text::ToSimplified(one));
    }
  });
  return table;
}

}  // namespace

// The normalised code points of `text`: NFKC width folding (text::FoldWidth),
// traditional → simplified by character, ASCII lower-case.
std::u32string NormalizedSearchCodePoints(std::string_view text) {
  const std::u32string folded = text::DecodeUtf8(text::FoldWidth(text));
  const auto& han = HanTable();
  std::u32string out;
  out.reserve(folded.size());
  for (char32_t c : folded) {
    if (c >= kHanFirst && c <= kHanLast) out += han[c - kHanFirst];
    else out += Lower(c);
  }
  return out;
}

namespace {
struct SearchRun {
  std::vector<char32_t> chars;
  std::vector<int> starts;  // byte offset of each char in the normalised text
  int end = 0;              // byte offset after the last char
};
}  // namespace


// Calls emit(token, start, end) for each token of `text`, in order.
void ForEachSearchToken(std::string_view text, const std::function<void(const std::string&, int, int)>& emit) {
  const std::u32string cps = NormalizedSearchCodePoints(text);
  SearchRun run;
  int offset = 0;
  auto flush = [&] {
    const std::size_t n = run.chars.size();
    if (n == 1) {
      std::string tok;
      text::AppendUtf8(tok, run.chars[0]);
      emit(tok, run.starts[0], run.end);
    }
    for (std::size_t i = 0; n >= 2 && i + 1 < n; ++i) {
      std::string tok;
      text::AppendUtf8(tok, run.chars[i]);
      text::AppendUtf8(tok, run.chars[i + 1]);
      emit(tok, run.starts[i], i + 2 < n ? run.starts[i + 2] : run.end);
    }
    run.chars.clear();
    run.starts.clear();
  };
  for (char32_t c : cps) {
    std::string enc;
    text::AppendUtf8(enc, c);
    if (IsWordCharImpl(c)) {
      run.chars.push_back(c);
      run.starts.push_back(offset);
      run.end = offset + static_cast<int>(enc.size());
    } else {
      flush();
    }
    offset += static_cast<int>(enc.size());
  }
  flush();
}

bool IsSearchWordChar(char32_t c) { return IsWordCharImpl(c); }

std::vector<std::string> SearchTokens(std::string_view text) {
  std::vector<std::string> out;
  ForEachSearchToken(text, [&](const std::string& tok, int, int) { out.push_back(tok); });
  return out;
}

std::vector<std::string> SplitKeywords(std::string_view query) {
  std::vector<std::string> out;
  std::string cur;
  const std::u32string cps = text::DecodeUtf8(query);
  // Control characters (NUL among them, which ends an FTS5 query string early)
  // separate keywords like white space: none reaches the index's query.
  auto is_space = [](char32_t c) {
    return c < 0x20 || c == 0x7F || c == ' ' || c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F;
  };
  for (char32_t c : cps) {
    if (is_space(c)) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      text::AppendUtf8(cur, c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool IndexableKeyword(std::string_view keyword) {
  bool any = false, all_long = true;
  std::size_t len = 0;
  for (char32_t c : NormalizedSearchCodePoints(keyword)) {
    if (IsSearchWordChar(c)) {
      ++len;
      continue;
    }
    if (len > 0) {
      any = true;
      all_long = all_long && len >= 2;
    }
    len = 0;
  }
  if (len > 0) {
    any = true;
    all_long = all_long && len >= 2;
  }
  return any && all_long;
}

std::string SearchRuns(std::string_view text) {
  std::string out;
  bool in_run = false;
  for (char32_t c : NormalizedSearchCodePoints(text)) {
    if (IsSearchWordChar(c)) {
      if (!in_run && !out.empty()) out += ' ';
      text::AppendUtf8(out, c);
      in_run = true;
    } else {
      in_run = false;
    }
  }
  return out;
}

}  // namespace hotline

#include "text/features.h"

#include <unicode/uchar.h>

#include "text/segmenter.h"
#include "text/utf8.h"

namespace hotline::text {
namespace {

enum class Kind { kBreak, kAsciiLetter, kDigit, kLetter };

Kind KindOf(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return Kind::kAsciiLetter;
  if (c >= U'0' && c <= U'9') return Kind::kDigit;
  const auto u = static_cast<UChar32>(c);
  if (u_isdigit(u)) return Kind::kDigit;
  if (u_isalpha(u) || u_hasBinaryProperty(u, UCHAR_IDEOGRAPHIC)) return Kind::kLetter;
  return Kind::kBreak;
}

char32_t Lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

}  // namespace

std::vector<std::vector<std::string>> TextSegments(std::string_view text, std::size_t max_units) {
  const std::u32string cps = DecodeUtf8(text);
  std::vector<std::vector<std::string>> segments(1);
  std::size_t units = 0;
  for (std::size_t i = 0; i < cps.size() && units < max_units;) {
    const Kind k = KindOf(cps[i]);
    if (k == Kind::kBreak) {
      if (!segments.back().empty()) segments.emplace_back();
      ++i;
      continue;
    }
    std::string unit;
    if (k == Kind::kLetter) {
      AppendUtf8(unit, cps[i++]);
    } else {
      const std::size_t begin = i;
      while (i < cps.size() && KindOf(cps[i]) == k) ++i;
      if (k == Kind::kDigit) {
        unit.push_back('#');
      } else {
        for (std::size_t j = begin; j < i; ++j) AppendUtf8(unit, Lower(cps[j]));
      }
    }
    segments.back().push_back(std::move(unit));
    ++units;
  }
  if (segments.back().empty()) segments.pop_back();
  return segments;
}

std::vector<std::string> CharNgrams(std::string_view text, int min_n, int max_n, std::size_t max_units) {
  std::vector<std::string> out;
  if (min_n < 1) min_n = 1;
  for (const auto& seg : TextSegments(text, max_units)) {
    for (std::size_t i = 0; i < seg.size(); ++i) {
      std::string gram;
      for (int n = 1; n <= max_n && i + n <= seg.size(); ++n) {
        gram += seg[i + n - 1];
        if (n >= min_n) out.push_back(gram);
      }
    }
  }
  return out;
}

std::vector<std::string> ExtractFeatures(std::string_view text, const FeatureOptions& options) {
  std::vector<std::string> out;
  if (options.char_ngram_max >= 1)
    out = CharNgrams(text, options.char_ngram_min, options.char_ngram_max, options.max_units);
  if (options.words) {
    // Segment only the part that the units cover, so a huge text costs no more.
    std::string_view head = text;
    if (head.size() > options.max_units * 4) head = head.substr(0, options.max_units * 4);
    for (const auto& w : SegmentWords(head)) {
      std::string word;
      std::size_t units = 0;
      for (const auto& seg : TextSegments(w, 64))
        for (const auto& u : seg) word += u, ++units;
      if (units >= 2) out.push_back("w:" + word);
    }
  }
  return out;
}

}  // namespace hotline::text

// Features of a text for the category classifier: character n-grams, which
// carry most of the signal in Chinese, plus ICU words (segmenter.h), which add
// longer units that n-grams up to 3 miss.
//
// A text is first read as "units": one unit per Han character (or other
// letter), one per run of ASCII letters (lower-cased) and "#" per run of
// digits. Spaces, punctuation, symbols and emoji separate units into
// segments; n-grams never cross a segment boundary. The input should be
// NormalizeText() output (that folds widths and scripts). Every feature is a
// non-empty string without white space. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::text {

struct FeatureOptions {
  int char_ngram_min = 1;
  int char_ngram_max = 3;
  bool words = true;                   // add ICU words of two or more units, as "w:<word>"
  std::size_t max_units = 20000;       // longer texts are cut: a 1 MB text costs what 20,000 units do
};

// The segments of `text`, each a list of units.
std::vector<std::vector<std::string>> TextSegments(std::string_view text, std::size_t max_units);

// Character n-grams of n in [min_n, max_n], segment by segment, in text order.
std::vector<std::string> CharNgrams(std::string_view text, int min_n, int max_n, std::size_t max_units = 20000);

std::vector<std::string> ExtractFeatures(std::string_view text, const FeatureOptions& options);

}  // namespace hotline::text

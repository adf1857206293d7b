// What duplicate detection reads from an appeal's text (issue 12):
//
//  - DedupeUnits: the text after NormalizeText() (full/half width, traditional →
//    simplified), as code points with punctuation, spaces and symbols removed:
//    Han characters, ASCII letters (lower-cased) and digits, other letters.
//  - TextShingles: the 64-bit hashes of every run of `n` consecutive units
//    (character n-grams across punctuation), sorted and unique. Fixed hash,
//    so the same text gives the same shingles in every process.
//  - PlaceNames: the names of specific places the text mentions, read by
//    place words (小区, 花园, 家园, 苑, 村, 社区, 中学, 医院 …): the up to four
//    Han characters before the place word, cut after the last administrative
//    level (市, 县, 区 …) or function character (我, 这, 该, 的 …); names
//    shorter than two characters are dropped. "A市暮云街道丽发新城小区" names
//    暮云 and 丽发新城. The list is in text order without repeats.
//  - PlaceKeys: the keys by which two appeals' place names are compared: every
//    right-aligned part of two to four characters of each name, flagged when it
//    is the whole name. Two names match when they share a key and one of the
//    two is a whole name ("滨河" matches "景园滨河"; "丽发新城" does not match
//    "恒大新城"). See PlacesMatch in duplicate_score.h.
//
// Pure functions, thread-safe. Texts longer than `max_units` are cut.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::triage {

std::u32string DedupeUnits(std::string_view text, std::size_t max_units);

std::vector<std::uint64_t> TextShingles(std::string_view text, int n, std::size_t max_units);

std::vector<std::string> PlaceNames(std::string_view text, std::size_t max_units);

// The same from text already normalised and decoded (NormalizeText, DecodeUtf8):
// a fingerprint normalises once for both.
std::vector<std::uint64_t> ShinglesOfNormalized(std::u32string_view normalized, int n, std::size_t max_units);
std::vector<std::string> PlaceNamesOfNormalized(std::u32string_view normalized, std::size_t max_units);

// A place key: a hash of a right-aligned part of a place name, with the lowest
// bit set when the part is the whole name. `name` indexes the names it came from.
struct PlaceKey {
  std::uint64_t key = 0;
  std::uint32_t name = 0;
};
std::vector<PlaceKey> PlaceKeys(const std::vector<std::string>& names);

}  // namespace hotline::triage

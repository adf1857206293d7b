// Word segmentation with ICU's dictionary-based word break iterator (Chinese
// dictionary for Han text, rules for Latin text and numbers).
//
// SegmentWords(utf8) returns the words of the text in order: runs of letters,
// ideographs, kana or digits; spaces, punctuation and symbols are left out.
// ICU splits many two-character Chinese words into single characters, so
// callers that want robust features combine these words with character
// n-grams (see features.h). Thread-safe (one break iterator per thread);
// ill-formed UTF-8 is read as U+FFFD.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hotline::text {

std::vector<std::string> SegmentWords(std::string_view utf8);

}  // namespace hotline::text

#include "text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace hotline::text {
namespace {

// ICU break iterators are not thread-safe; each thread keeps a clone of one
// prototype (creating one loads the dictionaries, cloning is cheap).
icu::BreakIterator* ThreadIterator() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode err = U_ZERO_ERROR;
    icu::BreakIterator* it = icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), err);
    if (U_FAILURE(err)) {
      delete it;
      return static_cast<icu::BreakIterator*>(nullptr);
    }
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> mine(prototype ? prototype->clone() : nullptr);
  return mine.get();
}

}  // namespace

std::vector<std::string> SegmentWords(std::string_view utf8) {
  std::vector<std::string> words;
  icu::BreakIterator* it = ThreadIterator();
  if (it == nullptr || utf8.empty()) return words;
  const icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  it->setText(s);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (it->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation, symbols
    std::string w;
    s.tempSubStringBetween(start, end).toUTF8String(w);
    words.push_back(std::move(w));
  }
  // Do not keep a pointer to `s` in the thread's iterator past this call.
  it->setText(icu::UnicodeString());
  return words;
}

}  // namespace hotline::text

// Ticket search text (issue 9), shared by the store backends: how ticket text
// and search keywords are normalised and cut, so that SQLite (an FTS5 bigram
// index, sqlite/search_text.h) and PostgreSQL (a normalised text column matched
// with LIKE, postgres/pg_ticket_query.h) find the same tickets.
//
// Text and keywords are normalised the same way (text::FoldWidth's NFKC
// full-width → half-width; traditional → simplified by character through the
// OpenCC converter of text::NormalizeText, tabulated once; ASCII lower-case) and
// cut into runs of word characters (letters, digits, CJK; punctuation and space
// separate runs). A keyword of two or more characters per run matches exactly
// the texts that contain its runs as a substring, with the runs adjacent in the
// text where punctuation separated them in the keyword. Pure functions, no I/O.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline {

// True for a character that belongs to a word run (not punctuation or space).
bool IsSearchWordChar(char32_t c);

// The normalised code points of `text` (width folded, simplified, ASCII lower-case).
std::u32string NormalizedSearchCodePoints(std::string_view text);

// Calls emit(token, start, end) for each index token of `text`, in order: the
// overlapping bigrams of each run, or the run itself when it has one character.
// Offsets are bytes into the normalised text.
void ForEachSearchToken(std::string_view text, const std::function<void(const std::string&, int, int)>& emit);

// The tokens of `text` as the index sees them (for tests and the benchmark).
std::vector<std::string> SearchTokens(std::string_view text);

// The normalised runs of `text` joined by one space ("暖氣，ＡＢ" → "暖气 ab"):
// a keyword's runs occur in a text, adjacent, exactly when SearchRuns(keyword)
// is a substring of SearchRuns(text).
std::string SearchRuns(std::string_view text);

// A search box query split on white space (ASCII, U+3000 ideographic space and
// any other space NFKC folds); empty pieces dropped, order kept.
std::vector<std::string> SplitKeywords(std::string_view query);

// True when the index can answer `keyword`: it has at least one run and every
// run has two or more characters. Others (one character, or only punctuation
// such as "%") are matched with LIKE on the raw keyword.
bool IndexableKeyword(std::string_view keyword);

}  // namespace hotline

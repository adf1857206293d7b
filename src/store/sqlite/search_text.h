// Ticket full-text search (issue 9): the text model shared by the index and
// the query.
//
// Indexed text and keywords are normalised the same way (text::FoldWidth's NFKC
// full-width → half-width; traditional → simplified by character through the
// OpenCC converter of text::NormalizeText, tabulated once, since its
// phrase-aware conversion is ~1 ms per KB; ASCII lower-case) and
// cut into runs of word characters (letters, digits, CJK; punctuation and
// space separate runs). Each run becomes its overlapping character bigrams
// ("幸福里" → 幸福, 福里), a run of one character becomes itself. A keyword of
// two or more characters is then a phrase of its bigrams, which matches
// exactly the texts that contain it as a substring (up to punctuation), so
// "暖气" and "幸福里" are both found, which a trigram index cannot do.
//
// The FTS5 tokenizer `hotline_bigram` does this inside SQLite; it is
// registered on every connection (Connection::Open), so the index is kept by
// triggers in the same transaction as the ticket write (migration 8).
// Consequence: a connection without it (the sqlite3 shell, a raw sqlite3_open)
// can read tickets but cannot write them ("no such tokenizer: hotline_bigram");
// call RegisterSearchTokenizer on such a handle first.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "store/search_text.h"

namespace hotline::sqlite {

inline constexpr const char* kSearchTokenizer = "hotline_bigram";

// Registers the tokenizer on `db` (needs SQLite with FTS5).
Status RegisterSearchTokenizer(sqlite3* db);

// The text model itself (tokens, keywords) is shared: store/search_text.h.
using hotline::IndexableKeyword;
using hotline::SearchTokens;
using hotline::SplitKeywords;

// The FTS5 MATCH expression requiring every keyword (each a quoted phrase).
std::string MatchExpression(const std::vector<std::string>& keywords);

}  // namespace hotline::sqlite

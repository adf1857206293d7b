#include "store/sqlite/search_text.h"

#include <algorithm>
#include <cstring>

namespace hotline::sqlite {
namespace {

// --- the FTS5 tokenizer -------------------------------------------------------

int TokCreate(void*, const char**, int, Fts5Tokenizer** out) {
  static int instance = 0;  // stateless: any non-null handle
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void TokDelete(Fts5Tokenizer*) {}

int TokTokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int n,
                int (*token)(void*, int, const char*, int, int, int)) {
  int rc = SQLITE_OK;
  ForEachSearchToken(std::string_view(text, n > 0 ? static_cast<std::size_t>(n) : 0),
                     [&](const std::string& tok, int start, int end) {
                 if (rc != SQLITE_OK) return;
                 // Offsets are into the normalised text, clamped to the input (used by highlight() only).
                 rc = token(ctx, 0, tok.data(), static_cast<int>(tok.size()), std::min(start, n), std::min(end, n));
               });
  return rc;
}

}  // namespace

Status RegisterSearchTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
    return Status::Internal(std::string("SQLite without FTS5: ") + sqlite3_errmsg(db));
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (!api) return Status::Internal("SQLite without FTS5");
  static fts5_tokenizer tokenizer{TokCreate, TokDelete, TokTokenize};
  if (api->xCreateTokenizer(api, kSearchTokenizer, nullptr, &tokenizer, nullptr) != SQLITE_OK)
    return Status::Internal("cannot register the search tokenizer");
  return Status::Ok();
}

std::string MatchExpression(const std::vector<std::string>& keywords) {
  std::string out;
  for (const std::string& k : keywords) {
    if (!out.empty()) out += " AND ";
    out += '"';
    for (char c : k) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

}  // namespace hotline::sqlite

// KnowledgeIndex: full-text search over knowledge-base entries for the intake desk
// (top-5 suggestions) and the public portal. Chinese text is indexed as character
// unigrams and bigrams (Xapian's CJK n-grams); a query becomes an OR of its n-grams
// (Xapian's own parser would AND them and miss paraphrases), expanded with synonym
// groups, and ranked by BM25 with the question weighted above the answer.
// Thread-safe: searches and updates may come from any thread.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/kb_entry.h"
#include "domain/status.h"

namespace hotline::triage {

struct KbHit {
  std::string id;
  double score = 0;
  std::string question_highlight;  // with <em>…</em> around matched text
  std::string answer_snippet;      // a highlighted excerpt of the answer
};

struct KbQuery {
  std::string text;
  int limit = 5;
  bool public_only = false;
  std::string today;     // YYYY-MM-DD: entries not valid on this date are skipped; empty = no date check
  std::string category;  // optional: entries in this category (code prefix) rank higher
  bool highlight = true; // fill question_highlight / answer_snippet
  // Relevance floor (0 = none): hits below this percentage are dropped. Xapian's
  // percentage: the best hit's share of the query's weight, the others relative
  // to it, so a query whose best match shares one common character is dropped.
  int min_percent = 0;
};

class KnowledgeIndex {
 public:
  KnowledgeIndex();
  ~KnowledgeIndex();

  // Synonym groups, one per line, words separated by spaces or commas
  // ("暖气 供暖 供热"). Lines starting with '#' are comments.
  Status LoadSynonyms(const std::string& text);

  void Upsert(const KbEntry& entry);  // adds or replaces
  void Remove(const std::string& id);
  std::size_t size() const;

  Result<std::vector<KbHit>> Search(const KbQuery& query) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::triage

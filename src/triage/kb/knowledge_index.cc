#include "triage/kb/knowledge_index.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace hotline::triage {
namespace {

constexpr Xapian::valueno kSlotCategory = 0;
constexpr Xapian::valueno kSlotValidFrom = 1;
constexpr Xapian::valueno kSlotValidTo = 2;
const std::string kPublicTerm = "XPUBLIC";
constexpr Xapian::termcount kEliteTerms = 16;

// Splits on ASCII spaces, commas, tabs, and the Chinese comma/enumeration marks.
std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == ' ' || line[i] == ',' || line[i] == '\t' || line[i] == '\r') {
      flush();
      ++i;
    } else if (line.compare(i, 3, "，") == 0 || line.compare(i, 3, "、") == 0) {
      flush();
      i += 3;
    } else {
      cur += line[i++];
    }
  }
  flush();
  return out;
}

// Function characters of spoken Chinese (particles, pronouns, question words).
// As single-character terms they match nearly every entry: they cost matching
// time and add no ranking signal. Bigrams containing them are still used.
bool IsStopCharacter(const std::string& term) {
  static const std::set<std::string> kStop = [] {
    const std::string chars =
        "的了吗呢吧啊呀哦嘛么是在有和与或及也都就还又很太更最这那哪个些我你他她它们咱您"
        "怎什啥谁几多少为把被给让从到向对于以而且但如果要想会能可该得着过来去上下里中"
        "请问一不没";
    std::set<std::string> set;
    for (std::size_t i = 0; i + 3 <= chars.size(); i += 3) set.insert(chars.substr(i, 3));
    return set;
  }();
  return kStop.count(term) > 0;
}

}  // namespace

struct KnowledgeIndex::Impl {
  mutable std::mutex mu;
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::map<std::string, KbEntry> entries;
  std::vector<std::vector<std::string>> synonyms;

  static Xapian::TermGenerator Generator() {
    Xapian::TermGenerator tg;
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    return tg;
  }

  // The n-gram terms a piece of text produces, as the index would store them.
  static std::vector<std::string> Terms(const std::string& text) {
    Xapian::Document scratch;
    Xapian::TermGenerator tg = Generator();
    tg.set_document(scratch);
    tg.index_text(text);
    std::vector<std::string> out;
    for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) out.push_back(*it);
    return out;
  }

  std::string Expand(const std::string& text) const {
    std::string out = text;
    for (const auto& group : synonyms) {
      bool present = false;
      for (const auto& w : group) present = present || text.find(w) != std::string::npos;
      if (!present) continue;
      for (const auto& w : group)
        if (text.find(w) == std::string::npos) out += " " + w;
    }
    return out;
  }
};

KnowledgeIndex::KnowledgeIndex() : impl_(std::make_unique<Impl>()) {}
KnowledgeIndex::~KnowledgeIndex() = default;

Status KnowledgeIndex::LoadSynonyms(const std::string& text) {
  std::vector<std::vector<std::string>> groups;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto words = SplitWords(line);
    if (words.size() >= 2) groups.push_back(std::move(words));
  }
  std::lock_guard lock(impl_->mu);
  impl_->synonyms = std::move(groups);
  return Status::Ok();
}

void KnowledgeIndex::Upsert(const KbEntry& e) {
  Xapian::Document doc;
  Xapian::TermGenerator tg = Impl::Generator();
  tg.set_document(doc);
  // The question counts three times as much as the answer.
  tg.index_text(e.question, 3);
  tg.increase_termpos();
  tg.index_text(e.answer, 1);
  const std::string id_term = "Q" + e.id;
  doc.add_boolean_term(id_term);
  if (e.is_public) doc.add_boolean_term(kPublicTerm);
  doc.add_value(kSlotCategory, e.category);
  doc.add_value(kSlotValidFrom, e.valid_from);
  doc.add_value(kSlotValidTo, e.valid_to);
  doc.set_data(e.id);
  std::lock_guard lock(impl_->mu);
  if (!e.active) {
    impl_->db.delete_document(id_term);
    impl_->entries.erase(e.id);
    return;
  }
  impl_->db.replace_document(id_term, doc);
  impl_->entries[e.id] = e;
}

void KnowledgeIndex::Remove(const std::string& id) {
  std::lock_guard lock(impl_->mu);
  impl_->db.delete_document("Q" + id);
  impl_->entries.erase(id);
}

std::size_t KnowledgeIndex::size() const {
  std::lock_guard lock(impl_->mu);
  return impl_->entries.size();
}

Result<std::vector<KbHit>> KnowledgeIndex::Search(const KbQuery& query) const {
  if (query.limit < 1 || query.limit > 100) return Status::InvalidArgument("limit", "limit must be 1..100");
  if (query.text.size() > 4000) return Status::InvalidArgument("q", "query is longer than 4000 bytes");
  std::vector<KbHit> hits;
  std::lock_guard lock(impl_->mu);
  const std::vector<std::string> terms = Impl::Terms(impl_->Expand(query.text));
  if (terms.empty()) return hits;
  try {
    std::vector<Xapian::Query> parts;
    for (const std::string& t : terms)
      if (!IsStopCharacter(t)) parts.emplace_back(t);
    if (parts.empty()) return hits;
    // OP_ELITE_SET keeps the (at most) kEliteTerms most informative terms by their
    // maximum BM25 contribution: long queries cost less, ranking barely moves
    // (docs/BENCHMARKS.md: 16 terms halve the search time of a whole appeal text
    // against 24, for Recall@5 0.918 instead of 0.927 on the citizen queries).
    Xapian::Query q(Xapian::Query::OP_ELITE_SET, parts.begin(), parts.end(), kEliteTerms);
    if (query.public_only) q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(kPublicTerm));
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.6, 0.5));
    if (query.min_percent > 0) enquire.set_cutoff(std::min(query.min_percent, 100));
    // Ask for extra results: entries outside their validity dates are dropped below.
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(query.limit * 3 + 10));
    for (auto it = mset.begin(); it != mset.end() && static_cast<int>(hits.size()) < query.limit; ++it) {
      const std::string id = it.get_document().get_data();
      auto entry = impl_->entries.find(id);
      if (entry == impl_->entries.end()) continue;
      if (!query.today.empty() && !KbEntryValidOn(entry->second, query.today)) continue;
      KbHit hit;
      hit.id = id;
      hit.score = it.get_weight();
      if (!query.category.empty() && entry->second.category.rfind(query.category.substr(0, 4), 0) == 0)
        hit.score *= 1.2;
      if (query.highlight) {
        const unsigned flags = Xapian::MSet::SNIPPET_CJK_NGRAM | Xapian::MSet::SNIPPET_EXHAUSTIVE;
        hit.question_highlight =
            mset.snippet(entry->second.question, 400, Xapian::Stem(), flags, "<em>", "</em>", "…");
        hit.answer_snippet = mset.snippet(entry->second.answer, 240, Xapian::Stem(),
                                          Xapian::MSet::SNIPPET_CJK_NGRAM, "<em>", "</em>", "…");
      }
      hits.push_back(std::move(hit));
    }
  } catch (const Xapian::Error& e) {
    return Status::Internal("knowledge search failed: " + e.get_description());
  }
  std::stable_sort(hits.begin(), hits.end(), [](const KbHit& a, const KbHit& b) { return a.score > b.score; });
  return hits;
}

}  // namespace hotline::triage

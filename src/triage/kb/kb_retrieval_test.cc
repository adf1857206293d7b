// Retrieval quality of the knowledge base on the test set in data/kb_eval/:
// queries written as citizens say them, each with the entry that answers it.
// Targets (issue 4): Recall@5 >= 0.9 and MRR@10 >= 0.75.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/csv_reader.h"
#include "app/reference_files.h"
#include "triage/kb/knowledge_index.h"

namespace hotline::triage {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(KbRetrieval, RecallAndMrrOnCitizenQueries) {
  const std::string dir = app::DataDir();
  auto entries = app::LoadKbFile(dir + "/demo/kb.tsv");
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  KnowledgeIndex index;
  ASSERT_TRUE(index.LoadSynonyms(ReadAll(dir + "/kb/synonyms.txt")).ok());
  for (const KbEntry& e : *entries) index.Upsert(e);
  auto queries = app::CsvTable::ReadFile(dir + "/kb_eval/queries.tsv", '\t');
  ASSERT_TRUE(queries.ok()) << queries.status().ToString();
  ASSERT_GE(queries->size(), 200u);

  int hit5 = 0;
  double mrr = 0;
  std::vector<std::string> misses;
  for (std::size_t i = 0; i < queries->size(); ++i) {
    KbQuery q;
    q.text = queries->Get(i, "query");
    q.limit = 10;
    auto hits = index.Search(q);
    ASSERT_TRUE(hits.ok());
    const std::string& want = queries->Get(i, "answer_id");
    for (std::size_t rank = 0; rank < hits->size(); ++rank) {
      if ((*hits)[rank].id != want) continue;
      if (rank < 5) ++hit5;
      mrr += 1.0 / static_cast<double>(rank + 1);
      break;
    }
    if (hits->empty() || (*hits)[0].id != want) misses.push_back(q.text + " -> " + want);
  }
  const double n = static_cast<double>(queries->size());
  const double recall5 = hit5 / n;
  mrr /= n;
  std::printf("KB retrieval: %zu queries, %zu entries, Recall@5 = %.3f, MRR@10 = %.3f\n", queries->size(),
              entries->size(), recall5, mrr);
  for (std::size_t i = 0; i < std::min<std::size_t>(misses.size(), 15); ++i)
    std::printf("  top-1 miss: %s\n", misses[i].c_str());
  EXPECT_GE(recall5, 0.9);
  EXPECT_GE(mrr, 0.75);
}

}  // namespace
}  // namespace hotline::triage

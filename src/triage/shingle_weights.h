// How much a text shingle counts in duplicate detection (issue 12): its
// inverse document frequency over the appeals seen, so that boilerplate — the
// bigrams of a form letter's template ("请A市加快…力度"), of greetings and of the
// words every appeal uses (小区, 我们, 希望) — weighs less than the words that
// say what and where the problem is.
//
// A table of document frequencies: AddDocument() counts each distinct shingle
// of one appeal once (online: the server adds every appeal as it arrives;
// `hotline dedupe` counts its whole input first). The weight of a shingle in
// a table of N documents, where df documents contain it, is
//
//   w = clamp(ln((N + 1) / (df + 1)) / ln(1 / rare_ratio), min_weight, 1)
//
// so a shingle in at most a share `rare_ratio` of the documents weighs 1 (as
// in plain Jaccard), one in every document weighs `min_weight`, and the log
// scale in between. Only ratios of weights matter to the weighted Jaccard
// similarity, and shingles rarer than rare_ratio all weigh 1, so the weights
// of the informative shingles do not drift as the table grows; those of the
// common ones change with their share, which is stable once the table holds
// a few thousand appeals. Below `min_documents` every weight is 1.
//
// Memory: lossy counting (Manku and Motwani, 2002). Every `prune_every`
// documents, the entries that may have been seen at most once per
// `prune_every` documents since they entered are dropped, so the table keeps
// the shingles that matter (those at or near rare_ratio, as long as
// 1 / prune_every is well below it) and forgets the one-off ones (a misspelt
// name, a phone number) that would otherwise grow it with every appeal. A
// count is then short by at most documents / prune_every; a dropped shingle
// counts as unseen (weight 1, as it would have anyway).
// Not thread-safe for AddDocument(); Weight() is const.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>

namespace hotline::triage {

struct ShingleWeightOptions {
  double rare_ratio = 0.01;
  double min_weight = 0.02;
  std::uint32_t min_documents = 100;
  std::uint32_t prune_every = 10000;  // documents per lossy-counting bucket (0: never prune)
};

class ShingleWeights {
 public:
  explicit ShingleWeights(const ShingleWeightOptions& options = {});

  // `shingles` sorted and unique (TextShingles gives them so).
  void AddDocument(std::span<const std::uint64_t> shingles);

  double Weight(std::uint64_t shingle) const;
  std::uint32_t DocumentFrequency(std::uint64_t shingle) const;
  std::uint64_t documents() const { return documents_; }
  std::size_t distinct() const { return df_.size(); }
  const ShingleWeightOptions& options() const { return options_; }

  // Bytes held (hash-map nodes and buckets, estimated).
  std::size_t MemoryBytes() const;

 private:
  ShingleWeightOptions options_;
  double inv_log_rare_ = 0;
  std::uint64_t documents_ = 0;
  struct Entry {
    std::uint32_t count;
    std::uint32_t delta;  // the largest count it may have had before it entered
  };
  std::unordered_map<std::uint64_t, Entry> df_;
};

}  // namespace hotline::triage

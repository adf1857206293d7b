#include "triage/duplicate_groups.h"

#include <algorithm>
#include <numeric>

#include "triage/duplicate_index.h"

namespace hotline::triage {
namespace {

std::size_t Find(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

}  // namespace

ShingleWeights CorpusWeights(const std::vector<DedupeAppeal>& appeals, const DedupeOptions& options) {
  const Fingerprinter fp(options);
  ShingleWeights w(fp.weight_options());
  for (const auto& a : appeals) w.AddDocument(TextShingles(a.text, options.shingle_size, options.max_units));
  return w;
}

std::vector<std::size_t> GroupDuplicates(const std::vector<DedupeAppeal>& appeals, const DedupeOptions& options) {
  const std::size_t n = appeals.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return appeals[a].time < appeals[b].time; });
  // rank[i]: place of input i in time order; the earliest member has the smallest rank.
  std::vector<std::size_t> rank(n);
  for (std::size_t r = 0; r < n; ++r) rank[order[r]] = r;

  std::vector<std::size_t> parent(n), size(n, 1);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  DuplicateIndex index(options);
  const Fingerprinter& fp = index.fingerprinter();
  std::vector<Fingerprint> prints(n);
  for (std::size_t i = 0; i < n; ++i) prints[i] = fp.Make(appeals[i]);
  if (options.idf_weighting) {
    for (const auto& f : prints) index.weights().AddDocument(f.shingles);
    index.set_learn_weights(false);
    for (auto& f : prints) fp.Sign(f, &index.weights());
  }
  for (std::size_t i : order) {
    Fingerprint f = std::move(prints[i]);
    f.shingles = {};
    // The groups this appeal has pairs with, and how many of their members it pairs with.
    std::vector<std::pair<std::size_t, int>> links;  // root, pairs
    for (const auto& c : index.Query(f, options.threshold, n)) {
      // Positions count additions, which follow `order`.
      const std::size_t root = Find(parent, order[c.position]);
      auto it = std::find_if(links.begin(), links.end(), [root](const auto& l) { return l.first == root; });
      if (it == links.end()) links.push_back({root, 1});
      else ++it->second;
    }
    for (const auto& [root, pairs] : links) {
      const int needed = size[root] >= 3 ? std::min<int>(options.group_min_links, static_cast<int>(size[root])) : 1;
      if (pairs < needed) continue;
      std::size_t a = Find(parent, i), b = Find(parent, root);
      if (a == b) continue;
      if (rank[b] < rank[a]) std::swap(a, b);
      parent[b] = a;  // the root is always the earliest member
      size[a] += size[b];
    }
    index.Add(appeals[i].id, f);
  }
  std::vector<std::size_t> group(n);
  for (std::size_t i = 0; i < n; ++i) group[i] = Find(parent, i);
  return group;
}

}  // namespace hotline::triage

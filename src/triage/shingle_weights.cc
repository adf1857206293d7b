#include "triage/shingle_weights.h"

#include <algorithm>
#include <cmath>

namespace hotline::triage {

ShingleWeights::ShingleWeights(const ShingleWeightOptions& options) : options_(options) {
  const double r = std::clamp(options_.rare_ratio, 1e-9, 0.999);
  inv_log_rare_ = 1.0 / std::log(1.0 / r);
}

void ShingleWeights::AddDocument(std::span<const std::uint64_t> shingles) {
  ++documents_;
  const std::uint64_t every = options_.prune_every;
  const auto bucket = static_cast<std::uint32_t>(every ? (documents_ + every - 1) / every : 1);
  for (std::uint64_t s : shingles) {
    auto [it, inserted] = df_.try_emplace(s, Entry{0, bucket - 1});
    ++it->second.count;
  }
  if (every && documents_ % every == 0)
    std::erase_if(df_, [bucket](const auto& kv) { return kv.second.count + kv.second.delta <= bucket; });
}

std::uint32_t ShingleWeights::DocumentFrequency(std::uint64_t shingle) const {
  auto it = df_.find(shingle);
  return it == df_.end() ? 0 : it->second.count;
}

double ShingleWeights::Weight(std::uint64_t shingle) const {
  if (documents_ < options_.min_documents) return 1.0;
  const double df = DocumentFrequency(shingle);
  const double n = static_cast<double>(documents_);
  if (df <= options_.rare_ratio * n) return 1.0;
  const double w = std::log((n + 1) / (df + 1)) * inv_log_rare_;
  return std::clamp(w, options_.min_weight, 1.0);
}

std::size_t ShingleWeights::MemoryBytes() const {
  return df_.size() * (sizeof(std::uint64_t) + sizeof(Entry) + sizeof(void*) * 2) + df_.bucket_count() * sizeof(void*);
}

}  // namespace hotline::triage

#include "triage/feature_space.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "triage/binary_io.h"

namespace hotline::triage {

FeatureSpace FeatureSpace::Build(const std::vector<std::vector<std::string>>& labelled,
                                 const std::vector<std::vector<std::string>>& extra, int min_df) {
  std::unordered_map<std::string, int> df;
  for (const auto& doc : labelled) {
    std::unordered_set<std::string_view> seen(doc.begin(), doc.end());
    for (std::string_view f : seen) ++df[std::string(f)];
  }
  // Deterministic indices: sorted feature strings.
  std::vector<std::string> kept;
  for (const auto& [f, n] : df)
    if (n >= min_df) kept.push_back(f);
  std::sort(kept.begin(), kept.end());
  FeatureSpace fs;
  fs.index_.reserve(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) fs.index_.emplace(kept[i], static_cast<int32_t>(i));
  std::vector<int> all_df(kept.size(), 0);
  auto count = [&](const std::vector<std::vector<std::string>>& docs) {
    for (const auto& doc : docs) {
      std::unordered_set<int32_t> seen;
      for (const auto& f : doc)
        if (auto it = fs.index_.find(f); it != fs.index_.end()) seen.insert(it->second);
      for (int32_t i : seen) ++all_df[i];
    }
  };
  count(labelled);
  count(extra);
  const double n = static_cast<double>(labelled.size() + extra.size());
  fs.idf_.resize(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i)
    fs.idf_[i] = static_cast<float>(std::log((1.0 + n) / (1.0 + all_df[i])) + 1.0);
  return fs;
}

SparseVector FeatureSpace::Vectorize(const std::vector<std::string>& features) const {
  // Known feature indices, sorted, then counted in runs (cheaper than a hash map of counts).
  std::vector<int32_t> ids;
  ids.reserve(features.size());
  for (const auto& f : features)
    if (auto it = index_.find(f); it != index_.end()) ids.push_back(it->second);
  std::sort(ids.begin(), ids.end());
  SparseVector v;
  v.entries.reserve(ids.size());
  double norm = 0;
  for (std::size_t a = 0; a < ids.size();) {
    std::size_t b = a + 1;
    while (b < ids.size() && ids[b] == ids[a]) ++b;
    const int32_t i = ids[a];
    const float w = static_cast<float>((1.0 + std::log(static_cast<double>(b - a))) * idf_[i]);
    v.entries.emplace_back(i, w);
    norm += static_cast<double>(w) * w;
    a = b;
  }
  if (norm > 0) {
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& e : v.entries) e.second *= inv;
  }
  return v;
}

void FeatureSpace::Reweight(const std::vector<float>& factor) {
  for (std::size_t i = 0; i < idf_.size() && i < factor.size(); ++i)
    if (std::isfinite(factor[i]) && factor[i] > 0) idf_[i] *= factor[i];
}

void FeatureSpace::Serialize(std::string& out) const {
  std::vector<const std::string*> by_index(idf_.size());
  for (const auto& [f, i] : index_) by_index[i] = &f;
  ByteWriter w;
  w.Put<uint64_t>(idf_.size());
  for (std::size_t i = 0; i < idf_.size(); ++i) {
    w.PutString(*by_index[i]);
    w.Put<float>(idf_[i]);
  }
  out += w.bytes();
}

Result<FeatureSpace> FeatureSpace::Deserialize(std::string_view in) {
  ByteReader r(in, "feature space");
  uint64_t n = 0;
  HOTLINE_RETURN_IF_ERROR(r.Get(n));
  if (n > in.size() / 8) return r.Corrupt("implausible feature count " + std::to_string(n));
  FeatureSpace fs;
  fs.idf_.resize(n);
  fs.index_.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    std::string f;
    HOTLINE_RETURN_IF_ERROR(r.GetString(f));
    HOTLINE_RETURN_IF_ERROR(r.Get(fs.idf_[i]));
    if (!std::isfinite(fs.idf_[i])) return r.Corrupt("non-finite idf");
    if (!fs.index_.emplace(std::move(f), static_cast<int32_t>(i)).second) return r.Corrupt("duplicate feature");
  }
  if (!r.AtEnd()) return r.Corrupt("trailing bytes");
  return fs;
}

}  // namespace hotline::triage

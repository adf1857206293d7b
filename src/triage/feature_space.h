// FeatureSpace: the vocabulary of a linear text model and the weighting of its
// features. Built from documents (each a list of feature strings, see
// text/features.h): a feature is kept when it occurs in at least `min_df`
// documents of the labelled set; its idf comes from all documents given
// (labelled and unlabelled), so unlabelled text sharpens the weights.
// Vectorize() gives sublinear tf × idf, L2-normalised; unknown features are
// ignored. Immutable after Build(); safe to use from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/status.h"

namespace hotline::triage {

struct SparseVector {
  std::vector<std::pair<int32_t, float>> entries;  // (feature index, value), sorted by index
};

class FeatureSpace {
 public:
  // `labelled` choose the vocabulary; idf counts `labelled` and `extra` together.
  static FeatureSpace Build(const std::vector<std::vector<std::string>>& labelled,
                            const std::vector<std::vector<std::string>>& extra, int min_df);

  SparseVector Vectorize(const std::vector<std::string>& features) const;
  std::size_t size() const { return idf_.size(); }
  // Multiplies each feature's idf by factor[i] (positive, finite; size() values),
  // e.g. supervised term weights (naive_bayes.h).
  void Reweight(const std::vector<float>& factor);

  void Serialize(std::string& out) const;
  static Result<FeatureSpace> Deserialize(std::string_view in);

 private:
  std::unordered_map<std::string, int32_t> index_;
  std::vector<float> idf_;
};

}  // namespace hotline::triage

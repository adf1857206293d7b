// FastTextModel: a supervised fastText classifier (libfasttext) trained
// in-process on documents given as lists of feature tokens. fastText reads its
// training data from a file, so Train() writes one in a private temporary
// directory and removes it. fastText's exceptions never leave this class:
// they become a Status. Predict() is const and thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace fasttext {
class FastText;
}

namespace hotline::triage {

struct FastTextOptions {
  int dim = 20;
  int epoch = 20;
  double lr = 0.5;
  int word_ngrams = 1;    // fastText's own n-grams over the tokens (hashed into `bucket` rows)
  int bucket = 0;         // 0 unless word_ngrams > 1
  int min_count = 1;
  int threads = 1;        // 1 makes training reproducible for a given seed
  int seed = 1;
  std::string pretrained_vectors;  // optional: the text of a .vec file with `dim` columns (PretrainVectors)
};

class FastTextModel {
 public:
  FastTextModel();
  ~FastTextModel();
  FastTextModel(FastTextModel&&) noexcept;
  FastTextModel& operator=(FastTextModel&&) noexcept;

  // `labels[i]` is the class index of `docs[i]`, in [0, num_classes).
  static Result<FastTextModel> Train(const std::vector<std::vector<std::string>>& docs,
                                     const std::vector<int>& labels, int num_classes,
                                     const FastTextOptions& options);

  // Class probabilities (num_classes values) for a document.
  std::vector<double> Probabilities(const std::vector<std::string>& tokens) const;

  // The model in fastText's own .bin format.
  Result<std::string> Serialize() const;
  static Result<FastTextModel> Deserialize(std::string_view bytes, int num_classes);

  // Trains word vectors (skipgram, options.dim wide) on unlabelled documents and
  // returns them in .vec text form, for FastTextOptions::pretrained_vectors.
  static Result<std::string> PretrainVectors(const std::vector<std::vector<std::string>>& docs,
                                             const FastTextOptions& options);

 private:
  std::shared_ptr<fasttext::FastText> ft_;
  std::vector<int> class_of_label_;  // fastText label id → our class index
  int num_classes_ = 0;
};

}  // namespace hotline::triage

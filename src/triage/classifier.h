// Classifier: the appeal category classifier (分类) used at intake and by
// `hotline classify`. An ensemble of two learners over the same features of the
// normalised text (text/normalize.h, text/features.h: character 1–3-grams and
// ICU words):
//   - a multinomial logistic regression over TF-IDF features (linear_model.h);
//   - a fastText supervised model (fasttext_model.h);
// whose class probabilities are averaged with a fixed weight. Training can use
// more than the labelled texts: short "hint" texts (the names in the category
// tree, labelled with their category) and unlabelled texts, which give the
// TF-IDF weights and, through self-training, confident pseudo-labelled examples.
//
// Labels are whatever the training data gives (level-1 names, taxonomy codes).
// A trained classifier is immutable; Predict() is const and thread-safe.
// Errors (bad data, missing or corrupt model file) come back as a Status naming
// the problem; no exception leaves this class.
//
// Model file: see model_file.h. Sections "features" (feature_space.h),
// "linear" (linear_model.h) and "fasttext" (fastText .bin), and metadata with
// the labels, feature options and ensemble weights.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "text/features.h"
#include "triage/fasttext_model.h"

namespace hotline::triage {

struct LabelledText {
  std::string text;
  std::string label;
};

struct Prediction {
  std::string category;
  double confidence = 0;  // the class probability, in [0, 1]
};

struct TrainOptions {
  text::FeatureOptions features;

  bool use_linear = true;
  int min_df = 2;        // a feature must occur in this many training texts
  double l2 = 3e-4;      // L2 penalty of the logistic regression
  // Example weights (n / (C n_c))^class_balance: 0 weighs every text alike, 1
  // gives every class the same total weight, so rare classes are not swallowed.
  double class_balance = 0.0;

  bool use_fasttext = true;
  FastTextOptions fasttext;
  bool pretrain_vectors = false;  // fastText word vectors pretrained on the unlabelled texts
  double fasttext_weight = 0.5;   // share of fastText in the averaged probabilities

  std::vector<LabelledText> hints;  // kept only where the label occurs in the data
  double hint_weight = 0.5;         // example weight of a hint in the logistic regression

  std::vector<std::string> unlabelled;
  int self_training_rounds = 1;   // 0: unlabelled texts only shape the TF-IDF weights
  double pseudo_threshold = 0.9;  // minimum ensemble confidence for a pseudo-label
  double pseudo_weight = 0.5;     // example weight of a pseudo-labelled text
  double pseudo_ratio = 1.0;      // per class, at most this many pseudo-labels per labelled text (0: no cap)

  std::function<void(const std::string&)> log;  // progress, optional
};

class Classifier {
 public:
  Classifier();
  ~Classifier();
  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;

  // Trains from labelled texts (at least two distinct labels).
  static Result<Classifier> Train(const std::vector<LabelledText>& data, const TrainOptions& options);
  // Trains and saves to `out_path`.
  static Status TrainToFile(const std::vector<LabelledText>& data, const TrainOptions& options,
                            const std::string& out_path);

  // Features of already normalised text, as the classifier sees them.
  static std::vector<std::string> Featurize(std::string_view text, const text::FeatureOptions& options);

  // The same, on texts already featurised (Featurize on NormalizeText output);
  // lets cross-validation featurise once. `unlabelled` replaces options.unlabelled
  // and `hints` options.hints.
  static Result<Classifier> TrainFeaturized(const std::vector<std::vector<std::string>>& docs,
                                            const std::vector<std::string>& labels,
                                            const std::vector<std::vector<std::string>>& hint_docs,
                                            const std::vector<std::string>& hint_labels,
                                            const std::vector<std::vector<std::string>>& unlabelled,
                                            const TrainOptions& options);

  static Result<Classifier> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // The k most probable categories, most probable first (k is clamped to
  // [1, number of labels]). Any text is accepted, including empty text, very
  // long text and text in other scripts; empty text gets the training prior.
  std::vector<Prediction> Predict(std::string_view text, int k) const;
  // Probabilities of every label (in labels() order) for featurised text.
  std::vector<double> PredictFeaturized(const std::vector<std::string>& features) const;

  const std::vector<std::string>& labels() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace hotline::triage

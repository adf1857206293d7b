// Classifier: the appeal category classifier (分类) used at intake and by
// `hotline classify`. Over features of the normalised text (text/normalize.h,
// text/features.h: character 1–3-grams and ICU words) it runs
//   - a multinomial logistic regression over TF-IDF features (linear_model.h)
//     whose idf is scaled by supervised term weights (naive_bayes.h), with
//     class-balanced example weights, optionally with naive Bayes added to
//     its logits,
//   - optionally a fastText supervised model (fasttext_model.h),
// and averages their class probabilities with a fixed weight. Training can use
// more than the labelled texts: short "hint" texts (the names in the category
// tree, labelled with their category) and, when enabled, unlabelled texts,
// which sharpen the TF-IDF weights and, through class-balanced self-training,
// add confident pseudo-labelled examples; an unlabelled text's context (the
// official reply) helps choose its pseudo-label. docs/TRIAGE.md has the
// measurements (by default unlabelled texts are not used: they did not help).
//
// Labels are whatever the training data gives (level-1 names, taxonomy codes).
// A trained classifier is immutable; Predict() is const and thread-safe.
// Errors (bad data, missing or corrupt model file) come back as a Status naming
// the problem; no exception leaves this class.
//
// Model file: see model_file.h. Sections "features" (feature_space.h),
// "linear" (linear_model.h) and "fasttext" (fastText .bin), present for the
// learners used, and metadata with the labels, feature options, ensemble
// weight and what the model was trained on.
#pragma once

#include <functional>
#include <memory>
#include <stop_token>
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

// A text without a label, for semi-supervised training. `context` is optional
// text about it that will not be there at prediction time (e.g. the official
// reply to a message): it helps choose the pseudo-label, and only `text` is
// learned from.
struct UnlabelledText {
  std::string text;
  std::string context;
  UnlabelledText(std::string t, std::string c = {}) : text(std::move(t)), context(std::move(c)) {}  // NOLINT
  UnlabelledText(const char* t) : text(t) {}                                                          // NOLINT
};

struct Prediction {
  std::string category;
  double confidence = 0;  // the class probability, in [0, 1]
};

// Defaults are the configuration measured best in docs/TRIAGE.md.
struct TrainOptions {
  text::FeatureOptions features;

  bool use_linear = true;
  int min_df = 2;        // a feature must occur in this many training texts
  double l2 = 1e-5;      // L2 penalty of the logistic regression
  // Example weights (n / (C n_c))^class_balance: 0 weighs every text alike, 1
  // gives every class the same total weight, so rare classes are not swallowed.
  double class_balance = 1.0;

  // Supervised term weighting: each feature's idf is multiplied by
  // (KL + 0.01)^term_weight_power, KL being how far the class distribution of
  // the training texts holding it is from the class prior (naive_bayes.h), so
  // features that point to a class are penalised less. 0: off.
  double term_weight_power = 0.5;
  bool term_weight_pseudo = false;  // count pseudo-labelled texts in the term weights too
  // Naive Bayes over the same vectors, its class scores added to the
  // regression's logits with this weight (a product of experts folded into one
  // linear model, so prediction costs the same). 0: off.
  double nb_weight = 0.0;
  bool nb_complement = true;
  double nb_alpha = 0.1;

  // fastText adds nothing measurable to the ensemble on the Teddy Cup data and
  // makes the model file far larger, so it is off unless asked for.
  bool use_fasttext = false;
  FastTextOptions fasttext;
  double fasttext_weight = 0.3;   // share of fastText in the averaged probabilities

  std::vector<LabelledText> hints;  // kept only where the label occurs in the data
  double hint_weight = 1.0;         // example weight of a hint in the logistic regression

  std::vector<UnlabelledText> unlabelled;
  // With the term weighting above, neither use of unlabelled texts helped in
  // cross-validation (docs/TRIAGE.md), so both are off by default and
  // unlabelled texts are then not even featurised.
  bool unlabelled_idf = false;    // unlabelled texts count in the idf
  int self_training_rounds = 0;   // rounds of self-training on the unlabelled texts
  double pseudo_threshold = 0.5;  // minimum ensemble confidence for a pseudo-label
  double pseudo_weight = 0.5;     // example weight of a pseudo-labelled text
  double pseudo_ratio = 1.0;      // per class, at most this many pseudo-labels per labelled text (0: no cap)

  std::function<void(const std::string&)> log;  // progress, optional

  // Cancels training: once a stop is requested, Train and TrainFeaturized
  // return Unavailable "cancelled" promptly (the token is checked per text
  // while featurising and vectorising and per L-BFGS step; a fastText run,
  // when enabled, is not interrupted).
  std::stop_token stop;
};

// Training texts normalised and featurised (Classifier::Featurize of
// NormalizeText), so that cross-validation and experiments featurise once.
struct FeaturizedCorpus {
  std::vector<std::vector<std::string>> docs;
  std::vector<std::string> labels;
  std::vector<std::vector<std::string>> hint_docs;
  std::vector<std::string> hint_labels;
  std::vector<std::vector<std::string>> unlabelled;
  // Empty, or one per unlabelled text: the features of text and context together.
  std::vector<std::vector<std::string>> unlabelled_context;

  // From labelled data and the options' hints and unlabelled texts. Unlabelled
  // texts that repeat a labelled text or an earlier unlabelled one are dropped:
  // in cross-validation they would carry a held-out text into training.
  // When options.stop is requested it returns early with part of the texts.
  static FeaturizedCorpus Make(const std::vector<LabelledText>& data, const TrainOptions& options);
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

  // The same, on a featurised corpus (its hints and unlabelled texts replace the options').
  static Result<Classifier> TrainFeaturized(const FeaturizedCorpus& corpus, const TrainOptions& options);

  static Result<Classifier> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // The k most probable categories, most probable first (k is clamped to
  // [1, number of labels]). Any text is accepted, including empty text, very
  // long text and text in other scripts; empty text gets the training prior.
  std::vector<Prediction> Predict(std::string_view text, int k) const;
  // The same for text already passed through text::NormalizeText (the intake
  // assistant normalises once for every part of the triage).
  std::vector<Prediction> PredictNormalized(std::string_view normalized_text, int k) const;
  // Probabilities of every label (in labels() order) for featurised text.
  std::vector<double> PredictFeaturized(const std::vector<std::string>& features) const;

  const std::vector<std::string>& labels() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace hotline::triage

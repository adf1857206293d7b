// Stratified k-fold cross-validation of the category classifier.
//
// StratifiedFolds() deals the texts of each label, in a seeded random order,
// round-robin over k folds, so every fold has each label in proportion.
// CrossValidate() trains on k-1 folds (plus the options' hints and unlabelled
// texts, which carry no labels of the held-out fold) and predicts the
// held-out fold, k times; the report covers every text once. Texts are
// normalised and featurised once, not once per fold.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/status.h"
#include "triage/classifier.h"
#include "triage/metrics.h"

namespace hotline::triage {

std::vector<int> StratifiedFolds(const std::vector<std::string>& labels, int k, uint32_t seed);

struct CrossValidationResult {
  ClassificationReport report;
  std::vector<ClassificationReport> folds;
  // Per text, in the data's order: the held-out prediction (indices into
  // report.labels, -1 for a label the fold's model lacked), the truth and the
  // predicted class's probability — for confidence floors (calibration).
  std::vector<int> truth, predicted;
  std::vector<double> top_confidence;
};

Result<CrossValidationResult> CrossValidate(const std::vector<LabelledText>& data, const TrainOptions& options,
                                            int k, uint32_t seed = 1);

// The same on a featurised corpus; lets callers compare many options over one
// featurisation. The corpus's hints and unlabelled texts replace the options'.
Result<CrossValidationResult> CrossValidateFeaturized(const FeaturizedCorpus& corpus, const TrainOptions& options,
                                                      int k, uint32_t seed = 1);

}  // namespace hotline::triage

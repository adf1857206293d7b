#include "triage/cross_validation.h"

#include <algorithm>
#include <map>
#include <random>

namespace hotline::triage {

std::vector<int> StratifiedFolds(const std::vector<std::string>& labels, int k, uint32_t seed) {
  std::map<std::string, std::vector<std::size_t>> by_label;
  for (std::size_t i = 0; i < labels.size(); ++i) by_label[labels[i]].push_back(i);
  std::vector<int> fold(labels.size(), 0);
  std::mt19937 rng(seed);
  int next = 0;  // continue the round-robin across labels so fold sizes stay even
  for (auto& [label, members] : by_label) {
    std::shuffle(members.begin(), members.end(), rng);
    for (std::size_t i : members) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

Result<CrossValidationResult> CrossValidateFeaturized(const FeaturizedCorpus& corpus, const TrainOptions& options,
                                                      int k, uint32_t seed) {
  const auto& docs = corpus.docs;
  const auto& labels = corpus.labels;
  if (k < 2) return Status::InvalidArgument("cv", "cross-validation needs at least 2 folds");
  if (docs.size() != labels.size()) return Status::InvalidArgument("data", "texts and labels differ in number");
  if (docs.size() < static_cast<std::size_t>(k))
    return Status::InvalidArgument("cv", "fewer texts than folds");
  std::vector<std::string> names = labels;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < names.size(); ++i) index[names[i]] = static_cast<int>(i);

  const std::vector<int> fold = StratifiedFolds(labels, k, seed);
  std::vector<int> truth(docs.size()), predicted(docs.size(), -1);
  std::vector<double> top_confidence(docs.size(), 0);
  CrossValidationResult result;
  for (int f = 0; f < k; ++f) {
    FeaturizedCorpus train;
    train.hint_docs = corpus.hint_docs;
    train.hint_labels = corpus.hint_labels;
    train.unlabelled = corpus.unlabelled;
    train.unlabelled_context = corpus.unlabelled_context;
    std::vector<std::size_t> test;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (fold[i] == f) {
        test.push_back(i);
      } else {
        train.docs.push_back(docs[i]);
        train.labels.push_back(labels[i]);
      }
    }
    TrainOptions o = options;
    if (o.log) o.log("fold " + std::to_string(f + 1) + "/" + std::to_string(k));
    HOTLINE_ASSIGN_OR_RETURN(auto model, Classifier::TrainFeaturized(train, o));
    // Map the fold model's labels (a label may be missing from a small fold) to ours.
    std::vector<int> to_ours;
    for (const auto& l : model.labels()) to_ours.push_back(index.count(l) ? index[l] : -1);
    std::vector<int> fold_truth, fold_pred;
    for (std::size_t i : test) {
      const auto p = model.PredictFeaturized(docs[i]);
      const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
      truth[i] = index[labels[i]];
      predicted[i] = to_ours[best];
      top_confidence[i] = p[best];
      fold_truth.push_back(truth[i]);
      fold_pred.push_back(predicted[i]);
    }
    result.folds.push_back(Evaluate(names, fold_truth, fold_pred));
  }
  result.report = Evaluate(names, truth, predicted);
  result.truth = std::move(truth);
  result.predicted = std::move(predicted);
  result.top_confidence = std::move(top_confidence);
  return result;
}

Result<CrossValidationResult> CrossValidate(const std::vector<LabelledText>& data, const TrainOptions& options,
                                            int k, uint32_t seed) {
  return CrossValidateFeaturized(FeaturizedCorpus::Make(data, options), options, k, seed);
}

}  // namespace hotline::triage

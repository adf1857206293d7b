// LinearModel: multinomial logistic regression (softmax) over TF-IDF features
// (feature_space.h), fitted by L-BFGS with an L2 penalty. Examples carry a
// target distribution (a one-hot label, or soft pseudo-labels from
// self-training) and a weight. Predictions are class probabilities.
// Immutable after Train(); Probabilities() is safe to call from many threads.
#pragma once

#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "triage/feature_space.h"

namespace hotline::triage {

struct LinearExample {
  SparseVector x;
  std::vector<float> target;  // one value per class, summing to 1
  float weight = 1.0f;
};

struct LinearOptions {
  double l2 = 1e-4;          // penalty on the weights (not the biases), per unit of example weight
  int max_iterations = 300;
  // A stop request ends the fit early: the model returned is then unfinished,
  // and the caller, who holds the token, should discard it.
  std::stop_token stop;
};

class LinearModel {
 public:
  LinearModel() = default;
  static LinearModel Train(const std::vector<LinearExample>& examples, int num_classes, std::size_t dim,
                           const LinearOptions& options);

  // A model with the given weights (dim rows of num_classes values) and biases.
  static LinearModel FromWeights(int num_classes, std::size_t dim, std::vector<float> weights,
                                 std::vector<float> bias);
  // The model whose logits are a's plus `b_weight` times b's (same shape): a
  // product of experts that costs one model at prediction time.
  static LinearModel Combine(const LinearModel& a, const LinearModel& b, double b_weight);

  // Class probabilities for `x` (num_classes values summing to 1).
  std::vector<double> Probabilities(const SparseVector& x) const;
  // The logits (unnormalised log-probabilities).
  std::vector<double> Logits(const SparseVector& x) const;
  std::size_t dim() const { return dim_; }
  int num_classes() const { return classes_; }

  void Serialize(std::string& out) const;
  static Result<LinearModel> Deserialize(std::string_view in);

 private:
  int classes_ = 0;
  std::size_t dim_ = 0;
  std::vector<float> weights_;  // dim_ rows of classes_ values
  std::vector<float> bias_;
};

}  // namespace hotline::triage

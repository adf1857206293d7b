// Naive-Bayes statistics for the category classifier, over the same sparse
// TF-IDF vectors as the logistic regression (feature_space.h, linear_model.h):
//
//  - SupervisedTermWeights(): one factor per feature from how unevenly the
//    feature is spread over the classes (the Kullback–Leibler divergence of
//    the smoothed class distribution of the texts holding it from the class
//    prior), raised to a power. Folded into the idf, it lets features that
//    point to a class weigh more than features every class uses, which the
//    L2-penalised regression would otherwise shrink alike.
//  - TrainNaiveBayes(): a multinomial or complement naive Bayes (Rennie et
//    al.'s "transformed weight-normalised" variant when complement) whose
//    class scores can be added to the regression's logits (a product of
//    experts, LinearModel::Combine).
//
// Examples carry one-hot or soft targets and weights, as for LinearModel.
#pragma once

#include <vector>

#include "triage/feature_space.h"
#include "triage/linear_model.h"

namespace hotline::triage {

// Per-feature factors (size dim) from the examples' feature presence and
// targets: (KL_j + floor)^power, scaled to mean 1 over the features present.
// `alpha` is the smoothing pseudo-count.
std::vector<float> SupervisedTermWeights(const std::vector<LinearExample>& examples, int num_classes,
                                         std::size_t dim, double power, double alpha = 1.0,
                                         double floor = 0.01);

struct NaiveBayesOptions {
  bool complement = true;
  double alpha = 0.1;  // additive smoothing of the feature mass per class
};

// Trains naive Bayes and returns it as a linear model: its logits are the
// naive-Bayes class scores (log prior + sum of x_j log theta_cj for the
// multinomial model; minus the weight-normalised complement log-probabilities,
// times the dimension to keep them near unit scale, for the complement model),
// so LinearModel::Combine can add it to a logistic regression at no cost at
// prediction time.
LinearModel TrainNaiveBayes(const std::vector<LinearExample>& examples, int num_classes, std::size_t dim,
                            const NaiveBayesOptions& options);

}  // namespace hotline::triage

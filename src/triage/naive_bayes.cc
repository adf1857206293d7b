#include "triage/naive_bayes.h"

#include <algorithm>
#include <cmath>

namespace hotline::triage {

std::vector<float> SupervisedTermWeights(const std::vector<LinearExample>& examples, int num_classes,
                                         std::size_t dim, double power, double alpha, double floor) {
  const std::size_t C = static_cast<std::size_t>(num_classes);
  // n[j*C+c]: weighted number of texts of class c holding feature j; prior[c]: of class c.
  std::vector<double> n(dim * C, 0.0), prior(C, 0.0);
  double total = 0;
  for (const auto& e : examples) {
    for (std::size_t c = 0; c < C && c < e.target.size(); ++c) {
      const double m = static_cast<double>(e.weight) * e.target[c];
      if (m <= 0) continue;
      prior[c] += m;
      total += m;
      for (const auto& [j, v] : e.x.entries)
        if (j >= 0 && static_cast<std::size_t>(j) < dim) n[static_cast<std::size_t>(j) * C + c] += m;
    }
  }
  std::vector<float> factor(dim, 1.0f);
  if (total <= 0) return factor;
  for (double& p : prior) p /= total;
  double sum = 0;
  std::size_t present = 0;
  for (std::size_t j = 0; j < dim; ++j) {
    double nj = 0;
    for (std::size_t c = 0; c < C; ++c) nj += n[j * C + c];
    // Smoothed p(c | feature j) = (n_cj + alpha prior_c) / (n_j + alpha); KL from the prior.
    double kl = 0;
    for (std::size_t c = 0; c < C; ++c) {
      if (prior[c] <= 0) continue;
      const double p = (n[j * C + c] + alpha * prior[c]) / (nj + alpha);
      if (p > 0) kl += p * std::log(p / prior[c]);
    }
    factor[j] = static_cast<float>(std::pow(std::max(0.0, kl) + floor, power));
    if (nj > 0) {
      sum += factor[j];
      ++present;
    }
  }
  if (present > 0 && sum > 0) {
    const double scale = static_cast<double>(present) / sum;
    for (float& f : factor) f = static_cast<float>(f * scale);
  }
  return factor;
}

LinearModel TrainNaiveBayes(const std::vector<LinearExample>& examples, int num_classes, std::size_t dim,
                            const NaiveBayesOptions& options) {
  const std::size_t C = static_cast<std::size_t>(num_classes);
  // mass[j*C+c]: weighted feature mass of class c (complement: of every class but c).
  std::vector<double> mass(dim * C, 0.0), class_total(C, 0.0), prior(C, 0.0);
  for (const auto& e : examples) {
    for (std::size_t c = 0; c < C && c < e.target.size(); ++c) {
      const double t = options.complement ? 1.0 - e.target[c] : e.target[c];
      prior[c] += static_cast<double>(e.weight) * e.target[c];
      const double m = static_cast<double>(e.weight) * t;
      if (m <= 0) continue;
      for (const auto& [j, v] : e.x.entries) {
        if (j < 0 || static_cast<std::size_t>(j) >= dim) continue;
        mass[static_cast<std::size_t>(j) * C + c] += m * v;
        class_total[c] += m * v;
      }
    }
  }
  std::vector<float> weights(dim * C, 0.0f), bias(C, 0.0f);
  const double a = options.alpha, V = static_cast<double>(dim);
  double prior_total = 0;
  for (double p : prior) prior_total += p;
  for (std::size_t c = 0; c < C; ++c) {
    const double denom = a * V + class_total[c];
    if (denom <= 0) continue;
    double abs_sum = 0;
    std::vector<double> w(dim);
    for (std::size_t j = 0; j < dim; ++j) {
      w[j] = std::log((a + mass[j * C + c]) / denom);
      abs_sum += std::abs(w[j]);
    }
    if (options.complement) {
      // Weight normalisation (Rennie et al. 2003), rescaled by the dimension; a
      // high complement probability speaks against the class.
      const double k = abs_sum > 0 ? V / abs_sum : 0.0;
      for (std::size_t j = 0; j < dim; ++j) weights[j * C + c] = static_cast<float>(-w[j] * k);
    } else {
      for (std::size_t j = 0; j < dim; ++j) weights[j * C + c] = static_cast<float>(w[j]);
      bias[c] = static_cast<float>(prior_total > 0 && prior[c] > 0 ? std::log(prior[c] / prior_total) : -30.0);
    }
  }
  return LinearModel::FromWeights(num_classes, dim, std::move(weights), std::move(bias));
}

}  // namespace hotline::triage

#include "triage/linear_model.h"

#include <algorithm>
#include <cmath>

#include "triage/binary_io.h"
#include "triage/lbfgs.h"

namespace hotline::triage {
namespace {

// softmax in place; returns log-sum-exp.
double Softmax(std::vector<double>& s) {
  const double m = *std::max_element(s.begin(), s.end());
  double z = 0;
  for (double& v : s) z += (v = std::exp(v - m));
  for (double& v : s) v /= z;
  return m + std::log(z);
}

}  // namespace

LinearModel LinearModel::Train(const std::vector<LinearExample>& examples, int num_classes, std::size_t dim,
                               const LinearOptions& options) {
  const std::size_t C = static_cast<std::size_t>(num_classes);
  const std::size_t bias_at = dim * C;
  double total_weight = 0;
  for (const auto& e : examples) total_weight += e.weight;
  if (total_weight <= 0) total_weight = 1;
  Objective objective = [&](const std::vector<double>& w, std::vector<double>& grad) {
    std::fill(grad.begin(), grad.end(), 0.0);
    double loss = 0;
    std::vector<double> s(C);
    for (const auto& e : examples) {
      for (std::size_t c = 0; c < C; ++c) s[c] = w[bias_at + c];
      for (const auto& [j, v] : e.x.entries)
        for (std::size_t c = 0; c < C; ++c) s[c] += v * w[j * C + c];
      std::vector<double> scores = s;
      const double lse = Softmax(s);
      const double ew = e.weight / total_weight;
      for (std::size_t c = 0; c < C; ++c) {
        if (e.target[c] > 0) loss -= ew * e.target[c] * (scores[c] - lse);
        const double d = ew * (s[c] - e.target[c]);
        grad[bias_at + c] += d;
        for (const auto& [j, v] : e.x.entries) grad[j * C + c] += d * v;
      }
    }
    for (std::size_t i = 0; i < bias_at; ++i) {
      loss += 0.5 * options.l2 * w[i] * w[i];
      grad[i] += options.l2 * w[i];
    }
    return loss;
  };
  std::vector<double> w((dim + 1) * C, 0.0);
  LbfgsOptions lo;
  lo.max_iterations = options.max_iterations;
  lo.stop = options.stop;
  MinimizeLbfgs(objective, w, lo);
  LinearModel m;
  m.classes_ = num_classes;
  m.dim_ = dim;
  m.weights_.assign(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(bias_at));
  m.bias_.assign(w.begin() + static_cast<std::ptrdiff_t>(bias_at), w.end());
  return m;
}

LinearModel LinearModel::FromWeights(int num_classes, std::size_t dim, std::vector<float> weights,
                                     std::vector<float> bias) {
  LinearModel m;
  m.classes_ = num_classes;
  m.dim_ = dim;
  m.weights_ = std::move(weights);
  m.bias_ = std::move(bias);
  m.weights_.resize(dim * static_cast<std::size_t>(num_classes), 0.0f);
  m.bias_.resize(static_cast<std::size_t>(num_classes), 0.0f);
  return m;
}

LinearModel LinearModel::Combine(const LinearModel& a, const LinearModel& b, double b_weight) {
  LinearModel m = a;
  if (b.classes_ != a.classes_ || b.dim_ != a.dim_) return m;
  const float k = static_cast<float>(b_weight);
  for (std::size_t i = 0; i < m.weights_.size(); ++i) m.weights_[i] += k * b.weights_[i];
  for (std::size_t i = 0; i < m.bias_.size(); ++i) m.bias_[i] += k * b.bias_[i];
  return m;
}

std::vector<double> LinearModel::Logits(const SparseVector& x) const {
  const std::size_t C = static_cast<std::size_t>(classes_);
  std::vector<double> s(bias_.begin(), bias_.end());
  for (const auto& [j, v] : x.entries) {
    if (j < 0 || static_cast<std::size_t>(j) >= dim_) continue;
    const float* row = &weights_[static_cast<std::size_t>(j) * C];
    for (std::size_t c = 0; c < C; ++c) s[c] += v * row[c];
  }
  return s;
}

std::vector<double> LinearModel::Probabilities(const SparseVector& x) const {
  std::vector<double> s = Logits(x);
  if (!s.empty()) Softmax(s);
  return s;
}

void LinearModel::Serialize(std::string& out) const {
  ByteWriter w;
  w.Put<int32_t>(classes_);
  w.Put<uint64_t>(dim_);
  w.PutVector(weights_);
  w.PutVector(bias_);
  out += w.bytes();
}

Result<LinearModel> LinearModel::Deserialize(std::string_view in) {
  ByteReader r(in, "linear model");
  LinearModel m;
  int32_t classes = 0;
  uint64_t dim = 0;
  HOTLINE_RETURN_IF_ERROR(r.Get(classes));
  HOTLINE_RETURN_IF_ERROR(r.Get(dim));
  if (classes < 1 || classes > 100000) return r.Corrupt("implausible class count");
  HOTLINE_RETURN_IF_ERROR(r.GetVector(m.weights_));
  HOTLINE_RETURN_IF_ERROR(r.GetVector(m.bias_));
  if (m.bias_.size() != static_cast<std::size_t>(classes) || m.weights_.size() != dim * classes)
    return r.Corrupt("weight matrix does not match its shape");
  if (!r.AtEnd()) return r.Corrupt("trailing bytes");
  for (float v : m.weights_)
    if (!std::isfinite(v)) return r.Corrupt("non-finite weight");
  m.classes_ = classes;
  m.dim_ = dim;
  return m;
}

}  // namespace hotline::triage

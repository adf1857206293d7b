#include "analytics/count_glm.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace hotline::analytics {
namespace {

// Cholesky factorisation in place (lower triangle) of a p × p SPD matrix.
bool Cholesky(std::vector<double>& a, int p) {
  for (int j = 0; j < p; ++j) {
    double d = a[j * p + j];
    for (int k = 0; k < j; ++k) d -= a[j * p + k] * a[j * p + k];
    if (!(d > 1e-300)) return false;
    d = std::sqrt(d);
    a[j * p + j] = d;
    for (int i = j + 1; i < p; ++i) {
      double s = a[i * p + j];
      for (int k = 0; k < j; ++k) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / d;
    }
  }
  return true;
}

void CholeskySolve(const std::vector<double>& l, int p, std::vector<double>& b) {
  for (int i = 0; i < p; ++i) {
    double s = b[i];
    for (int k = 0; k < i; ++k) s -= l[i * p + k] * b[k];
    b[i] = s / l[i * p + i];
  }
  for (int i = p - 1; i >= 0; --i) {
    double s = b[i];
    for (int k = i + 1; k < p; ++k) s -= l[k * p + i] * b[k];
    b[i] = s / l[i * p + i];
  }
}

// The design's rows without their zeros: most columns are indicators.
struct SparseRows {
  std::vector<std::pair<int, double>> entries;
  std::vector<std::size_t> start;  // n + 1

  SparseRows(const GlmData& data) {
    const std::size_t p = static_cast<std::size_t>(data.p);
    start.reserve(data.n() + 1);
    for (std::size_t i = 0; i < data.n(); ++i) {
      start.push_back(entries.size());
      for (std::size_t j = 0; j < p; ++j)
        if (const double v = data.x[i * p + j]; v != 0) entries.emplace_back(static_cast<int>(j), v);
    }
    start.push_back(entries.size());
  }
  std::span<const std::pair<int, double>> Row(std::size_t i) const {
    return {entries.data() + start[i], entries.data() + start[i + 1]};
  }
};

// a (lower triangle) += w · x xᵀ for one sparse row; column indices ascend.
void Accumulate(std::span<const std::pair<int, double>> row, double w, std::vector<double>& a, int p) {
  for (std::size_t r = 0; r < row.size(); ++r) {
    const double wx = w * row[r].second;
    double* line = &a[static_cast<std::size_t>(row[r].first) * p];
    for (std::size_t c = 0; c <= r; ++c) line[row[c].first] += wx * row[c].second;
  }
}

}  // namespace

double GlmFit::Eta(const double* row) const {
  double eta = 0;
  for (std::size_t j = 0; j < beta.size(); ++j) eta += row[j] * beta[j];
  return eta;
}

double GlmFit::SumVariance(const std::vector<const double*>& rows, const std::vector<double>& mus) const {
  const std::size_t p = beta.size();
  std::vector<double> g(p, 0.0);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t j = 0; j < p; ++j) g[j] += mus[r] * rows[r][j];
  double v = 0;
  for (std::size_t i = 0; i < p; ++i)
    for (std::size_t j = 0; j < p; ++j) v += g[i] * cov[i * p + j] * g[j];
  return std::max(0.0, v);
}

GlmFit FitQuasiPoisson(const GlmData& data, const std::vector<double>& ridge, const std::vector<double>& start,
                       int max_iterations) {
  GlmFit fit;
  const int p = data.p;
  const std::size_t n = data.n();
  if (p <= 0 || n == 0) return fit;
  const auto w_of = [&](std::size_t i) { return data.weight.empty() ? 1.0 : data.weight[i]; };

  // Start: intercept at the log of the weighted mean, everything else 0.
  double sw = 0, swy = 0;
  for (std::size_t i = 0; i < n; ++i) sw += w_of(i), swy += w_of(i) * data.y[i];
  fit.beta.assign(p, 0.0);
  fit.beta[0] = std::log(std::max(swy / std::max(sw, 1e-12), 1e-3));
  if (start.size() == static_cast<std::size_t>(p)) fit.beta = start;

  std::vector<double> a(static_cast<std::size_t>(p) * p), b(p);
  const SparseRows rows(data);
  bool converged = false;
  for (int it = 0; it < max_iterations && !converged; ++it) {
    std::fill(a.begin(), a.end(), 0.0);
    std::fill(b.begin(), b.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const auto row = rows.Row(i);
      double e = 0;
      for (const auto& [j, v] : row) e += v * fit.beta[j];
      e = std::clamp(e, -30.0, 30.0);
      const double mu = std::exp(e);
      const double w = w_of(i) * mu;
      if (w <= 0) continue;
      const double z = e + (data.y[i] - mu) / mu;
      Accumulate(row, w, a, p);
      for (const auto& [j, v] : row) b[j] += w * v * z;
    }
    for (int j = 0; j < p; ++j) {
      a[j * p + j] += ridge[j];
      for (int k = j + 1; k < p; ++k) a[j * p + k] = a[k * p + j];
    }
    if (!Cholesky(a, p)) return fit;
    CholeskySolve(a, p, b);
    double change = 0;
    for (int j = 0; j < p; ++j) change = std::max(change, std::abs(b[j] - fit.beta[j]));
    fit.beta = b;
    converged = change < 1e-5;
  }

  // Fitted means, dispersion, covariance at the solution.
  fit.mu.resize(n);
  std::fill(a.begin(), a.end(), 0.0);
  double chi2 = 0;
  sw = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double* xi = &data.x[i * p];
    const double mu = std::exp(std::clamp(fit.Eta(xi), -30.0, 30.0));
    fit.mu[i] = mu;
    const double w = w_of(i);
    sw += w;
    chi2 += w * (data.y[i] - mu) * (data.y[i] - mu) / mu;
    Accumulate(rows.Row(i), w * mu, a, p);
  }
  fit.dispersion = std::max(1.0, chi2 / std::max(1.0, sw - p));
  for (int j = 0; j < p; ++j) {
    a[j * p + j] += ridge[j];
    for (int k = j + 1; k < p; ++k) a[j * p + k] = a[k * p + j];
  }
  if (!Cholesky(a, p)) return fit;
  fit.cov.assign(static_cast<std::size_t>(p) * p, 0.0);
  std::vector<double> e(p);
  for (int c = 0; c < p; ++c) {
    std::fill(e.begin(), e.end(), 0.0);
    e[c] = 1;
    CholeskySolve(a, p, e);
    for (int r = 0; r < p; ++r) fit.cov[r * p + c] = fit.dispersion * e[r];
  }
  fit.ok = true;
  return fit;
}

}  // namespace hotline::analytics

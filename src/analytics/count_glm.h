// A log-link count regression (quasi-Poisson GLM) fitted by penalised iteratively
// reweighted least squares (issue 14). Rows carry prior weights (the Farrington
// down-weighting of past outbreaks is done by the caller through them); a small
// ridge penalty per coefficient keeps sparse series estimable (a holiday with no
// counts gives a finite, not an infinite, negative effect). Returns the
// coefficients, their covariance (dispersion × inverse penalised information) and
// the dispersion: Pearson χ² / (Σweights − p), at least 1.
#pragma once

#include <vector>

namespace hotline::analytics {

struct GlmData {
  int p = 0;                   // columns
  std::vector<double> x;       // n × p, row-major
  std::vector<double> y;       // n counts
  std::vector<double> weight;  // n prior weights (empty: all 1)

  std::size_t n() const { return y.size(); }
};

struct GlmFit {
  bool ok = false;
  std::vector<double> beta;
  std::vector<double> cov;  // p × p, row-major
  double dispersion = 1;
  std::vector<double> mu;   // fitted means, n

  double Eta(const double* row) const;
  // Variance of the estimate of Σ μ_i over rows (delta method: g'Cg, g = Σ μ_i x_i).
  double SumVariance(const std::vector<const double*>& rows, const std::vector<double>& mus) const;
};

// `ridge` has one entry per column (0: unpenalised). `start` (p coefficients, or
// empty: the log of the mean) is where the iterations begin: a previous fit on
// nearly the same days converges in two or three.
GlmFit FitQuasiPoisson(const GlmData& data, const std::vector<double>& ridge, const std::vector<double>& start = {},
                       int max_iterations = 30);

}  // namespace hotline::analytics

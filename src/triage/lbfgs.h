// Limited-memory BFGS minimisation of a smooth function, with a backtracking
// (Armijo) line search. Used to fit the linear classifier; deterministic.
// A stop request (options.stop) ends the minimisation early, with `x` at the
// last accepted point; the caller tells a stopped run by its own token.
#pragma once

#include <functional>
#include <stop_token>
#include <vector>

namespace hotline::triage {

struct LbfgsOptions {
  int max_iterations = 200;
  int memory = 10;
  double gradient_tolerance = 1e-5;   // stop when |g| <= tol * max(1, |x|)
  double relative_decrease = 1e-7;    // stop when f no longer falls by this fraction
  std::stop_token stop;               // checked before each iteration and line-search step
};

// Computes f(x) and writes its gradient to `grad` (same size as x).
using Objective = std::function<double(const std::vector<double>& x, std::vector<double>& grad)>;

// Minimises from `x` in place; returns the number of iterations run.
int MinimizeLbfgs(const Objective& f, std::vector<double>& x, const LbfgsOptions& options);

}  // namespace hotline::triage

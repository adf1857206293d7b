#include "triage/lbfgs.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace hotline::triage {
namespace {

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

}  // namespace

int MinimizeLbfgs(const Objective& f, std::vector<double>& x, const LbfgsOptions& options) {
  const std::size_t n = x.size();
  std::vector<double> g(n), g_new(n), x_new(n), d(n);
  double fx = f(x, g);
  struct Pair {
    std::vector<double> s, y;
    double rho;
  };
  std::deque<Pair> history;
  int it = 0;
  for (; it < options.max_iterations && !options.stop.stop_requested(); ++it) {
    const double gnorm = std::sqrt(Dot(g, g));
    if (gnorm <= options.gradient_tolerance * std::max(1.0, std::sqrt(Dot(x, x)))) break;
    // Two-loop recursion: d = -H g.
    d = g;
    std::vector<double> alpha(history.size());
    for (std::size_t k = history.size(); k-- > 0;) {
      alpha[k] = history[k].rho * Dot(history[k].s, d);
      for (std::size_t i = 0; i < n; ++i) d[i] -= alpha[k] * history[k].y[i];
    }
    double gamma = 1.0 / std::max(gnorm, 1e-12);
    if (!history.empty()) gamma = Dot(history.back().s, history.back().y) / Dot(history.back().y, history.back().y);
    for (double& v : d) v *= gamma;
    for (std::size_t k = 0; k < history.size(); ++k) {
      const double beta = history[k].rho * Dot(history[k].y, d);
      for (std::size_t i = 0; i < n; ++i) d[i] += (alpha[k] - beta) * history[k].s[i];
    }
    for (double& v : d) v = -v;
    double slope = Dot(g, d);
    if (slope >= 0) {  // not a descent direction: restart from steepest descent
      history.clear();
      for (std::size_t i = 0; i < n; ++i) d[i] = -g[i] / std::max(gnorm, 1e-12);
      slope = Dot(g, d);
    }
    // Backtracking line search (Armijo).
    double step = 1.0, f_new = 0;
    bool accepted = false;
    for (int ls = 0; ls < 40 && !options.stop.stop_requested(); ++ls) {
      for (std::size_t i = 0; i < n; ++i) x_new[i] = x[i] + step * d[i];
      f_new = f(x_new, g_new);
      if (std::isfinite(f_new) && f_new <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    Pair p{std::vector<double>(n), std::vector<double>(n), 0};
    for (std::size_t i = 0; i < n; ++i) {
      p.s[i] = x_new[i] - x[i];
      p.y[i] = g_new[i] - g[i];
    }
    const double sy = Dot(p.s, p.y);
    const double decrease = (fx - f_new) / std::max(std::abs(fx), 1e-12);
    x.swap(x_new);
    g.swap(g_new);
    fx = f_new;
    if (sy > 1e-12) {
      p.rho = 1.0 / sy;
      history.push_back(std::move(p));
      if (static_cast<int>(history.size()) > options.memory) history.pop_front();
    }
    if (decrease < options.relative_decrease) {
      ++it;
      break;
    }
  }
  return it;
}

}  // namespace hotline::triage

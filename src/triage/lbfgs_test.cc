#include "triage/lbfgs.h"

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

TEST(Lbfgs, MinimisesAQuadratic) {
  // f(x) = sum_i (i+1) (x_i - i)^2
  Objective f = [](const std::vector<double>& x, std::vector<double>& g) {
    double v = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double d = x[i] - static_cast<double>(i);
      v += (i + 1) * d * d;
      g[i] = 2 * (i + 1) * d;
    }
    return v;
  };
  std::vector<double> x(5, 0.0);
  MinimizeLbfgs(f, x, {});
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(x[i], static_cast<double>(i), 1e-3);
}

TEST(Lbfgs, MinimisesRosenbrock) {
  Objective f = [](const std::vector<double>& x, std::vector<double>& g) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  };
  std::vector<double> x = {-1.2, 1.0};
  LbfgsOptions o;
  o.max_iterations = 500;
  o.relative_decrease = 0;
  MinimizeLbfgs(f, x, o);
  EXPECT_NEAR(x[0], 1.0, 1e-3);
  EXPECT_NEAR(x[1], 1.0, 1e-3);
}

TEST(Lbfgs, AStopRequestEndsTheMinimisation) {
  std::stop_source source;
  int evaluations = 0;
  Objective f = [&](const std::vector<double>& x, std::vector<double>& g) {
    if (++evaluations == 5) source.request_stop();
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  };
  std::vector<double> x = {-1.2, 1.0};
  LbfgsOptions o;
  o.max_iterations = 500;
  o.relative_decrease = 0;
  o.stop = source.get_token();
  const int iterations = MinimizeLbfgs(f, x, o);
  EXPECT_EQ(evaluations, 5);  // no evaluation after the request
  EXPECT_LT(iterations, 5);
}

}  // namespace
}  // namespace hotline::triage

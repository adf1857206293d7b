#include "triage/metrics.h"

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

TEST(Metrics, ConfusionAndScores) {
  // truth:     a a a b b c
  // predicted: a a b b c c
  const auto r = Evaluate({"a", "b", "c"}, {0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2});
  EXPECT_EQ(r.total, 6);
  EXPECT_NEAR(r.accuracy, 4.0 / 6, 1e-12);
  EXPECT_EQ(r.confusion[0], (std::vector<int>{2, 1, 0}));
  EXPECT_NEAR(r.classes[0].precision, 1.0, 1e-12);
  EXPECT_NEAR(r.classes[0].recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(r.classes[0].f1, 0.8, 1e-12);
  EXPECT_NEAR(r.classes[1].f1, 0.5, 1e-12);
  EXPECT_NEAR(r.classes[2].f1, 2.0 / 3, 1e-12);
  EXPECT_NEAR(r.macro_f1, (0.8 + 0.5 + 2.0 / 3) / 3, 1e-12);
  EXPECT_NEAR(r.min_f1(), 0.5, 1e-12);
  const std::string md = FormatReport(r);
  EXPECT_NE(md.find("accuracy 0.6667"), std::string::npos) << md;
  EXPECT_NE(md.find("| 1 a | 2 | 1 | 0 |"), std::string::npos) << md;
}

TEST(Metrics, EmptyAndOutOfRange) {
  const auto r = Evaluate({"a", "b"}, {0, 5, -1}, {0, 0, 0});
  EXPECT_EQ(r.total, 1);
  EXPECT_NEAR(r.accuracy, 1.0, 1e-12);
  EXPECT_EQ(Evaluate({}, {}, {}).total, 0);
}

}  // namespace
}  // namespace hotline::triage

// Classification metrics: confusion matrix, accuracy, per-class precision,
// recall and F1, macro-F1; and their Markdown rendering for reports.
#pragma once

#include <string>
#include <vector>

namespace hotline::triage {

struct ClassMetrics {
  std::string label;
  int support = 0;  // true members
  double precision = 0, recall = 0, f1 = 0;
};

struct ClassificationReport {
  std::vector<std::string> labels;
  std::vector<std::vector<int>> confusion;  // [true][predicted]
  int total = 0;
  double accuracy = 0;
  double macro_f1 = 0;
  std::vector<ClassMetrics> classes;

  double min_f1() const;
};

// `truth` and `predicted` are indices into `labels`, pairwise.
ClassificationReport Evaluate(const std::vector<std::string>& labels, const std::vector<int>& truth,
                              const std::vector<int>& predicted);

// Accuracy and macro-F1 line, the per-class table and the confusion matrix, in Markdown.
std::string FormatReport(const ClassificationReport& report);

}  // namespace hotline::triage

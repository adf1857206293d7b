#include "triage/metrics.h"

#include <algorithm>
#include <cstdio>

namespace hotline::triage {

double ClassificationReport::min_f1() const {
  double m = 1.0;
  for (const auto& c : classes)
    if (c.support > 0) m = std::min(m, c.f1);
  return classes.empty() ? 0.0 : m;
}

ClassificationReport Evaluate(const std::vector<std::string>& labels, const std::vector<int>& truth,
                              const std::vector<int>& predicted) {
  ClassificationReport r;
  const std::size_t C = labels.size();
  r.labels = labels;
  r.confusion.assign(C, std::vector<int>(C, 0));
  int correct = 0;
  for (std::size_t i = 0; i < truth.size() && i < predicted.size(); ++i) {
    if (truth[i] < 0 || predicted[i] < 0 || static_cast<std::size_t>(truth[i]) >= C ||
        static_cast<std::size_t>(predicted[i]) >= C)
      continue;
    ++r.confusion[truth[i]][predicted[i]];
    ++r.total;
    if (truth[i] == predicted[i]) ++correct;
  }
  r.accuracy = r.total ? static_cast<double>(correct) / r.total : 0.0;
  double f1_sum = 0;
  for (std::size_t c = 0; c < C; ++c) {
    int tp = r.confusion[c][c], row = 0, column = 0;
    for (std::size_t k = 0; k < C; ++k) {
      row += r.confusion[c][k];
      column += r.confusion[k][c];
    }
    ClassMetrics m;
    m.label = labels[c];
    m.support = row;
    m.precision = column ? static_cast<double>(tp) / column : 0.0;
    m.recall = row ? static_cast<double>(tp) / row : 0.0;
    m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
    f1_sum += m.f1;
    r.classes.push_back(m);
  }
  r.macro_f1 = C ? f1_sum / static_cast<double>(C) : 0.0;
  return r;
}

std::string FormatReport(const ClassificationReport& r) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "accuracy %.4f, macro-F1 %.4f, lowest class F1 %.4f, over %d texts\n\n",
                r.accuracy, r.macro_f1, r.min_f1(), r.total);
  out += buf;
  out += "| category | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n";
  for (const auto& c : r.classes) {
    std::snprintf(buf, sizeof buf, " | %d | %.3f | %.3f | %.3f |\n", c.support, c.precision, c.recall, c.f1);
    out += "| " + c.label + buf;
  }
  out += "\nConfusion matrix (rows: true category, columns: predicted, in the same order as the rows):\n\n| true \\ predicted |";
  for (std::size_t c = 0; c < r.labels.size(); ++c) out += " " + std::to_string(c + 1) + " |";
  out += "\n|---|";
  for (std::size_t c = 0; c < r.labels.size(); ++c) out += "---:|";
  out += "\n";
  for (std::size_t t = 0; t < r.labels.size(); ++t) {
    out += "| " + std::to_string(t + 1) + " " + r.labels[t] + " |";
    for (int n : r.confusion[t]) out += " " + std::to_string(n) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace hotline::triage

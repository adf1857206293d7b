#include "app/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace hotline::app {

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressBar::Update(std::size_t done, std::size_t total) {
  const int percent = total ? static_cast<int>(done * 100 / total) : 100;
  if (percent == last_percent_) return;
  last_percent_ = percent;
  if (!tty_ && done < total) return;
  constexpr int kWidth = 30;
  std::string bar(static_cast<std::size_t>(kWidth), '-');
  for (int i = 0; i < percent * kWidth / 100; ++i) bar[static_cast<std::size_t>(i)] = '#';
  std::fprintf(stderr, "%s%s %zu/%zu [%s] %d%%%s", tty_ ? "\r" : "", label_.c_str(), done, total, bar.c_str(), percent,
               done >= total ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace hotline::app

// A one-line progress bar on stderr for long jobs (imports, demo seeding):
// "导入 1200/5000 [######--------------] 24%". Silent when stderr is not a terminal
// except for the final line.
#pragma once

#include <cstddef>
#include <string>

namespace hotline::app {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  void Update(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool tty_;
  int last_percent_ = -1;
};

}  // namespace hotline::app

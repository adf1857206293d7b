// Taxonomy: the hierarchical appeal category standard (分类标准与代码), three levels
// with stable codes. Immutable once built; Build() rejects duplicate codes, unknown
// parents and levels that do not follow their parent's.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "domain/status.h"

namespace hotline {

struct Category {
  std::string code;
  std::string name;
  std::string parent;  // empty at level 1
  int level = 1;       // 1, 2 or 3
};

class Taxonomy {
 public:
  static Result<Taxonomy> Build(std::vector<Category> categories);

  const Category* Find(const std::string& code) const;
  const std::vector<Category>& categories() const { return categories_; }
  bool IsLeaf(const std::string& code) const;
  // "一级 / 二级 / 三级" path of names, for display.
  std::string FullName(const std::string& code) const;
  // The code and its ancestors, most specific first.
  std::vector<std::string> Lineage(const std::string& code) const;

 private:
  std::vector<Category> categories_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, int> child_count_;
};

}  // namespace hotline

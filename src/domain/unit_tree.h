// UnitTree: the handling units (承办单位) of a city as a tree — city → district/county
// → street/town → community/village, with departments under the city or a district.
// Immutable once built; Build() rejects duplicate codes, unknown parents and cycles.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "domain/status.h"
#include "domain/vocabulary.h"

namespace hotline {

struct Unit {
  std::string code;    // stable ASCII code, also the username of the unit's demo account
  std::string name;    // Chinese name shown to people
  UnitKind kind = UnitKind::kDepartment;
  std::string parent;  // empty for the root
};

class UnitTree {
 public:
  static Result<UnitTree> Build(std::vector<Unit> units);

  const Unit* Find(const std::string& code) const;
  const std::vector<Unit>& units() const { return units_; }
  // True when `code` is `ancestor` itself or lies below it.
  bool IsWithin(const std::string& code, const std::string& ancestor) const;
  // Codes of `code` and all units below it.
  std::vector<std::string> Subtree(const std::string& code) const;
  // The chain from `code` up to the root, `code` first.
  std::vector<std::string> PathToRoot(const std::string& code) const;

 private:
  std::vector<Unit> units_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, std::vector<std::string>> children_;
};

}  // namespace hotline

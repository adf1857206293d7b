#include "domain/unit_tree.h"

#include <unordered_set>

namespace hotline {

Result<UnitTree> UnitTree::Build(std::vector<Unit> units) {
  UnitTree tree;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].code.empty())
      return Status::InvalidArgument("code", "unit code is empty").WithReason(Reasons::kRequired);
    if (!tree.index_.emplace(units[i].code, i).second)
      return Status::InvalidArgument("code", "duplicate unit code " + units[i].code)
          .WithReason(Reasons::kDuplicateCode)
          .WithParam("code", units[i].code);
  }
  for (const Unit& u : units) {
    if (u.parent.empty()) continue;
    if (!tree.index_.count(u.parent))
      return Status::InvalidArgument("parent", "unit " + u.code + " has unknown parent " + u.parent)
          .WithReason(Reasons::kUnknownParent)
          .WithParam("code", u.code)
          .WithParam("parent", u.parent);
    tree.children_[u.parent].push_back(u.code);
  }
  tree.units_ = std::move(units);
  for (const Unit& u : tree.units_) {
    std::unordered_set<std::string> seen;
    for (const Unit* p = &u; p != nullptr; p = tree.Find(p->parent)) {
      if (!seen.insert(p->code).second)
        return Status::InvalidArgument("parent", "unit tree has a cycle at " + u.code)
            .WithReason(Reasons::kUnitCycle)
            .WithParam("code", u.code);
    }
  }
  return tree;
}

const Unit* UnitTree::Find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &units_[it->second];
}

bool UnitTree::IsWithin(const std::string& code, const std::string& ancestor) const {
  for (const Unit* u = Find(code); u != nullptr; u = Find(u->parent))
    if (u->code == ancestor) return true;
  return false;
}

std::vector<std::string> UnitTree::Subtree(const std::string& code) const {
  std::vector<std::string> out;
  if (!Find(code)) return out;
  out.push_back(code);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto it = children_.find(out[i]);
    if (it != children_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

std::vector<std::string> UnitTree::PathToRoot(const std::string& code) const {
  std::vector<std::string> out;
  for (const Unit* u = Find(code); u != nullptr; u = Find(u->parent)) out.push_back(u->code);
  return out;
}

}  // namespace hotline

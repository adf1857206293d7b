#include "domain/taxonomy.h"

namespace hotline {

Result<Taxonomy> Taxonomy::Build(std::vector<Category> categories) {
  Taxonomy t;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    const Category& c = categories[i];
    if (c.code.empty()) return Status::InvalidArgument("code", "category code is empty").WithReason(Reasons::kRequired);
    if (c.level < 1 || c.level > 3)
      return Status::InvalidArgument("level", "category " + c.code + " has level outside 1..3")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("code", c.code)
          .WithParam("min", 1)
          .WithParam("max", 3);
    if (!t.index_.emplace(c.code, i).second)
      return Status::InvalidArgument("code", "duplicate category code " + c.code)
          .WithReason(Reasons::kDuplicateCode)
          .WithParam("code", c.code);
  }
  for (const Category& c : categories) {
    if (c.parent.empty()) {
      if (c.level != 1)
        return Status::InvalidArgument("parent", "category " + c.code + " needs a parent")
            .WithReason(Reasons::kRequired)
            .WithParam("code", c.code);
      continue;
    }
    auto it = t.index_.find(c.parent);
    if (it == t.index_.end())
      return Status::InvalidArgument("parent", "category " + c.code + " has unknown parent " + c.parent)
          .WithReason(Reasons::kUnknownParent)
          .WithParam("code", c.code)
          .WithParam("parent", c.parent);
    if (categories[it->second].level != c.level - 1)
      return Status::InvalidArgument("level", "category " + c.code + " is not one level below its parent")
          .WithReason(Reasons::kLevelMismatch)
          .WithParam("code", c.code)
          .WithParam("parent", c.parent);
    ++t.child_count_[c.parent];
  }
  t.categories_ = std::move(categories);
  return t;
}

const Category* Taxonomy::Find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &categories_[it->second];
}

bool Taxonomy::IsLeaf(const std::string& code) const {
  return Find(code) != nullptr && !child_count_.count(code);
}

std::vector<std::string> Taxonomy::Lineage(const std::string& code) const {
  std::vector<std::string> out;
  for (const Category* c = Find(code); c != nullptr; c = Find(c->parent)) out.push_back(c->code);
  return out;
}

std::string Taxonomy::FullName(const std::string& code) const {
  std::string out;
  auto lineage = Lineage(code);
  for (auto it = lineage.rbegin(); it != lineage.rend(); ++it) {
    if (!out.empty()) out += " / ";
    out += Find(*it)->name;
  }
  return out;
}

}  // namespace hotline

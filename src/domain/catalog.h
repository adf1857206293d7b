// The dispatch catalog (分派目录 / 职责清单): rules that map an appeal's category
// (any taxonomy level), location (a district or street, or anywhere) and
// enterprise flag to the lead unit and co-handlers. Match() picks the most
// specific rule: deeper category first, then a located rule over an unlocated
// one (the nearest area wins), then an exact enterprise flag over "any".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/taxonomy.h"
#include "domain/unit_tree.h"

namespace hotline {

struct CatalogRule {
  std::string category;            // taxonomy code at any level
  std::string area;                // district/street unit code, empty = anywhere
  std::string enterprise = "any";  // any | yes | no
  std::string lead;
  std::vector<std::string> co_units;
};

std::optional<CatalogRule> MatchCatalog(const std::vector<CatalogRule>& rules, const Taxonomy& taxonomy,
                                        const UnitTree& units, const std::string& category,
                                        const std::string& area, bool enterprise);

}  // namespace hotline

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

// A joint review's decision as a catalog exception rule (联席会议, issue 10): the
// appeal's category and area (anywhere when unlocated), its enterprise flag
// exactly, the decided lead and co-units — more specific than any rule for a
// coarser category or a wider area, so later appeals of the kind go there.
CatalogRule ExceptionRule(const std::string& category, const std::string& area, bool enterprise,
                          const std::string& lead, const std::vector<std::string>& co_units);

// `rules` with `rule` in place of the one for the same category, area and
// enterprise flag, or added at the end.
std::vector<CatalogRule> WithRule(std::vector<CatalogRule> rules, const CatalogRule& rule);

}  // namespace hotline

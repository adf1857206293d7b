#include "domain/catalog.h"

#include <algorithm>

namespace hotline {

std::optional<CatalogRule> MatchCatalog(const std::vector<CatalogRule>& rules, const Taxonomy& taxonomy,
                                        const UnitTree& units, const std::string& category,
                                        const std::string& area, bool enterprise) {
  const std::vector<std::string> lineage = taxonomy.Lineage(category);   // most specific first
  const std::vector<std::string> places = area.empty() ? std::vector<std::string>{} : units.PathToRoot(area);
  const CatalogRule* best = nullptr;
  int best_score = -1;
  for (const CatalogRule& r : rules) {
    auto cat = std::find(lineage.begin(), lineage.end(), r.category);
    if (cat == lineage.end()) continue;
    int area_rank = 0;  // 0 = anywhere; higher = nearer to the appeal's place
    if (!r.area.empty()) {
      auto place = std::find(places.begin(), places.end(), r.area);
      if (place == places.end()) continue;
      area_rank = static_cast<int>(places.end() - place);
    }
    int ent_rank = 0;
    if (r.enterprise == "yes" || r.enterprise == "no") {
      if ((r.enterprise == "yes") != enterprise) continue;
      ent_rank = 1;
    }
    const int cat_rank = static_cast<int>(lineage.end() - cat);
    const int score = cat_rank * 10000 + area_rank * 10 + ent_rank;
    if (score > best_score) {
      best_score = score;
      best = &r;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

CatalogRule ExceptionRule(const std::string& category, const std::string& area, bool enterprise,
                          const std::string& lead, const std::vector<std::string>& co_units) {
  return CatalogRule{category, area, enterprise ? "yes" : "no", lead, co_units};
}

std::vector<CatalogRule> WithRule(std::vector<CatalogRule> rules, const CatalogRule& rule) {
  for (CatalogRule& r : rules)
    if (r.category == rule.category && r.area == rule.area && r.enterprise == rule.enterprise) {
      r = rule;
      return rules;
    }
  rules.push_back(rule);
  return rules;
}

}  // namespace hotline

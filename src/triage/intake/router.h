// Router: suggests the units that should handle an appeal (top 3, each with the
// reasons a dispatcher can read). It follows the dispatch catalog for each likely
// category (most specific rule: category depth, then the nearest area — which is
// 一单到底, straight to the street office, when the catalog says the matter is the
// street's — then the enterprise flag), falls back to the area's district when no
// rule applies, and learns from history: a unit that often returned tickets of a
// category (回退) is suggested less for it. Thread-safe; history updates live.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/taxonomy.h"
#include "domain/unit_tree.h"

namespace hotline::triage {

struct CategoryGuess {
  std::string code;
  double confidence = 1;
};

struct UnitSuggestion {
  std::string unit;
  double score = 0;
  std::vector<std::string> co_units;
  std::vector<std::string> reasons;  // Chinese, for the dispatcher
};

class Router {
 public:
  Router(const UnitTree& units, const Taxonomy& taxonomy, std::vector<CatalogRule> catalog);

  std::vector<UnitSuggestion> Suggest(const std::vector<CategoryGuess>& categories, const std::string& area,
                                      bool enterprise, std::size_t k = 3) const;

  // History: counts per unit and level-2 category code.
  void AddHistory(const std::string& unit, const std::string& category, std::int64_t dispatched,
                  std::int64_t returned);
  void RecordDispatch(const std::string& unit, const std::string& category) { AddHistory(unit, category, 1, 0); }
  void RecordReturn(const std::string& unit, const std::string& category) { AddHistory(unit, category, 0, 1); }
  // Share of a unit's tickets of this category it sent back, smoothed (0 with no history).
  double ReturnRate(const std::string& unit, const std::string& category) const;

 private:
  const UnitTree& units_;
  const Taxonomy& taxonomy_;
  std::vector<CatalogRule> catalog_;
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> history_;
};

}  // namespace hotline::triage

#include "triage/intake/router.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hotline::triage {
namespace {

std::string Level2(const std::string& category) { return category.substr(0, std::min<std::size_t>(4, category.size())); }

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
  return buf;
}

}  // namespace

Router::Router(const UnitTree& units, const Taxonomy& taxonomy, std::vector<CatalogRule> catalog)
    : units_(units), taxonomy_(taxonomy), catalog_(std::move(catalog)) {}

void Router::AddHistory(const std::string& unit, const std::string& category, std::int64_t dispatched,
                        std::int64_t returned) {
  std::lock_guard lock(mu_);
  auto& h = history_[{unit, Level2(category)}];
  h.first += dispatched;
  h.second += returned;
}

double Router::ReturnRate(const std::string& unit, const std::string& category) const {
  std::lock_guard lock(mu_);
  auto it = history_.find({unit, Level2(category)});
  if (it == history_.end()) return 0;
  const auto [dispatched, returned] = it->second;
  // Smoothed towards zero: two returns out of two dispatches is not yet a pattern.
  return static_cast<double>(returned) / static_cast<double>(std::max(dispatched, returned) + 3);
}

std::vector<UnitSuggestion> Router::Suggest(const std::vector<CategoryGuess>& categories, const std::string& area,
                                            bool enterprise, std::size_t k) const {
  std::map<std::string, UnitSuggestion> by_unit;
  auto add = [&](const std::string& unit, double score, const std::vector<std::string>& co, std::string reason) {
    if (unit.empty() || !units_.Find(unit)) return;
    UnitSuggestion& s = by_unit[unit];
    s.unit = unit;
    s.score += score;
    if (s.co_units.empty()) s.co_units = co;
    s.reasons.push_back(std::move(reason));
  };
  const Unit* place = units_.Find(area);
  for (const CategoryGuess& guess : categories) {
    const Category* cat = taxonomy_.Find(guess.code);
    if (!cat) continue;
    const std::string cat_name = taxonomy_.FullName(guess.code);
    auto rule = MatchCatalog(catalog_, taxonomy_, units_, guess.code, area, enterprise);
    if (rule) {
      const Unit* lead = units_.Find(rule->lead);
      std::string reason = "分派目录：" + cat_name + " → " + (lead ? lead->name : rule->lead);
      if (!rule->area.empty() && rule->area == rule->lead && lead && lead->kind == UnitKind::kStreet)
        reason = "一单到底：" + cat_name + "属街镇事项，直派属地" + lead->name;
      if (rule->enterprise == "yes") reason += "（企业诉求）";
      add(rule->lead, guess.confidence, rule->co_units, reason);
    } else if (place) {
      // No rule: the district the appeal is in answers for it.
      for (const std::string& code : units_.PathToRoot(area)) {
        const Unit* u = units_.Find(code);
        if (u && u->kind == UnitKind::kDistrict) {
          add(code, guess.confidence * 0.5, {}, "目录无规则：" + cat_name + "由属地" + u->name + "统筹");
          break;
        }
      }
    }
  }
  std::vector<UnitSuggestion> out;
  for (auto& [unit, s] : by_unit) {
    double worst = 0;
    for (const CategoryGuess& guess : categories) worst = std::max(worst, ReturnRate(unit, guess.code));
    if (worst > 0.1) {
      s.score *= 1 - worst;
      s.reasons.push_back("历史退回率" + Percent(worst) + "，已降低推荐权重");
    }
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const UnitSuggestion& a, const UnitSuggestion& b) {
    return a.score > b.score || (a.score == b.score && a.unit < b.unit);
  });
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace hotline::triage

#include "service/audit_summary.h"

#include <algorithm>
#include <functional>
#include <set>

namespace hotline::service {
namespace {

constexpr std::size_t kListed = 5;

// "added a, b; removed c; renamed d" over keyed items; "no change" when equal.
template <typename T>
std::string Diff(const std::vector<T>& before, const std::vector<T>& after, const std::string& noun,
                 const std::function<std::string(const T&)>& key,
                 const std::function<std::string(const T&)>& describe) {
  std::map<std::string, std::string> old_items, new_items;
  for (const T& t : before) old_items[key(t)] = describe(t);
  for (const T& t : after) new_items[key(t)] = describe(t);
  std::vector<std::string> added, removed, changed;
  for (const auto& [k, d] : new_items) {
    auto it = old_items.find(k);
    if (it == old_items.end()) added.push_back(d);
    else if (it->second != d) changed.push_back(it->second + " ⇒ " + d);
  }
  for (const auto& [k, d] : old_items)
    if (!new_items.count(k)) removed.push_back(d);
  auto list = [](const char* what, const std::vector<std::string>& items) {
    if (items.empty()) return std::string();
    std::string out = std::string("; ") + what + " ";
    for (std::size_t i = 0; i < items.size() && i < kListed; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > kListed) out += " and " + std::to_string(items.size() - kListed) + " more";
    return out;
  };
  std::string s = noun + ": " + std::to_string(before.size()) + " → " + std::to_string(after.size());
  s += list("added", added) + list("removed", removed) + list("changed", changed);
  if (added.empty() && removed.empty() && changed.empty()) s += "; no change";
  return s;
}

}  // namespace

std::string SummariseUnits(const std::vector<Unit>& before, const std::vector<Unit>& after) {
  return Diff<Unit>(
      before, after, "units", [](const Unit& u) { return u.code; },
      [](const Unit& u) { return u.code + " " + u.name + (u.parent.empty() ? "" : " (under " + u.parent + ")"); });
}

std::string SummariseCategories(const std::vector<Category>& before, const std::vector<Category>& after) {
  return Diff<Category>(
      before, after, "categories", [](const Category& c) { return c.code; },
      [](const Category& c) { return c.code + " " + c.name; });
}

std::string SummariseCatalog(const std::vector<CatalogRule>& before, const std::vector<CatalogRule>& after) {
  auto key = [](const CatalogRule& r) { return r.category + "×" + r.area + "×" + r.enterprise; };
  return Diff<CatalogRule>(before, after, "catalog rules", key, [&](const CatalogRule& r) {
    std::string d = r.category + " × " + (r.area.empty() ? "anywhere" : r.area) + " (" + r.enterprise + ") → " + r.lead;
    for (const auto& co : r.co_units) d += " + " + co;
    return d;
  });
}

std::string SummariseTimeLimits(const std::vector<TimeLimitRuleText>& before,
                                const std::vector<TimeLimitRuleText>& after,
                                const std::vector<WorkPeriodText>& hours_before,
                                const std::vector<WorkPeriodText>& hours_after) {
  auto describe = [](const TimeLimitRuleText& r) {
    std::string d = r.rule + ":";
    for (const char* c : {"appeal_type", "category", "urgency", "channel", "enterprise"})
      if (const std::string& v = *CellOf(r, c); !v.empty()) d += std::string(" ") + c + "=" + v;
    for (const char* c : {"sign", "contact", "reply", "handle", "callback"})
      if (const std::string& v = *CellOf(r, c); !v.empty()) d += std::string(" ") + c + " " + v;
    return d;
  };
  std::string s = Diff<TimeLimitRuleText>(
      before, after, "time-limit rules", [](const TimeLimitRuleText& r) { return r.rule; }, describe);
  auto periods = [](const std::vector<WorkPeriodText>& hours) {
    std::string out;
    for (const WorkPeriodText& p : hours) out += (out.empty() ? "" : " ") + p.start + "-" + p.end;
    return out;
  };
  if (hours_before != hours_after) {
    if (s.size() > 11 && s.compare(s.size() - 11, 11, "; no change") == 0) s.resize(s.size() - 11);
    s += "; working hours " + periods(hours_before) + " ⇒ " + periods(hours_after);
  }
  return s;
}

std::string SummariseCalendarYear(const std::vector<CalendarDay>& before, const std::vector<CalendarDay>& after) {
  return Diff<CalendarDay>(
      before, after, "calendar days", [](const CalendarDay& d) { return d.date; },
      [](const CalendarDay& d) { return d.date + " " + d.kind; });
}

std::string SummariseUser(const User& user, bool is_new, bool password_changed) {
  std::string s = user.username + ": role " + std::string(Name(user.role));
  if (!user.unit.empty()) s += ", unit " + user.unit;
  s += user.active ? ", active" : ", disabled";
  if (password_changed && !is_new) s += ", password reset";
  return s;
}

}  // namespace hotline::service

#include "triage/intake/divisions.h"

#include <algorithm>
#include <array>

#include "triage/intake/fuzzy_name.h"

namespace hotline::triage {
namespace {

// Suffixes stripped to get the short form people say, longest first. Village
// committees keep their 社区/村 ("幸福里社区居委会" → "幸福里社区"), since a bare
// village name is too common to mean anything.
constexpr std::array kSuffixes = {
    "社区居民委员会", "村民委员会", "居民委员会", "社区居委会", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "村委会", "居委会", "街道", "地区", "省", "市", "区", "县", "旗", "盟", "镇", "乡"};
// Municipalities and pseudo-cities whose name says nothing ("市辖区", "县").
constexpr std::array kPlaceholderNames = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The short form of a name, or "" when it has none worth matching (< 2 characters).
std::string ShortForm(const std::string& name, int level) {
  for (std::string_view suffix : kSuffixes) {
    if (!EndsWith(name, suffix)) continue;
    std::string core = name.substr(0, name.size() - suffix.size());
    if (level == 5) {  // village committees: keep 社区 / 村
      if (suffix == "社区居民委员会" || suffix == "社区居委会") core += "社区";
      else if (suffix == "村民委员会" || suffix == "村委会") core += "村";
      else if (suffix == "居民委员会" || suffix == "居委会") core += "社区";
      else return "";
    }
    return Utf8Chars(core).size() >= 2 ? core : "";
  }
  return "";
}

}  // namespace

int DivisionIndex::Level(const std::string& code) {
  switch (code.size()) {
    case 2: return 1;
    case 4: return 2;
    case 6: return 3;
    case 9: return 4;
    case 12: return 5;
    default: return 0;
  }
}

Result<DivisionIndex> DivisionIndex::Build(std::vector<Division> divisions, std::string home) {
  DivisionIndex index;
  index.home_ = std::move(home);
  std::sort(divisions.begin(), divisions.end(), [](const Division& a, const Division& b) {
    return a.code.size() != b.code.size() ? a.code.size() < b.code.size() : a.code < b.code;
  });
  static constexpr std::array kParentLength = {0, 0, 2, 4, 6, 9};
  for (std::size_t i = 0; i < divisions.size(); ++i) {
    const Division& d = divisions[i];
    const int level = Level(d.code);
    if (level == 0 || !std::all_of(d.code.begin(), d.code.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return Status::InvalidArgument("code", "division " + d.code + " (" + d.name + "): not a 2/4/6/9/12-digit code");
    if (d.name.empty()) return Status::InvalidArgument("name", "division " + d.code + ": empty name");
    if (level > 1) {
      const std::string parent = d.code.substr(0, kParentLength[level]);
      if (!index.by_code_.count(parent))
        return Status::InvalidArgument("code", "division " + d.code + " (" + d.name + "): parent " + parent + " missing");
      index.children_[parent].push_back(static_cast<std::uint32_t>(i));
    }
    if (!index.by_code_.emplace(d.code, static_cast<std::uint32_t>(i)).second)
      return Status::InvalidArgument("code", "division " + d.code + " appears twice");
    if (std::find(kPlaceholderNames.begin(), kPlaceholderNames.end(), d.name) != kPlaceholderNames.end()) continue;
    index.AddForm(d.name, static_cast<std::uint32_t>(i), true);
    if (std::string s = ShortForm(d.name, level); !s.empty()) index.AddForm(s, static_cast<std::uint32_t>(i), false);
  }
  index.divisions_ = std::move(divisions);
  return index;
}

void DivisionIndex::AddForm(const std::string& form, std::uint32_t division, bool full) {
  by_name_[form].push_back({division, full});
  longest_name_ = std::max(longest_name_, form.size());
  const auto chars = Utf8Chars(form);
  if (chars.size() < 2) return;
  std::size_t& longest = starts_[std::string(chars[0]) + std::string(chars[1])];
  longest = std::max(longest, form.size());
}

const Division* DivisionIndex::Find(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &divisions_[it->second];
}

DivisionRef DivisionIndex::Ref(const std::string& code) const {
  const Division* d = Find(code);
  return {code, d ? d->name : ""};
}

std::optional<DivisionMatch> DivisionIndex::Resolve(std::string_view address) const {
  if (address.empty() || divisions_.empty()) return std::nullopt;
  const auto chars = Utf8Chars(address.substr(0, 1000));  // an address is short; the rest is noise
  const std::size_t max_chars = longest_name_ / 3 + 1;  // names are CJK: 3 bytes a character

  // Every name form in the text, with where it is.
  struct Hit {
    std::uint32_t division;
    double weight;  // 1 for an official name, 0.7 for a short form
    std::size_t begin, end;  // character span
  };
  std::vector<Hit> hits;
  std::string start;
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
    // Only where a name begins: most positions are skipped after one look-up.
    start.assign(chars[i]).append(chars[i + 1]);
    auto begins = starts_.find(start);
    if (begins == starts_.end()) continue;
    std::size_t bytes = 0;
    const std::size_t offset = static_cast<std::size_t>(chars[i].data() - chars[0].data());
    for (std::size_t n = 1; n <= max_chars && i + n <= chars.size(); ++n) {
      bytes += chars[i + n - 1].size();
      if (bytes > begins->second) break;
      if (n < 2) continue;
      auto it = by_name_.find(std::string(address.substr(offset, bytes)));
      if (it == by_name_.end()) continue;
      for (const Form& f : it->second) hits.push_back({f.division, f.full ? 1.0 : 0.7, i, i + n});
    }
  }
  if (hits.empty()) return std::nullopt;

  // Best weight per division, for looking up ancestors.
  std::unordered_map<std::uint32_t, const Hit*> best_hit;
  for (const Hit& h : hits) {
    auto [it, added] = best_hit.emplace(h.division, &h);
    if (!added && h.weight > it->second->weight) it->second = &h;
  }
  static constexpr std::array kPrefixes = {2, 4, 6, 9};
  struct Scored {
    std::uint32_t division;
    double score;
    int level;
    int levels_named;
  };
  std::vector<Scored> scored;
  for (const auto& [division, hit] : best_hit) {
    const Division& d = divisions_[division];
    Scored s{division, hit->weight, Level(d.code), 1};
    for (int len : kPrefixes) {
      if (static_cast<std::size_t>(len) >= d.code.size()) break;
      auto anc = by_code_.find(d.code.substr(0, len));
      if (anc == by_code_.end()) continue;
      auto h = best_hit.find(anc->second);
      if (h == best_hit.end()) continue;
      const Hit& a = *h->second;
      if (a.end <= hit->begin || a.begin >= hit->end) {  // not the same words read twice
        s.score += a.weight;
        ++s.levels_named;
      }
    }
    if (!home_.empty() && d.code.rfind(home_, 0) == 0) s.score += 0.3;
    scored.push_back(s);
  }
  std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.level != b.level) return a.level > b.level;
    return divisions_[a.division].code < divisions_[b.division].code;
  });
  const Scored& top = scored.front();
  std::string code = divisions_[top.division].code;

  DivisionMatch m;
  m.ambiguous = scored.size() > 1 && scored[1].score == top.score && scored[1].level == top.level;
  // Below the level found, a child's official name with one character wrong.
  std::vector<std::string> mistyped;
  for (int depth = 0; depth < 2; ++depth) {
    auto kids = children_.find(code);
    if (kids == children_.end()) break;
    std::string found;
    for (std::uint32_t k : kids->second) {
      const Division& child = divisions_[k];
      if (NearlyContains(chars, Utf8Chars(child.name))) {
        found = child.code;
        mistyped.push_back(child.name);
        break;
      }
    }
    if (found.empty()) break;
    code = found;
  }

  for (const Hit& h : hits) {
    const std::string& hc = divisions_[h.division].code;
    if (code.rfind(hc, 0) == 0) {  // the division found or one of its ancestors
      std::string text;
      for (std::size_t k = h.begin; k < h.end; ++k) text += chars[k];
      if (std::find(m.matched.begin(), m.matched.end(), text) == m.matched.end()) m.matched.push_back(text);
    }
  }
  m.matched.insert(m.matched.end(), mistyped.begin(), mistyped.end());
  m.code = code;
  for (std::size_t len : {2u, 4u, 6u, 9u, 12u}) {
    if (len > code.size()) break;
    const std::string prefix = code.substr(0, len);
    if (!by_code_.count(prefix)) continue;
    DivisionRef ref = Ref(prefix);
    switch (Level(prefix)) {
      case 1: m.province = ref; break;
      case 2: m.city = ref; break;
      case 3: m.district = ref; break;
      case 4: m.street = ref; break;
      case 5: m.village = ref; break;
    }
  }
  m.confidence = m.ambiguous ? 0.3 : std::min(1.0, 0.4 + 0.2 * top.levels_named + (top.score > top.levels_named * 0.9 ? 0.1 : 0));
  return m;
}

}  // namespace hotline::triage

#include "triage/intake/locator.h"

#include <algorithm>
#include <cmath>

#include "triage/intake/fuzzy_name.h"

namespace hotline::triage {
namespace {

// Official suffixes, longest first, stripped to get the short form people say.
const char* kSuffixes[] = {"街道办事处", "居民委员会", "村委会", "居委会", "街道", "社区", "高新区", "开发区",
                           "新区", "区", "县", "镇", "乡", "村", "市"};

int Depth(UnitKind kind) {
  switch (kind) {
    case UnitKind::kCommunity: return 3;
    case UnitKind::kStreet: return 2;
    case UnitKind::kDistrict: return 1;
    default: return 0;
  }
}

// The name without its official suffix (临川高新区 → 临川), or "" when none applies.
// With `longest` false, the shortest suffix (临川高新区 → 临川高新).
std::string Core(const std::string& name, bool longest) {
  std::string found;
  for (const char* suffix : kSuffixes) {
    const std::string sfx(suffix);
    if (name.size() > sfx.size() && name.compare(name.size() - sfx.size(), sfx.size(), sfx) == 0) {
      found = name.substr(0, name.size() - sfx.size());
      if (longest) break;
    }
  }
  return Utf8Chars(found).size() >= 2 ? found : std::string();
}

}  // namespace

Locator::Locator(const UnitTree& units, CityGeography geography) : units_(units), geo_(std::move(geography)) {
  // The city's own name (临川市, 临川) is never a short form of one of its divisions:
  // 「临川市什么时候供暖」 names the city, not 临川高新区.
  std::vector<std::string> reserved;
  for (const Unit& u : units.units()) {
    if (u.kind != UnitKind::kCity) continue;
    reserved.push_back(u.name);
    city_names_.push_back(u.name);
    if (std::string core = Core(u.name, true); !core.empty()) reserved.push_back(core);
  }
  auto is_reserved = [&](const std::string& form) {
    return std::find(reserved.begin(), reserved.end(), form) != reserved.end();
  };
  for (const Unit& u : units.units()) {
    if (Depth(u.kind) == 0) continue;
    names_.push_back({u.name, u.code, u.kind, true});
    std::string core = Core(u.name, true);
    if (is_reserved(core)) core = Core(u.name, false);  // 临川高新区 → 临川高新, not 临川
    if (!core.empty() && !is_reserved(core)) names_.push_back({core, u.code, u.kind, false});
  }
  // Longer names first, so 东华街道 is preferred to 东华.
  std::stable_sort(names_.begin(), names_.end(), [](const Name& a, const Name& b) { return a.text.size() > b.text.size(); });
}

Location Locator::Complete(const std::string& code, double confidence) const {
  Location loc;
  loc.area = code;
  loc.confidence = confidence;
  for (const std::string& c : units_.PathToRoot(code)) {
    const Unit* u = units_.Find(c);
    if (!u) continue;
    if (u->kind == UnitKind::kCommunity) loc.community = c;
    if (u->kind == UnitKind::kStreet) loc.street = c;
    if (u->kind == UnitKind::kDistrict) loc.district = c;
  }
  return loc;
}

std::optional<Location> Locator::FromAddress(const std::string& address) const {
  if (address.empty() || address.size() > 4000) return std::nullopt;
  struct Hit {
    const Name* name;
    bool exact;
  };
  std::vector<Hit> hits;
  for (const Name& n : names_)
    if (address.find(n.text) != std::string::npos) hits.push_back({&n, true});
  // One mistyped character in a full name of three or more characters (东化街道),
  // but not the city's own name read as a mistyped division (临川市 → 临川区).
  std::string masked;
  masked.reserve(address.size());
  for (std::size_t i = 0; i < address.size();) {
    auto city = std::find_if(city_names_.begin(), city_names_.end(),
                             [&](const std::string& c) { return !c.empty() && address.compare(i, c.size(), c) == 0; });
    if (city != city_names_.end()) {
      masked += '#';
      i += city->size();
    } else {
      masked += address[i++];
    }
  }
  const auto text = Utf8Chars(masked);
  for (const Name& n : names_) {
    const bool known = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.name->code == n.code; });
    if (n.full && !known && NearlyContains(text, Utf8Chars(n.text))) hits.push_back({&n, false});
  }
  if (hits.empty()) return std::nullopt;

  // The most specific unit consistent with every other division named: a hit that
  // lies on another hit's branch confirms it; one on a different branch contradicts it.
  const Hit* best = nullptr;
  int best_score = -1000;
  for (const Hit& h : hits) {
    int score = Depth(h.name->kind) * 10 + (h.name->full ? 3 : 0) + (h.exact ? 2 : 0);
    for (const Hit& other : hits) {
      if (other.name->code == h.name->code) continue;
      if (units_.IsWithin(h.name->code, other.name->code)) score += 5;          // an ancestor agrees
      else if (!units_.IsWithin(other.name->code, h.name->code)) score -= 8;  // another branch
    }
    if (score > best_score) {
      best_score = score;
      best = &h;
    }
  }
  double confidence = best->exact ? (best->name->full ? 0.95 : 0.8) : 0.6;
  Location loc = Complete(best->name->code, confidence);
  for (const Hit& h : hits) loc.matched.push_back(h.name->text);
  return loc;
}

std::optional<Location> Locator::FromPoint(double lat, double lon, double max_km) const {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return std::nullopt;
  if (!geo_.areas.empty()) {
    const Unit* best = nullptr;
    for (const AreaPolygon& area : geo_.areas) {
      const Unit* u = units_.Find(area.code);
      if (u && (!best || Depth(u->kind) > Depth(best->kind)) && area.Contains(lat, lon)) best = u;
    }
    if (!best) return std::nullopt;
    return Complete(best->code, 1.0);
  }
  const StreetCenter* best = nullptr;
  double best_km = max_km;
  constexpr double kKmPerDegree = 111.2;
  for (const StreetCenter& c : geo_.centers) {
    const double dy = (lat - c.lat) * kKmPerDegree;
    const double dx = (lon - c.lon) * kKmPerDegree * std::cos(lat * M_PI / 180);
    const double km = std::sqrt(dx * dx + dy * dy);
    if (km <= best_km) {
      best_km = km;
      best = &c;
    }
  }
  if (!best || !units_.Find(best->code)) return std::nullopt;
  return Complete(best->code, std::max(0.3, 1.0 - best_km / max_km));
}

}  // namespace hotline::triage

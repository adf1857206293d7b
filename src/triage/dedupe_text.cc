#include "triage/dedupe_text.h"

#include <algorithm>
#include <array>

#include "text/normalize.h"
#include "text/utf8.h"
#include "triage/mix64.h"

namespace hotline::triage {
namespace {

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FA1F);
}

bool IsUnit(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9')) return true;
  if (IsHan(c)) return true;
  // Latin letters with diacritics, kana, Hangul syllables.
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x3041 && c <= 0x30FF) ||
         (c >= 0xAC00 && c <= 0xD7AF);
}

char32_t Lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

std::uint64_t HashUnits(const char32_t* p, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a over the code points, then mixed
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<std::uint64_t>(p[i]);
    h *= 0x100000001b3ULL;
  }
  return Mix64(h ^ n);
}

// Place words, longest first where one ends another.
const std::array<std::u32string_view, 22> kPlaceWords = {
    U"小区", U"花园", U"家园", U"公寓", U"新村", U"新城", U"大厦", U"广场", U"中学", U"小学", U"幼儿园",
    U"医院", U"社区", U"街道", U"公园", U"市场", U"学校", U"学院", U"苑",   U"村",   U"镇",   U"乡"};

// Characters a name never spans: administrative levels, place words' own
// characters that end a previous place, pronouns and function characters.
constexpr std::u32string_view kCut =
    U"省市县区州镇乡村街道我们你他她它这那该本此个的了在是和与及或到从对向于为被把给让等各每某其旁边近内外前后里入住位处号栋楼层单元间"
    U"开设立建办过诉且影响严重进出门口去来要请";

bool IsCut(char32_t c) { return kCut.find(c) != std::u32string_view::npos; }

// A place word followed by one of these characters is another word (村民, 市场监管, 小学生).
bool NotAPlace(std::u32string_view word, char32_t next) {
  if (word == U"村") return std::u32string_view(U"民委干支级集").find(next) != std::u32string_view::npos;
  if (word == U"市场") return std::u32string_view(U"监管化价经").find(next) != std::u32string_view::npos;
  if (word == U"小学" || word == U"中学") return next == U'生';
  return false;
}

// Names that are words about places, not places.
bool Generic(std::u32string_view name) {
  static const std::u32string_view kGeneric[] = {
      U"综合", U"实验", U"普通", U"人民", U"中心", U"第一", U"第二", U"第三", U"附属", U"贫困", U"高档", U"城市", U"城区",
      U"周边", U"附近", U"当地", U"所在", U"整个", U"全体", U"广大", U"居民", U"业主", U"老旧", U"新建", U"一个",
      U"相关", U"部分", U"大型", U"小型", U"高中", U"初中", U"普通高", U"普通高中", U"公办", U"民办", U"私立", U"公立",
      U"农村", U"城镇", U"乡镇", U"安置", U"拆迁", U"棚改", U"配套", U"定点", U"指定"};
  for (auto g : kGeneric)
    if (name == g) return true;
  return false;
}

}  // namespace

std::u32string UnitsOf(std::u32string_view cps, std::size_t max_units);

std::u32string DedupeUnits(std::string_view text, std::size_t max_units) {
  return UnitsOf(text::DecodeUtf8(text::NormalizeText(text)), max_units);
}

std::vector<std::uint64_t> TextShingles(std::string_view text, int n, std::size_t max_units) {
  return ShinglesOfNormalized(text::DecodeUtf8(text::NormalizeText(text)), n, max_units);
}

std::vector<std::string> PlaceNames(std::string_view text, std::size_t max_units) {
  return PlaceNamesOfNormalized(text::DecodeUtf8(text::NormalizeText(text)), max_units);
}

std::u32string UnitsOf(std::u32string_view cps, std::size_t max_units) {
  std::u32string out;
  out.reserve(std::min(cps.size(), max_units));
  for (char32_t c : cps) {
    if (out.size() >= max_units) break;
    if (IsUnit(c)) out.push_back(Lower(c));
  }
  return out;
}

std::vector<std::uint64_t> ShinglesOfNormalized(std::u32string_view normalized, int n, std::size_t max_units) {
  if (n < 1) n = 1;
  const std::u32string units = UnitsOf(normalized, max_units);
  std::vector<std::uint64_t> out;
  const auto size = static_cast<std::size_t>(n);
  if (units.empty()) return out;
  if (units.size() < size) {  // a text shorter than one shingle is its own shingle
    out.push_back(HashUnits(units.data(), units.size()));
    return out;
  }
  out.reserve(units.size() - size + 1);
  for (std::size_t i = 0; i + size <= units.size(); ++i) out.push_back(HashUnits(units.data() + i, size));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> PlaceNamesOfNormalized(std::u32string_view normalized, std::size_t max_units) {
  const std::u32string_view cps = normalized.substr(0, std::min(normalized.size(), max_units * 2));
  std::vector<std::string> names;
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t matched = 0;
    for (std::u32string_view w : kPlaceWords)
      if (cps.compare(i, w.size(), w) == 0) {
        const char32_t next = i + w.size() < cps.size() ? cps[i + w.size()] : U' ';
        const bool inside_senior = (w == U"中学") && i > 0 && (cps[i - 1] == U'高' || cps[i - 1] == U'初');
        if (!NotAPlace(w, next) && !inside_senior) matched = w.size();
        break;
      }
    if (matched == 0) {
      ++i;
      continue;
    }
    // Up to four Han characters before the place word, cut after a cut character.
    std::size_t begin = i;
    while (begin > 0 && i - begin < 4 && IsHan(cps[begin - 1])) --begin;
    for (std::size_t j = i; j > begin; --j)
      if (IsCut(cps[j - 1])) {
        begin = j;
        break;
      }
    if (i - begin >= 2 && !Generic(cps.substr(begin, i - begin))) {
      std::string name = text::EncodeUtf8(cps.substr(begin, i - begin));
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
    i += matched;
  }
  return names;
}

std::vector<PlaceKey> PlaceKeys(const std::vector<std::string>& names) {
  std::vector<PlaceKey> keys;
  for (std::size_t n = 0; n < names.size(); ++n) {
    const std::u32string cps = text::DecodeUtf8(names[n]);
    for (std::size_t len = 2; len <= cps.size() && len <= 4; ++len) {
      const bool whole = len == cps.size();
      const std::uint64_t h = HashUnits(cps.data() + cps.size() - len, len);
      keys.push_back({(h & ~std::uint64_t{1}) | (whole ? 1 : 0), static_cast<std::uint32_t>(n)});
    }
  }
  std::sort(keys.begin(), keys.end(), [](const PlaceKey& a, const PlaceKey& b) { return a.key < b.key; });
  return keys;
}

}  // namespace hotline::triage

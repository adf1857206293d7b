// DivisionIndex: China's administrative divisions with their official codes —
// province (2 digits, GB/T 2260), prefecture city (4), county/district (6),
// township/street (9) and village/community (12, the statistical division
// codes) — and the resolution of an address as a caller says it into that
// chain. Names may come with missing levels ("三里屯街道" alone), as short forms
// ("朝阳" for 朝阳区, "江西" for 江西省) and, below a level already recognised,
// with one mistyped character. A name shared by several divisions (there are
// many 朝阳区) is settled by the other names in the address, then by the
// deployment's home area, else the match is marked ambiguous.
// Immutable once built; Resolve() is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/status.h"

namespace hotline::triage {

struct Division {
  std::string code;  // 2, 4, 6, 9 or 12 digits; a division's parent is a prefix of its code
  std::string name;
};

struct DivisionRef {
  std::string code, name;
};

struct DivisionMatch {
  std::optional<DivisionRef> province, city, district, street, village;
  std::string code;      // the most specific division found
  bool ambiguous = false;  // another division fits the address as well
  double confidence = 0;   // 0..1
  std::vector<std::string> matched;  // the names recognised in the text
};

class DivisionIndex {
 public:
  // Codes must be digits of a known length with their parents present (city
  // "市辖区" rows of the municipalities included); an InvalidArgument names the
  // first bad row. `home` (a code prefix such as "3610", may be empty) settles
  // ambiguous names in favour of the deployment's own area.
  static Result<DivisionIndex> Build(std::vector<Division> divisions, std::string home = {});

  std::optional<DivisionMatch> Resolve(std::string_view address) const;

  std::size_t size() const { return divisions_.size(); }
  const std::string& home() const { return home_; }
  // Whether a resolved division lies outside the home area (false without a home,
  // and for the home's own ancestors: "江西" is not outside 抚州市).
  bool OutsideHome(const std::string& code) const {
    return !home_.empty() && code.rfind(home_, 0) != 0 && home_.rfind(code, 0) != 0;
  }
  const Division* Find(const std::string& code) const;

 private:
  struct Form {
    std::uint32_t division;
    bool full;  // the official name, not a short form
  };
  static int Level(const std::string& code);
  void AddForm(const std::string& form, std::uint32_t division, bool full);
  DivisionRef Ref(const std::string& code) const;

  std::vector<Division> divisions_;
  std::unordered_map<std::string, std::uint32_t> by_code_;
  std::unordered_map<std::string, std::vector<Form>> by_name_;  // name form → divisions
  std::unordered_map<std::string, std::vector<std::uint32_t>> children_;
  std::unordered_map<std::string, std::size_t> starts_;  // first two characters of a name form → its longest length in bytes
  std::size_t longest_name_ = 0;  // in bytes
  std::string home_;
};

}  // namespace hotline::triage

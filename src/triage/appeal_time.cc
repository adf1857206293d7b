#include "triage/appeal_time.h"

namespace hotline::triage {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool Leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysIn(std::int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
bool Digits(std::string_view s, std::size_t& pos, int n, int& out) {
  if (pos + static_cast<std::size_t>(n) > s.size()) return false;
  out = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(n);
  return true;
}

bool Expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<std::int64_t> ParseAppealTime(std::string_view s) {
  std::size_t p = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(s, p, 4, year) || !Expect(s, p, '-') || !Digits(s, p, 2, month) || !Expect(s, p, '-') ||
      !Digits(s, p, 2, day))
    return std::nullopt;
  if (year < 1970 || month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > DaysIn(year, month))
    return std::nullopt;
  if (p < s.size()) {
    if (s[p] != 'T' && s[p] != ' ') return std::nullopt;
    ++p;
    if (!Digits(s, p, 2, hour) || !Expect(s, p, ':') || !Digits(s, p, 2, minute)) return std::nullopt;
    if (p < s.size() && s[p] == ':') {
      ++p;
      if (!Digits(s, p, 2, second)) return std::nullopt;
      if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
        ++p;
        const std::size_t begin = p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        if (p == begin) return std::nullopt;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  }
  std::int64_t offset = 0;
  if (p < s.size()) {
    if (s[p] == 'Z') {
      ++p;
    } else if (s[p] == '+' || s[p] == '-') {
      const int sign = s[p] == '-' ? -1 : 1;
      ++p;
      int oh = 0, om = 0;
      if (!Digits(s, p, 2, oh)) return std::nullopt;
      if (p < s.size() && s[p] == ':') ++p;
      if (p < s.size() && !Digits(s, p, 2, om)) return std::nullopt;
      if (oh > 23 || om > 59) return std::nullopt;
      offset = sign * (oh * 3600 + om * 60);
    } else {
      return std::nullopt;
    }
  }
  if (p != s.size()) return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
         minute * 60 + second - offset;
}

}  // namespace hotline::triage

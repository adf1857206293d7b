#include "app/demo_text.h"

#include <charconv>

#include "domain/work_calendar.h"

namespace hotline::app {
namespace {

// Reads a non-negative integer at s[i...], advancing i.
bool ReadNumber(const std::string& s, std::size_t& i, long& value) {
  const auto r = std::from_chars(s.data() + i, s.data() + s.size(), value);
  if (r.ec != std::errc() || value < 0) return false;
  i = static_cast<std::size_t>(r.ptr - s.data());
  return true;
}

// ":LO-HI" or ":LO-HI/STEP", with LO and HI multiples of STEP.
bool ParseRange(const std::string& spec, long& lo, long& hi, long& step) {
  std::size_t i = 0;
  if (spec[i++] != ':' || !ReadNumber(spec, i, lo) || i >= spec.size() || spec[i++] != '-' || !ReadNumber(spec, i, hi))
    return false;
  step = 1;
  if (i < spec.size() && (spec[i++] != '/' || !ReadNumber(spec, i, step))) return false;
  return i == spec.size() && step > 0 && lo <= hi && lo % step == 0 && hi % step == 0;
}

}  // namespace

std::optional<DemoSeason> ParseDemoSeason(const std::string& s) {
  if (s.empty()) return DemoSeason::kAny;
  if (s == "heating") return DemoSeason::kHeating;
  if (s == "summer") return DemoSeason::kSummer;
  if (s == "harvest") return DemoSeason::kHarvest;
  if (s == "autumn") return DemoSeason::kAutumn;
  if (s == "national_day") return DemoSeason::kNationalDay;
  return std::nullopt;
}

bool InDemoSeason(DemoSeason season, UnixSeconds t) {
  if (season == DemoSeason::kAny) return true;
  const UnixSeconds local = t + WorkCalendar::kUtcOffsetSeconds;
  const int days = static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  const std::string date = CivilFromDays(days);  // YYYY-MM-DD
  const int md = std::stoi(date.substr(5, 2)) * 100 + std::stoi(date.substr(8, 2));
  switch (season) {
    case DemoSeason::kAny: return true;
    case DemoSeason::kHeating: return md >= 1115 || md <= 315;
    case DemoSeason::kSummer: return md >= 515 && md <= 930;
    case DemoSeason::kHarvest: return (md >= 525 && md <= 630) || (md >= 925 && md <= 1115);
    case DemoSeason::kAutumn: return md >= 1001 && md <= 1215;
    case DemoSeason::kNationalDay: return md >= 1001 && md <= 1015;
  }
  return true;
}

Result<std::string> FillNumbers(const std::string& text, const PickInRange& pick) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t at = text.find("{n", pos); at != std::string::npos; at = text.find("{n", pos)) {
    const std::size_t end = text.find('}', at);
    if (end == std::string::npos) return Status::InvalidArgument("template", "unclosed placeholder in " + text);
    const std::string spec = text.substr(at + 2, end - at - 2);  // "" or ":LO-HI[/STEP]"
    long lo = 1, hi = 12, step = 1;
    if (!spec.empty() && !ParseRange(spec, lo, hi, step))
      return Status::InvalidArgument("template", "bad placeholder {n" + spec + "} in " + text);
    out.append(text, pos, at - pos);
    out += std::to_string(pick(lo / step, hi / step) * step);
    pos = end + 1;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace hotline::app

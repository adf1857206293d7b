// Demo appeal texts: the seasons a template belongs to and its number
// placeholders (data/demo/appeal_templates.tsv).
//   season  ""        any day
//           heating   the heating season of the city, 15 Nov – 15 Mar (local dates)
//           summer    the warm months, 15 May – 30 Sep (mosquitoes, heat, smells)
//           harvest   straw burning after the harvests, 25 May – 30 Jun and 25 Sep – 15 Nov
//           autumn    fallen leaves, 1 Oct – 15 Dec
//           national_day  the October holidays and the fortnight after, 1 – 15 Oct
//   {n}             a small count, 1..12
//   {n:LO-HI}       an integer in [LO, HI]
//   {n:LO-HI/STEP}  a multiple of STEP in [LO, HI] (e.g. {n:100-800/100}米 → 300米)
// Numbers are written with Arabic digits and the unit word only (GB/T 15835:
// 万 and 亿 may follow digits, 十/百/千 may not), so a template writes 300米,
// never 3百米.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "domain/clock.h"
#include "domain/status.h"

namespace hotline::app {

enum class DemoSeason { kAny, kHeating, kSummer, kHarvest, kAutumn, kNationalDay };

// nullopt for anything but "" and the names above.
std::optional<DemoSeason> ParseDemoSeason(const std::string& s);
// Whether the local (UTC+8) date of `t` is in the season.
bool InDemoSeason(DemoSeason season, UnixSeconds t);

// Replaces every number placeholder, drawing with `pick(lo, hi)` (an integer in
// [lo, hi]). A malformed placeholder is an error naming it (field "template").
using PickInRange = std::function<long(long lo, long hi)>;
Result<std::string> FillNumbers(const std::string& text, const PickInRange& pick);

}  // namespace hotline::app

// `hotline surges` (DESIGN.md §5, issue 14): the surge detector the server will run
// live (analytics/surge_detector.h), over a file of daily counts.
//
//   hotline surges --input FILE.csv [--holidays FILE] [--threshold T]
//
// Reads a CSV with the header `date,series,count` (in any order; no other column):
//   date    YYYY-MM-DD, a real calendar date
//   series  any non-empty text naming the series (a unit, a category, a street …)
//   count   a whole number ≥ 0, the series' count that day
// One row per series and day at most. A series runs from its first date to the
// last date of the whole file; a day without a row counts 0 (no appeals). Writes
// CSV rows `date,series,count,expected,score,alarm` on stdout, series in order of
// first appearance, each day by day: expected is the model's expected count and
// score −log10 of the smallest tail probability over the windows of 1–7 days
// ending that day (both with 4 decimals), alarm 1 when score ≥ the threshold,
// else 0. A day without enough history (the first 63 days of a series) has empty
// expected and score and alarm 0.
// Holidays come from --holidays (default: calendar/cn_holidays.csv in the data
// directory; columns date,kind with kind holiday or workday).
// Because every expected level depends on the whole series, a bad row refuses
// the whole input: each bad row is reported on stderr as "line N: field F: why"
// (the first 20), nothing is written on stdout, and the exit status is 2 (1 when
// a file cannot be read).
#pragma once

#include <iosfwd>
#include <string>

#include "analytics/day_features.h"
#include "analytics/surge_detector.h"
#include "domain/status.h"

namespace hotline::app {

struct SurgesCommand {
  std::string input;
  std::string holidays;  // empty: the data directory's calendar
  analytics::SurgeOptions options;
};

// The official calendar file (date,kind) as the detector's holidays.
Result<analytics::HolidayCalendar> LoadHolidayCalendar(const std::string& path);

// Runs on the text of the input file (`source` names it in messages).
int RunSurgesOnText(const SurgesCommand& cmd, const std::string& source, const std::string& text,
                    const analytics::HolidayCalendar& holidays, std::ostream& out, std::ostream& err);

// Reads cmd.input and the holidays, then RunSurgesOnText. Returns the exit status.
int RunSurges(const SurgesCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace hotline::app

// The years the holiday calendar covers, and the warning a center needs before it
// runs out: the current year is missing, or, from November 1 (local time, when the
// State Council usually publishes the next year's notice), next year is missing.
// A year counts as covered when the calendar lists at least one day of it (every
// notice lists New Year's Day).
#pragma once

#include <optional>
#include <vector>

#include "domain/clock.h"

namespace hotline {

struct CalendarGap {
  int year = 0;               // the year without holidays
  bool current_year = false;  // true: this year; false: next year, from November 1
};

// `years_covered` in any order.
std::optional<CalendarGap> MissingCalendarYear(const std::vector<int>& years_covered, UnixSeconds now);

}  // namespace hotline

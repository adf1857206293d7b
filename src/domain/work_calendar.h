// WorkCalendar: working days in the city's time zone (UTC+8), following the official
// holiday schedule: weekends are rest days unless listed as make-up working days
// (调休), and listed holidays are rest days. Dates are "YYYY-MM-DD".
#pragma once

#include <set>
#include <string>

#include "domain/clock.h"
#include "domain/status.h"

namespace hotline {

class WorkCalendar {
 public:
  WorkCalendar() = default;
  // Adds a holiday ("holiday") or a make-up working day ("workday").
  Status AddDay(const std::string& date, const std::string& kind);

  bool IsWorkingDay(int days_since_epoch_local) const;
  // The instant `working_days` working days after `from`, at the same local time of
  // day; a start on a rest day counts from the next working day's start.
  UnixSeconds AddWorkingDays(UnixSeconds from, int working_days) const;
  // Working hours are not modelled: hours are added as elapsed time.
  static UnixSeconds AddHours(UnixSeconds from, int hours) { return from + hours * 3600; }

  static constexpr int kUtcOffsetSeconds = 8 * 3600;

 private:
  std::set<int> holidays_;   // local days since epoch
  std::set<int> workdays_;
};

// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
int DaysFromCivil(int y, unsigned m, unsigned d);
std::string CivilFromDays(int days);

}  // namespace hotline

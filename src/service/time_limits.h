// TimeLimits: the time limits in force (issue 10) — the center's rules
// (TimeLimitPolicy), its working time (the holiday calendar with the center's
// working hours) and the years the calendar covers — and the admin's changes to
// them.
//
// Where they come from: the data directory's files are the seed and the default
// (app::OpenHotline reads them and calls Start); the store's version wins once an
// admin has edited it — the rules and working hours as a whole (StoredTimeLimits,
// version > 0), and the calendar year by year (an uploaded year replaces that
// year of the file; the file's other years stay).
//
// Changes (Capability time_limit_admin): ReplaceRules takes the whole rule set and
// the working hours as text, checked by the same parser as the files
// (domain/time_limit_text.h), with the version the admin read (a stale one is a
// Conflict, reason stale_version); ReplaceCalendarYear takes one year's CSV (the
// file's format) or rows, checked by domain/calendar_year.h; RemoveCalendarYear
// undoes an upload (the store then holds no day of that year). Each is written with
// its audit record in one transaction, then takes effect for every later command
// without a restart: the new setup is swapped in whole (readers hold a shared_ptr
// snapshot; a command computes its deadlines from one setup), and changes are
// serialised among themselves. Tickets keep the deadlines their events recorded.
//
// Reads: InForce needs reference_read (every staff role) and answers Unavailable
// before Install/Start. No HTTP, no JSON.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar_coverage.h"
#include "domain/calendar_year.h"
#include "domain/time_limit_policy.h"
#include "domain/time_limit_text.h"
#include "domain/work_time.h"
#include "service/core.h"

namespace hotline::service {

struct TimeLimitsInForce {
  std::shared_ptr<const TimeLimitSetup> setup;  // never null
  // A year the calendar lacks: this one, or next year from November 1 (at the service's now).
  std::optional<CalendarGap> calendar_gap;
};

// The data directory's time limits: the default until an admin edits them.
struct TimeLimitDefaults {
  TimeLimitPolicy policy;
  WorkingHours working_hours;
  std::vector<CalendarDay> calendar_days;  // the file's
};

class TimeLimits {
 public:
  explicit TimeLimits(ServiceCore& core) : core_(core) {}

  // Installs rules and working hours over the service's holiday calendar (covering
  // `calendar_years`), without reading the store (tests, benchmarks); commands use
  // them from the next ServiceCore::LoadReferenceData.
  void Install(TimeLimitPolicy policy, WorkingHours hours, std::vector<int> calendar_years);
  // Installs the files' defaults with the store's edits over them (see above); an
  // Internal error when what the store holds no longer parses.
  Status Start(TimeLimitDefaults defaults);

  Result<TimeLimitsInForce> InForce(const Actor& actor) const;

  // Reads the store's edits again and reloads the reference data with them
  // (another server changed them: ClusterSync); before Install/Start, only the
  // reference data.
  Status Reload();

  // Replaces the rules and working hours whole (see above); returns what is in
  // force afterwards. Errors name the field (the column) with params "line" (the
  // rule's or period's place from 1) and "value".
  Result<TimeLimitsInForce> ReplaceRules(const std::vector<TimeLimitRuleText>& rules,
                                         const std::vector<WorkPeriodText>& working_hours, int expected_version,
                                         const Actor& actor);
  // One year's days in force (reference_read), by date; empty for a year not covered.
  Result<std::vector<CalendarDay>> CalendarYear(int year, const Actor& actor) const;
  // Replaces one year of the calendar from CSV text (date,kind) or from rows.
  Status ReplaceCalendarYear(int year, const std::string& csv, const Actor& actor);
  Status ReplaceCalendarYear(int year, const std::vector<CalendarRow>& rows, const Actor& actor);
  // Removes an uploaded year (audited as remove_calendar_year): the file's days of
  // that year are in force again, or none when the file lacks it. NotFound (reason
  // not_found) when the year was never uploaded.
  Status RemoveCalendarYear(int year, const Actor& actor);

  // The years a calendar upload accepts.
  static constexpr int kFirstYear = 2000, kLastYear = 2100;

 private:
  // Builds and installs the setup from the defaults and the store; with `reload`,
  // the reference data is reloaded so that commands use it at once.
  Status Rebuild(bool reload);

  ServiceCore& core_;
  std::mutex change_mu_;  // serialises Start and the changes
  std::optional<TimeLimitDefaults> defaults_;  // set by Start; Install leaves it empty
  std::vector<int> installed_years_;           // Install's calendar years
  bool from_files_ = false;                    // Start: the defaults list the calendar's days
};

}  // namespace hotline::service

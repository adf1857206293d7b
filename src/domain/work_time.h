// WorkTime: a center's working time — the official calendar (WorkCalendar:
// weekends, holidays, make-up working days), its daily working hours, the city's
// time zone Asia/Shanghai (UTC+8, no daylight saving) — and when a time limit
// started at an instant falls due. DueAt, by the limit's unit:
//   natural_hours  start + n hours
//   natural_days   start + n x 24 hours (the same local time n days later)
//   working_days   WorkCalendar::AddWorkingDays: the same local time of day n
//                  working days later; a start on a rest day counts from the start
//                  of the next working day (so it falls due at midnight)
//   working_hours  the instant the n-th hour inside the working periods of working
//                  days has run: time outside them does not count, a start outside
//                  them waits for the next period, and a limit used up exactly at
//                  a period's end is due then (12:00, not 13:30)
// A stopped clock (pause, issue 10) needs the limit's time measured, not only
// added: TimeIn counts how much of a unit's time runs between two instants —
// natural units every second, working_hours the seconds inside working periods of
// working days, working_days every second of a working day (all 24 hours, so that
// 1 working day of it is the same as AddWorkingDays(…, 1) from a working day) —
// and AddTime is its inverse: a deadline paused with TimeIn(paused, due) left is
// due at AddTime(resumed, left) once the clock runs again.
// Pure and thread-safe once built; no clock of its own: callers pass the start.
#pragma once

#include <utility>

#include "domain/clock.h"
#include "domain/time_limit.h"
#include "domain/work_calendar.h"
#include "domain/working_hours.h"

namespace hotline {

class WorkTime {
 public:
  WorkTime() = default;  // weekends only, default working hours
  WorkTime(WorkCalendar calendar, WorkingHours hours) : calendar_(std::move(calendar)), hours_(std::move(hours)) {}

  UnixSeconds DueAt(UnixSeconds start, TimeLimit limit) const;
  UnixSeconds AddWorkingHours(UnixSeconds start, int hours) const { return AddWorkingSeconds(start, hours * 3600LL); }
  // The seconds of `unit`'s time in [from, to); 0 when to <= from.
  long long TimeIn(UnixSeconds from, UnixSeconds to, LimitUnit unit) const;
  // The instant at which `seconds` of `unit`'s time have run from `start`.
  UnixSeconds AddTime(UnixSeconds start, long long seconds, LimitUnit unit) const;
  // True when `t` lies inside a working period of a working day.
  bool IsWorkingTime(UnixSeconds t) const;

  const WorkCalendar& calendar() const { return calendar_; }
  const WorkingHours& hours() const { return hours_; }

 private:
  UnixSeconds AddWorkingSeconds(UnixSeconds start, long long seconds) const;
  UnixSeconds AddWorkingDaySeconds(UnixSeconds start, long long seconds) const;

  WorkCalendar calendar_;
  WorkingHours hours_;
};

}  // namespace hotline

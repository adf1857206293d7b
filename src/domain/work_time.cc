#include "domain/work_time.h"

#include <algorithm>

namespace hotline {
namespace {

constexpr long long kDay = 86400;

// The local day (days since 1970-01-01 in UTC+8) of `t`, and its second in that day.
struct LocalTime {
  int day;
  long long second;
};

LocalTime ToLocal(UnixSeconds t) {
  const long long local = t + WorkCalendar::kUtcOffsetSeconds;
  const long long day = local >= 0 ? local / kDay : (local - (kDay - 1)) / kDay;
  return {static_cast<int>(day), local - day * kDay};
}

UnixSeconds FromLocal(int day, long long second) {
  return static_cast<UnixSeconds>(day) * kDay + second - WorkCalendar::kUtcOffsetSeconds;
}

}  // namespace

UnixSeconds WorkTime::DueAt(UnixSeconds start, TimeLimit limit) const {
  switch (limit.unit) {
    case LimitUnit::kNaturalHours:
      return start + limit.amount * 3600LL;
    case LimitUnit::kNaturalDays:
      return start + limit.amount * kDay;
    case LimitUnit::kWorkingDays:
      return calendar_.AddWorkingDays(start, limit.amount);
    case LimitUnit::kWorkingHours:
      return AddWorkingSeconds(start, limit.amount * 3600LL);
  }
  return start;
}

long long WorkTime::TimeIn(UnixSeconds from, UnixSeconds to, LimitUnit unit) const {
  if (to <= from) return 0;
  if (unit == LimitUnit::kNaturalHours || unit == LimitUnit::kNaturalDays) return to - from;
  const LocalTime a = ToLocal(from), b = ToLocal(to);
  long long total = 0;
  for (int day = a.day; day <= b.day; ++day) {
    if (!calendar_.IsWorkingDay(day)) continue;
    const long long lo = day == a.day ? a.second : 0;
    const long long hi = day == b.day ? b.second : kDay;
    if (unit == LimitUnit::kWorkingDays) {
      total += hi - lo;
      continue;
    }
    for (const WorkPeriod& p : hours_.periods())
      total += std::max<long long>(0, std::min<long long>(hi, p.end) - std::max<long long>(lo, p.start));
  }
  return total;
}

UnixSeconds WorkTime::AddTime(UnixSeconds start, long long seconds, LimitUnit unit) const {
  switch (unit) {
    case LimitUnit::kNaturalHours:
    case LimitUnit::kNaturalDays:
      return start + std::max(0LL, seconds);
    case LimitUnit::kWorkingHours:
      return AddWorkingSeconds(start, seconds);
    case LimitUnit::kWorkingDays:
      return AddWorkingDaySeconds(start, seconds);
  }
  return start;
}

UnixSeconds WorkTime::AddWorkingDaySeconds(UnixSeconds start, long long seconds) const {
  if (seconds <= 0) return start;
  const LocalTime local = ToLocal(start);
  long long left = seconds;
  long long second = local.second;
  // Terminates: every week has working days.
  for (int day = local.day;; ++day, second = 0) {
    if (!calendar_.IsWorkingDay(day)) continue;
    if (left <= kDay - second) return FromLocal(day, second + left);
    left -= kDay - second;
  }
}

bool WorkTime::IsWorkingTime(UnixSeconds t) const {
  const LocalTime local = ToLocal(t);
  if (!calendar_.IsWorkingDay(local.day)) return false;
  return std::any_of(hours_.periods().begin(), hours_.periods().end(),
                     [&](const WorkPeriod& p) { return local.second >= p.start && local.second < p.end; });
}

UnixSeconds WorkTime::AddWorkingSeconds(UnixSeconds start, long long seconds) const {
  if (seconds <= 0) return start;
  const LocalTime local = ToLocal(start);
  long long left = seconds;
  long long second = local.second;
  // Terminates: WorkingHours has at least one period and every week has working days.
  for (int day = local.day;; ++day, second = 0) {
    if (!calendar_.IsWorkingDay(day)) continue;
    if (second == 0 && left > hours_.seconds_per_day()) {  // a whole working day, still more to go
      left -= hours_.seconds_per_day();
      continue;
    }
    for (const WorkPeriod& p : hours_.periods()) {
      if (second >= p.end) continue;
      const long long from = std::max<long long>(second, p.start);
      const long long available = p.end - from;
      if (left <= available) return FromLocal(day, from + left);
      left -= available;
      second = p.end;
    }
  }
}

}  // namespace hotline

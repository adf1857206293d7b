#include "domain/work_calendar.h"

#include <cstdio>

namespace hotline {

// Howard Hinnant's public-domain civil-date algorithms, re-derived here.
int DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

std::string CivilFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp + (mp < 10 ? 3 : -9);
  y += (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Status WorkCalendar::AddDay(const std::string& date, const std::string& kind) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31)
    return Status::InvalidArgument("date", "expected YYYY-MM-DD, got '" + date + "'");
  const int day = DaysFromCivil(y, m, d);
  if (kind == "holiday") {
    holidays_.insert(day);
  } else if (kind == "workday") {
    workdays_.insert(day);
  } else {
    return Status::InvalidArgument("kind", "expected holiday or workday, got '" + kind + "'");
  }
  return Status::Ok();
}

bool WorkCalendar::IsWorkingDay(int day) const {
  if (workdays_.count(day)) return true;
  if (holidays_.count(day)) return false;
  const int weekday = ((day % 7) + 7 + 3) % 7;  // 0 = Monday; 1970-01-01 was a Thursday
  return weekday < 5;
}

UnixSeconds WorkCalendar::AddWorkingDays(UnixSeconds from, int working_days) const {
  const UnixSeconds local = from + kUtcOffsetSeconds;
  int day = static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  UnixSeconds time_of_day = local - static_cast<UnixSeconds>(day) * 86400;
  if (!IsWorkingDay(day)) {
    time_of_day = 0;
    while (!IsWorkingDay(day)) ++day;
  }
  for (int left = working_days; left > 0;) {
    ++day;
    if (IsWorkingDay(day)) --left;
  }
  return static_cast<UnixSeconds>(day) * 86400 + time_of_day - kUtcOffsetSeconds;
}

}  // namespace hotline

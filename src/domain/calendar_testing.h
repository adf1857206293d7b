// Test helpers: local instants in the city (UTC+8) and the shipped holiday
// calendar (data/calendar/cn_holidays.csv), read with a minimal reader so that
// domain tests need not link the app's CSV reader.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>

#include "domain/work_calendar.h"

namespace hotline::testing {

inline UnixSeconds LocalTime(int y, unsigned m, unsigned d, int hour, int minute = 0, int second = 0) {
  return static_cast<UnixSeconds>(DaysFromCivil(y, m, d)) * 86400 + hour * 3600 + minute * 60 + second -
         WorkCalendar::kUtcOffsetSeconds;
}

inline WorkCalendar ShippedCalendar() {
  std::ifstream in(HOTLINE_SOURCE_DIR "/data/calendar/cn_holidays.csv");
  if (!in) throw std::runtime_error("data/calendar/cn_holidays.csv not found");
  WorkCalendar calendar;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line == "date,kind") continue;
    const std::size_t comma = line.find(',');
    if (comma == std::string::npos || !calendar.AddDay(line.substr(0, comma), line.substr(comma + 1)).ok())
      throw std::runtime_error("bad calendar line: " + line);
  }
  return calendar;
}

}  // namespace hotline::testing

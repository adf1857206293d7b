#include "analytics/day_features.h"

#include <cmath>
#include <numbers>

namespace hotline::analytics {

int Weekday(int day) { return ((day + 3) % 7 + 7) % 7; }  // 1970-01-01 was a Thursday

bool HolidayCalendar::IsRestDay(int day) const {
  if (IsHoliday(day)) return true;
  return Weekday(day) >= 5 && !IsWorkday(day);
}

bool HolidayCalendar::IsAfterHoliday(int day) const {
  if (IsRestDay(day) || !IsRestDay(day - 1)) return false;
  int rest = 0;
  bool holiday = false;
  for (int d = day - 1; IsRestDay(d) && rest < 30; --d, ++rest) holiday = holiday || IsHoliday(d);
  return holiday && rest >= 3;
}

void DayFeatures(int day, const FeatureLayout& layout, const HolidayCalendar& calendar, std::vector<double>& out) {
  out.assign(static_cast<std::size_t>(layout.size()), 0.0);
  std::size_t i = 0;
  out[i++] = 1;
  if (layout.trend) out[i++] = (day - layout.reference_day) / 365.25;
  const int wd = Weekday(day);
  if (wd > 0) out[i + static_cast<std::size_t>(wd - 1)] = 1;
  i += 6;
  for (int h = 1; h <= layout.harmonics; ++h) {
    const double angle = 2 * std::numbers::pi * h * day / 365.2425;
    out[i++] = std::cos(angle);
    out[i++] = std::sin(angle);
  }
  out[i++] = calendar.IsHoliday(day) ? 1 : 0;
  out[i++] = calendar.IsWorkday(day) ? 1 : 0;
  out[i++] = calendar.IsAfterHoliday(day) ? 1 : 0;
}

}  // namespace hotline::analytics

#include "domain/ledger.h"

#include <cstdio>

#include "domain/reasons.h"
#include "domain/work_calendar.h"

namespace hotline {

namespace {

Status BadMonth() {
  return Status::InvalidArgument("month", "month must be YYYY-MM (2000-01 … 2099-12)")
      .WithReason(Reasons::kInvalidValue);
}

bool Digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

Result<MonthSpan> ParseLedgerMonth(std::string_view month) {
  if (month.size() != 7 || month[4] != '-' || !Digits(month.substr(0, 4)) || !Digits(month.substr(5, 2)))
    return BadMonth();
  const int year = std::stoi(std::string(month.substr(0, 4)));
  const int mon = std::stoi(std::string(month.substr(5, 2)));
  if (year < 2000 || year > 2099 || mon < 1 || mon > 12) return BadMonth();
  const int next_year = mon == 12 ? year + 1 : year;
  const unsigned next_mon = mon == 12 ? 1u : static_cast<unsigned>(mon + 1);
  MonthSpan span;
  span.from = static_cast<UnixSeconds>(DaysFromCivil(year, static_cast<unsigned>(mon), 1)) * 86400 -
              WorkCalendar::kUtcOffsetSeconds;
  span.to = static_cast<UnixSeconds>(DaysFromCivil(next_year, next_mon, 1)) * 86400 - WorkCalendar::kUtcOffsetSeconds;
  return span;
}

std::string LedgerMonthOf(UnixSeconds t) {
  const UnixSeconds local = t + WorkCalendar::kUtcOffsetSeconds;
  int days = static_cast<int>(local / 86400);
  if (local < 0 && local % 86400 != 0) --days;
  return CivilFromDays(days).substr(0, 7);
}

std::string_view Name(ClearedHow how) {
  switch (how) {
    case ClearedHow::kSatisfied: return "satisfied";
    case ClearedHow::kClosedWithReason: return "closed_with_reason";
    case ClearedHow::kClosedUnreachable: return "closed_unreachable";
    case ClearedHow::kClosed: return "closed";
  }
  return "closed";
}

ClearedHow HowCleared(const Event& closing) {
  if (closing.command == "callback") return ClearedHow::kSatisfied;
  if (closing.command == "close" && closing.from == TicketState::kUnsatisfied) return ClearedHow::kClosedWithReason;
  if (closing.command == "close" && closing.from == TicketState::kToCallback) return ClearedHow::kClosedUnreachable;
  return ClearedHow::kClosed;
}

double ClearDownRate(std::int64_t cleared, std::int64_t total) {
  return total <= 0 ? 0.0 : static_cast<double>(cleared) / static_cast<double>(total);
}

}  // namespace hotline

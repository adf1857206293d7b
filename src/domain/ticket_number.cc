#include "domain/ticket_number.h"

#include <algorithm>
#include <cstdio>

#include "domain/work_calendar.h"

namespace hotline {

std::string TicketNumber(const Ticket& t) {
  const UnixSeconds local = t.created_at + WorkCalendar::kUtcOffsetSeconds;
  const int day = static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  std::string date = CivilFromDays(day);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  char id[24];
  std::snprintf(id, sizeof id, "%06lld", static_cast<long long>(t.id));
  return "LC" + date + id;
}

std::optional<TicketId> TicketIdFromNumber(const std::string& s) {
  if (s.size() < 11 || s.size() > 24) return std::nullopt;
  if ((s[0] != 'L' && s[0] != 'l') || (s[1] != 'C' && s[1] != 'c')) return std::nullopt;  // any case: users type it
  for (std::size_t i = 2; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const TicketId id = std::stoll(s.substr(10));
  return id > 0 ? std::optional<TicketId>(id) : std::nullopt;
}

}  // namespace hotline

// The clearing ledger (动态清零, issue 10): what it lists and what "cleared" means.
//
// A month's ledger lists every ticket that a callback found unsatisfied (不满意)
// or unresolved (未解决) within that calendar month in the city's time (UTC+8):
// the `callback` events whose outcome sent the ticket to the state `unsatisfied`
// (state_machine.cc), one row per ticket however many such callbacks it had that
// month. Such a ticket is the supervisor's: reopened for 二次办理 or closed with a
// recorded reason.
//
// Cleared (已清零): the ticket is closed now. `closed` is final, so a row once
// cleared stays cleared, and a ticket reopened and found unsatisfied again is not.
// How it was cleared is the command of the event that closed it:
//   satisfied          a later callback found the citizen satisfied (or basically
//                      satisfied) and the problem resolved — the only way a
//                      callback closes a ticket;
//   closed_with_reason the supervisor closed the unsatisfied ticket, the reason
//                      recorded in the event (e.g. an unreasonable demand explained);
//   closed_unreachable after 二次办理 the citizen could not be reached for the
//                      callback and the ticket was closed after the tries the
//                      policy asks for;
//   closed             any other close (none in today's command table; kept so a
//                      new way of closing still counts, and shows as such).
// The clear-down rate of a month (清零率) is its cleared rows over all its rows,
// as of the moment it is read: the ledger is dynamic, an old month's rate rises
// as its open rows are cleared.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline {

// [from, to): a calendar month in the city's time, as Unix seconds.
struct MonthSpan {
  UnixSeconds from = 0;
  UnixSeconds to = 0;
};

// "YYYY-MM" (year 2000..2099, month 01..12) → its span; InvalidArgument naming
// "month" (reason invalid_value) otherwise.
Result<MonthSpan> ParseLedgerMonth(std::string_view month);

// The month ("YYYY-MM", city time) an instant falls in.
std::string LedgerMonthOf(UnixSeconds t);

enum class ClearedHow { kSatisfied, kClosedWithReason, kClosedUnreachable, kClosed };

std::string_view Name(ClearedHow how);

// How the event that closed a ticket cleared it (see above).
ClearedHow HowCleared(const Event& closing);

// The clear-down rate: cleared / total, 0 for an empty month.
double ClearDownRate(std::int64_t cleared, std::int64_t total);

}  // namespace hotline

// TrackDeadlines: a ticket's five deadlines after one transition (issue 10). The
// state machine calls it after every command's effect, with the ticket before and
// after, and records the result in the event when it changed, so that replay takes
// the recorded list and never today's rules or calendar. The rules:
//
//   dispatch by the hotline (not a unit's 二次派单) or by a joint-review decision: all five start afresh — sign,
//     contact, reply and handle from now (ScheduleDeadlines: the policy's limits
//     for the appeal's facts; handle is the ticket's due_at), callback pending with
//     no due instant yet;
//   sign            sign met;
//   contact         contact met at the contact time given (else now);
//   reply           reply met (the first answer), contact met when the reply says
//                   the citizen was reached (at that time);
//   the ticket reaching `replied` (the final reply is at the hotline): handle met;
//   review refused  handle owed again (pending, or overdue when due has passed);
//   review accepted callback starts now;
//   callback        met by an answered callback (an unreachable one is an attempt);
//   reopen          reply and handle start afresh from now, callback owed again;
//   return to the hotline (to_dispatch, joint_review): the unit's four are cancelled;
//   a final state: what is still owed is cancelled (overdue stays overdue);
//   edit of urgency, category or type while dispatched: sign, contact and reply
//     still owed are re-timed from the dispatch with the new limits;
//   due_at changed (an approved extension): handle follows it (still paused while
//     the clock is stopped);
//   pause           sign, contact, reply and handle still pending stop (paused);
//   the clock running again (resume, or a command that ends the pause, such as a
//     return): each paused deadline is pending again and keeps what it had left
//     at the pause, measured in its limit's unit (ResumedDue); the handle
//     deadline's new due is the ticket's due_at, which Resume sets the same way.
//   warn, overdue (the scheduler's notices) mark the deadline warned, or its
//     overdue announced, so that no notice is given twice.
// Each deadline that starts or starts again gets warn_at: when `warn_share` of its
// time from now until its due instant is used, in its limit's unit (0 when it has
// none); a resumed one moves warn_at as it moves due_at, unless already warned.
// Finally every pending deadline whose due instant has passed becomes overdue.
// Met deadlines keep met_at (late when after due_at). Pure.
#pragma once

#include <string_view>
#include <vector>

#include "domain/ticket.h"
#include "domain/time_limit_policy.h"
#include "domain/work_time.h"

namespace hotline {

struct DeadlineRules {
  const TimeLimitPolicy& policy;
  const WorkTime& work_time;
  double warn_share = 0.75;  // Policy::warn_share
};

// The facts a time-limit rule is matched against, from the appeal.
AppealFacts FactsOf(const Appeal& appeal);

std::vector<Deadline> TrackDeadlines(const Ticket& before, const Ticket& after, std::string_view command,
                                     const CommandInput& input, const Actor& actor, UnixSeconds now,
                                     const DeadlineRules& rules);

// When a deadline due at `due_at` and paused at `paused_at` falls due if its clock
// runs again at `now`: the time it had left, in its limit's `unit`
// (WorkTime::TimeIn), counted from `now` (WorkTime::AddTime). 0 stays 0.
UnixSeconds ResumedDue(UnixSeconds due_at, UnixSeconds paused_at, UnixSeconds now, LimitUnit unit,
                       const WorkTime& work_time);

// The ticket's deadline of `kind`, or null.
const Deadline* FindDeadline(const std::vector<Deadline>& deadlines, DeadlineKind kind);

}  // namespace hotline

#include "domain/deadline_tracking.h"

#include <algorithm>
#include <optional>

#include "domain/deadline_schedule.h"

namespace hotline {
namespace {

using K = DeadlineKind;
using D = DeadlineState;

bool Owed(const Deadline& d) { return d.state == D::kPending || d.state == D::kOverdue || d.state == D::kPaused; }

Deadline* Find(std::vector<Deadline>& list, K kind) { return const_cast<Deadline*>(FindDeadline(list, kind)); }

void Meet(std::vector<Deadline>& list, K kind, UnixSeconds at) {
  Deadline* d = Find(list, kind);
  if (d && Owed(*d)) {
    d->state = D::kMet;
    d->met_at = at;
  }
}

// When the scheduler warns about a deadline that runs from `start` until `due`:
// once the rules' share of its time, counted in its limit's unit, is used. 0 (no
// warning) when it has not started, has no time, or the share is not in (0, 1).
UnixSeconds WarnAt(UnixSeconds start, UnixSeconds due, LimitUnit unit, const DeadlineRules& rules) {
  if (due == 0 || due <= start || !(rules.warn_share > 0 && rules.warn_share < 1)) return 0;
  const long long span = rules.work_time.TimeIn(start, due, unit);
  return rules.work_time.AddTime(start, static_cast<long long>(static_cast<double>(span) * rules.warn_share), unit);
}

// A deadline (re)started at `start`, owed from then until `due` (0: not started).
Deadline Started(K kind, UnixSeconds due, UnixSeconds start, LimitUnit unit, const DeadlineRules& rules) {
  Deadline d{kind, due, D::kPending, 0};
  d.warn_at = WarnAt(start, due, unit, rules);
  return d;
}

void Cancel(std::vector<Deadline>& list, std::initializer_list<K> kinds) {
  for (K kind : kinds)
    if (Deadline* d = Find(list, kind); d && (d->state == D::kPending || d->state == D::kPaused))
      d->state = D::kCancelled;
}

std::vector<Deadline> FreshFromDispatch(const Ticket& after, UnixSeconds now, const DeadlineRules& rules) {
  const ChosenLimits limits = rules.policy.Lookup(FactsOf(after.appeal));
  // The handling deadline is the ticket's own: the dispatch has just set it (or
  // taken it from its recorded event).
  std::optional<UnixSeconds> handle_due;
  if (after.due_at) handle_due = after.due_at;
  const DueInstants due = ScheduleDeadlines(limits, rules.work_time, DeadlineStarts{now, std::nullopt, handle_due});
  std::vector<Deadline> out;
  for (K kind : kAllDeadlineKinds)
    out.push_back(Started(kind, DueOf(due, kind).value_or(0), now, LimitOf(limits, kind).unit, rules));
  return out;
}

bool FactsChanged(const Appeal& a, const Appeal& b) {
  return a.urgency != b.urgency || a.category != b.category || a.type != b.type || a.enterprise != b.enterprise ||
         a.channel != b.channel;
}

}  // namespace

AppealFacts FactsOf(const Appeal& appeal) {
  return AppealFacts{appeal.type, appeal.category, appeal.urgency, appeal.channel, appeal.enterprise};
}

const Deadline* FindDeadline(const std::vector<Deadline>& deadlines, DeadlineKind kind) {
  for (const Deadline& d : deadlines)
    if (d.kind == kind) return &d;
  return nullptr;
}

UnixSeconds ResumedDue(UnixSeconds due_at, UnixSeconds paused_at, UnixSeconds now, LimitUnit unit,
                       const WorkTime& work_time) {
  if (due_at == 0) return 0;
  return work_time.AddTime(now, work_time.TimeIn(paused_at, due_at, unit), unit);
}

std::vector<Deadline> TrackDeadlines(const Ticket& before, const Ticket& after, std::string_view command,
                                     const CommandInput& input, const Actor& actor, UnixSeconds now,
                                     const DeadlineRules& rules) {
  if ((command == "dispatch" && actor.role != Role::kUnitStaff) || command == "decide-joint-review")
    return FreshFromDispatch(after, now, rules);
  std::vector<Deadline> list = before.deadlines;
  if (list.empty()) return list;  // never dispatched by the hotline: nothing runs
  std::optional<ChosenLimits> chosen;  // looked up only when a rule needs a limit
  const auto limits = [&]() -> const ChosenLimits& {
    if (!chosen) chosen = rules.policy.Lookup(FactsOf(after.appeal));
    return *chosen;
  };
  // A deadline (re)started now: pending until `due`, warned at its share of the time.
  const auto restart = [&](K kind, UnixSeconds due) {
    if (Deadline* d = Find(list, kind)) *d = Started(kind, due, now, LimitOf(limits(), kind).unit, rules);
  };

  if (command == "pause") {
    for (K kind : {K::kSign, K::kContact, K::kReply, K::kHandle})
      if (Deadline* d = Find(list, kind); d && d->state == D::kPending && d->due_at > now) d->state = D::kPaused;
  }
  if (command == "sign") Meet(list, K::kSign, now);
  if (command == "contact") Meet(list, K::kContact, input.contacted_at ? input.contacted_at : now);
  if (command == "reply") {
    Meet(list, K::kReply, now);
    if (input.contact_method && *input.contact_method != ContactMethod::kNotContacted)
      Meet(list, K::kContact, input.contacted_at ? input.contacted_at : now);
  }
  if (after.state == TicketState::kReplied && before.state != TicketState::kReplied) Meet(list, K::kHandle, now);
  if (command == "review" && input.accept.has_value()) {
    if (*input.accept) {
      restart(K::kCallback, rules.work_time.DueAt(now, LimitOf(limits(), K::kCallback)));
    } else {
      restart(K::kHandle, after.due_at);
    }
  }
  if (command == "callback" && !input.unreachable) Meet(list, K::kCallback, now);
  if (command == "reopen") {
    const UnixSeconds reply_due = rules.work_time.DueAt(now, LimitOf(limits(), K::kReply));
    restart(K::kHandle, after.due_at);
    restart(K::kReply, after.due_at ? std::min(reply_due, after.due_at) : reply_due);
    restart(K::kCallback, 0);
  }
  if (command == "edit" && after.dispatched_at && FactsChanged(before.appeal, after.appeal)) {
    for (K kind : {K::kSign, K::kContact, K::kReply}) {
      Deadline* d = Find(list, kind);
      if (!d || !Owed(*d)) continue;
      UnixSeconds due = rules.work_time.DueAt(after.dispatched_at, LimitOf(limits(), kind));
      if (kind == K::kReply && after.due_at) due = std::min(due, after.due_at);
      restart(kind, due);
    }
  }
  if (before.paused_at && !after.paused_at) {  // the clock runs again: each keeps what it had left
    for (Deadline& d : list) {
      if (d.state != D::kPaused) continue;
      const LimitUnit unit = LimitOf(limits(), d.kind).unit;
      d.due_at = ResumedDue(d.due_at, before.paused_at, now, unit, rules.work_time);
      if (!d.warned) d.warn_at = ResumedDue(d.warn_at, before.paused_at, now, unit, rules.work_time);
      d.state = D::kPending;
    }
  }
  if (after.due_at != before.due_at && command != "reopen") {  // an extension (or a resume: already moved)
    Deadline* handle = Find(list, K::kHandle);
    if (handle && Owed(*handle) && handle->due_at != after.due_at) {
      const bool paused = handle->state == D::kPaused;
      restart(K::kHandle, after.due_at);
      if (paused) handle->state = D::kPaused;
    }
  }
  if (command == "warn" && input.deadline) {
    if (Deadline* d = Find(list, *input.deadline)) d->warned = true;
  }
  if (command == "overdue" && input.deadline) {
    if (Deadline* d = Find(list, *input.deadline)) d->overdue_announced = true;
  }
  if (after.state == TicketState::kToDispatch || after.state == TicketState::kJointReview)
    Cancel(list, {K::kSign, K::kContact, K::kReply, K::kHandle});
  if (IsTerminal(after.state)) Cancel(list, {K::kSign, K::kContact, K::kReply, K::kHandle, K::kCallback});

  for (Deadline& d : list)
    if (d.state == D::kPending && d.due_at != 0 && d.due_at <= now) d.state = D::kOverdue;
  return list;
}

}  // namespace hotline

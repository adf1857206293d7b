#include "domain/deadline_tracking.h"

#include <algorithm>

#include "domain/deadline_schedule.h"

namespace hotline {
namespace {

using K = DeadlineKind;
using D = DeadlineState;

bool Owed(const Deadline& d) { return d.state == D::kPending || d.state == D::kOverdue || d.state == D::kPaused; }

Deadline* Find(std::vector<Deadline>& list, K kind) {
  for (Deadline& d : list)
    if (d.kind == kind) return &d;
  return nullptr;
}

void Meet(std::vector<Deadline>& list, K kind, UnixSeconds at) {
  Deadline* d = Find(list, kind);
  if (d && Owed(*d)) {
    d->state = D::kMet;
    d->met_at = at;
  }
}

// Owed again from `due` (0: not started): pending, whatever it was.
void Restart(std::vector<Deadline>& list, K kind, UnixSeconds due) {
  if (Deadline* d = Find(list, kind)) *d = Deadline{kind, due, D::kPending, 0};
}

void Cancel(std::vector<Deadline>& list, std::initializer_list<K> kinds) {
  for (K kind : kinds)
    if (Deadline* d = Find(list, kind); d && (d->state == D::kPending || d->state == D::kPaused))
      d->state = D::kCancelled;
}

std::vector<Deadline> FreshFromDispatch(const Ticket& after, UnixSeconds now, const DeadlineRules& rules) {
  const ChosenLimits limits = rules.policy.Lookup(FactsOf(after.appeal));
  const DueInstants due = ScheduleDeadlines(limits, rules.work_time, DeadlineStarts{now, std::nullopt});
  std::vector<Deadline> out;
  for (K kind : kAllDeadlineKinds) out.push_back(Deadline{kind, DueOf(due, kind).value_or(0), D::kPending, 0});
  // The handling deadline is the ticket's own (the same rule, but an approved
  // extension or a recorded event may have set it).
  if (after.due_at) {
    Find(out, K::kHandle)->due_at = after.due_at;
    Deadline* reply = Find(out, K::kReply);
    reply->due_at = std::min(reply->due_at, after.due_at);
  }
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

std::vector<Deadline> TrackDeadlines(const Ticket& before, const Ticket& after, std::string_view command,
                                     const CommandInput& input, const Actor& actor, UnixSeconds now,
                                     const DeadlineRules& rules) {
  if (command == "dispatch" && actor.role != Role::kUnitStaff) return FreshFromDispatch(after, now, rules);
  std::vector<Deadline> list = before.deadlines;
  if (list.empty()) return list;  // never dispatched by the hotline: nothing runs

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
      const ChosenLimits limits = rules.policy.Lookup(FactsOf(after.appeal));
      Restart(list, K::kCallback,
              rules.work_time.DueAt(now, limits[static_cast<std::size_t>(K::kCallback)].limit));
    } else {
      Restart(list, K::kHandle, after.due_at);
    }
  }
  if (command == "callback" && !input.unreachable) Meet(list, K::kCallback, now);
  if (command == "reopen") {
    const ChosenLimits limits = rules.policy.Lookup(FactsOf(after.appeal));
    const UnixSeconds reply_due =
        rules.work_time.DueAt(now, limits[static_cast<std::size_t>(K::kReply)].limit);
    Restart(list, K::kHandle, after.due_at);
    Restart(list, K::kReply, after.due_at ? std::min(reply_due, after.due_at) : reply_due);
    Restart(list, K::kCallback, 0);
  }
  if (command == "edit" && after.dispatched_at && FactsChanged(before.appeal, after.appeal)) {
    const ChosenLimits limits = rules.policy.Lookup(FactsOf(after.appeal));
    for (K kind : {K::kSign, K::kContact, K::kReply}) {
      Deadline* d = Find(list, kind);
      if (!d || !Owed(*d)) continue;
      UnixSeconds due = rules.work_time.DueAt(after.dispatched_at, limits[static_cast<std::size_t>(kind)].limit);
      if (kind == K::kReply && after.due_at) due = std::min(due, after.due_at);
      *d = Deadline{kind, due, D::kPending, 0};
    }
  }
  if (after.due_at != before.due_at && command != "reopen") {
    Deadline* handle = Find(list, K::kHandle);
    if (handle && Owed(*handle)) *handle = Deadline{K::kHandle, after.due_at, D::kPending, 0};
  }
  if (after.state == TicketState::kToDispatch || after.state == TicketState::kJointReview)
    Cancel(list, {K::kSign, K::kContact, K::kReply, K::kHandle});
  if (IsTerminal(after.state)) Cancel(list, {K::kSign, K::kContact, K::kReply, K::kHandle, K::kCallback});

  for (Deadline& d : list)
    if (d.state == D::kPending && d.due_at != 0 && d.due_at <= now) d.state = D::kOverdue;
  return list;
}

}  // namespace hotline

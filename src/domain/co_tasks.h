// Co-handlers' tasks (协办, issue 10): which co-units of a ticket still owe their
// signature or their opinion, and how a dispatch carries the tasks over. Pure
// functions over Ticket; the state machine's co-sign, co-reply, dispatch,
// add-co-units and decide-joint-review use them, the views word them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/ticket.h"
#include "domain/unit_tree.h"

namespace hotline {

// The tasks for `co_units`, in that order: a unit named again keeps its task (and
// its progress), a new one gets a task assigned `now`, due `due_at`.
std::vector<CoTask> CarryCoTasks(const std::vector<CoTask>& tasks, const std::vector<std::string>& co_units,
                                 UnixSeconds now, UnixSeconds due_at);

// What a co-unit's task still waits for.
enum class CoTaskStep { kSign, kReply };

// Whether `task` still waits for `step` (a reply also counts as signing).
bool Awaits(const CoTask& task, CoTaskStep step);

// The indexes of the tasks waiting for `step` that `actor_unit` answers for (its
// own and its subtree's); an empty `actor_unit` (admin) answers for every task.
std::vector<std::size_t> PendingCoTasks(const Ticket& t, CoTaskStep step, const std::string& actor_unit,
                                        const UnitTree& units);

// Whether one of the ticket's co-units lies within `unit`.
bool IsCoHandler(const Ticket& t, const std::string& unit, const UnitTree& units);

// "pending", "signed", "replied" or "overdue" (not replied by its due time) as of `now`.
std::string_view CoTaskState(const CoTask& task, UnixSeconds now);

}  // namespace hotline

#include "domain/co_tasks.h"

#include <algorithm>

namespace hotline {

std::vector<CoTask> CarryCoTasks(const std::vector<CoTask>& tasks, const std::vector<std::string>& co_units,
                                 UnixSeconds now, UnixSeconds due_at) {
  std::vector<CoTask> out;
  out.reserve(co_units.size());
  for (const std::string& unit : co_units) {
    auto kept = std::find_if(tasks.begin(), tasks.end(), [&](const CoTask& c) { return c.unit == unit; });
    if (kept != tasks.end()) {
      out.push_back(*kept);
      continue;
    }
    CoTask task;
    task.unit = unit;
    task.assigned_at = now;
    task.due_at = due_at;
    out.push_back(std::move(task));
  }
  return out;
}

bool Awaits(const CoTask& task, CoTaskStep step) {
  return step == CoTaskStep::kSign ? task.signed_at == 0 && task.replied_at == 0 : task.replied_at == 0;
}

std::vector<std::size_t> PendingCoTasks(const Ticket& t, CoTaskStep step, const std::string& actor_unit,
                                        const UnitTree& units) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < t.co_tasks.size(); ++i)
    if (Awaits(t.co_tasks[i], step) && (actor_unit.empty() || units.IsWithin(t.co_tasks[i].unit, actor_unit)))
      out.push_back(i);
  return out;
}

bool IsCoHandler(const Ticket& t, const std::string& unit, const UnitTree& units) {
  return std::any_of(t.co_units.begin(), t.co_units.end(),
                     [&](const std::string& co) { return units.IsWithin(co, unit); });
}

std::string_view CoTaskState(const CoTask& task, UnixSeconds now) {
  if (task.replied_at) return "replied";
  if (task.due_at && task.due_at <= now) return "overdue";
  return task.signed_at ? "signed" : "pending";
}

}  // namespace hotline

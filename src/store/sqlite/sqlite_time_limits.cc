// SqliteStore: the time limits and the holiday calendar an admin edited (issue 10):
// time_limit_rules, working_periods, time_limit_version, calendar_days.
#include "store/sqlite/sqlite_store.h"

namespace hotline {

using sqlite::Connection;

Result<StoredTimeLimits> SqliteStore::LoadTimeLimits() {
  return Read([](Connection& db) -> Result<StoredTimeLimits> {
    StoredTimeLimits out;
    HOTLINE_ASSIGN_OR_RETURN(auto v, db.Prepare("SELECT version FROM time_limit_version WHERE id = 1"));
    if (v.Step()) out.version = static_cast<int>(v.Int(0));
    HOTLINE_RETURN_IF_ERROR(v.status());
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT rule, appeal_type, category, urgency, channel, enterprise, "
                                                "sign, contact, reply, handle, callback, note "
                                                "FROM time_limit_rules ORDER BY pos"));
    while (q.Step()) {
      TimeLimitRuleText r;
      for (std::size_t i = 0; i < kTimeLimitColumns.size(); ++i)
        *CellOf(r, kTimeLimitColumns[i]) = q.Text(static_cast<int>(i));
      out.rules.push_back(std::move(r));
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    HOTLINE_ASSIGN_OR_RETURN(auto h, db.Prepare("SELECT start_time, end_time FROM working_periods ORDER BY pos"));
    while (h.Step()) out.working_hours.push_back({h.Text(0), h.Text(1)});
    HOTLINE_RETURN_IF_ERROR(h.status());
    return out;
  });
}

Result<int> SqliteStore::ReplaceTimeLimits(const std::vector<TimeLimitRuleText>& rules,
                                           const std::vector<WorkPeriodText>& working_hours, int expected_version,
                                           const AuditRecord* audit) {
  int version = 0;
  Status s = commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(auto v, db.Prepare("SELECT version FROM time_limit_version WHERE id = 1"));
    const int current = v.Step() ? static_cast<int>(v.Int(0)) : 0;
    HOTLINE_RETURN_IF_ERROR(v.status());
    if (current != expected_version)
      return Status::Conflict("the time limits are at version " + std::to_string(current) + ", not " +
                              std::to_string(expected_version) + ": reload and edit again")
          .WithReason(Reasons::kStaleVersion)
          .WithParam("version", current);
    version = current + 1;
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE time_limit_version SET version = ?1 WHERE id = 1"));
    HOTLINE_RETURN_IF_ERROR(up.Bind(1, version).Run());
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM time_limit_rules"));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM working_periods"));
    HOTLINE_ASSIGN_OR_RETURN(
        auto ins, db.Prepare("INSERT INTO time_limit_rules (pos, rule, appeal_type, category, urgency, channel, "
                             "enterprise, sign, contact, reply, handle, callback, note) "
                             "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"));
    for (std::size_t pos = 0; pos < rules.size(); ++pos) {
      ins.Reset();
      ins.Bind(1, static_cast<std::int64_t>(pos));
      for (std::size_t i = 0; i < kTimeLimitColumns.size(); ++i)
        ins.Bind(static_cast<int>(i) + 2, *CellOf(rules[pos], kTimeLimitColumns[i]));
      HOTLINE_RETURN_IF_ERROR(ins.Run());
    }
    HOTLINE_ASSIGN_OR_RETURN(auto hp,
                             db.Prepare("INSERT INTO working_periods (pos, start_time, end_time) VALUES (?1,?2,?3)"));
    for (std::size_t pos = 0; pos < working_hours.size(); ++pos) {
      hp.Reset();
      HOTLINE_RETURN_IF_ERROR(
          hp.Bind(1, static_cast<std::int64_t>(pos)).Bind(2, working_hours[pos].start).Bind(3, working_hours[pos].end).Run());
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  Announce(StoreChange::Kind::kReference);
  return version;
}

Result<std::vector<CalendarDay>> SqliteStore::LoadCalendarDays() {
  return Read([](Connection& db) -> Result<std::vector<CalendarDay>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT day, kind FROM calendar_days ORDER BY day"));
    std::vector<CalendarDay> out;
    while (q.Step()) out.push_back({q.Text(0), q.Text(1)});
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Status SqliteStore::ReplaceCalendarYear(int year, const std::vector<CalendarDay>& days, const AuditRecord* audit) {
  for (const CalendarDay& d : days)
    if (YearOf(d.date) != year)
      return Status::InvalidArgument("date", "date " + d.date + " is not in " + std::to_string(year))
          .WithReason(Reasons::kDateOutsideYear);
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM calendar_days WHERE year = ?1"));
    HOTLINE_RETURN_IF_ERROR(del.Bind(1, year).Run());
    HOTLINE_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO calendar_days (day, year, kind) VALUES (?1,?2,?3)"));
    for (const CalendarDay& d : days) {
      ins.Reset();
      HOTLINE_RETURN_IF_ERROR(ins.Bind(1, d.date).Bind(2, year).Bind(3, d.kind).Run());
    }
    return Status::Ok();
  }), StoreChange::Kind::kReference);
}

}  // namespace hotline

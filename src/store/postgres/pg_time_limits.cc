// PgStore: the time limits and the holiday calendar an admin edited (issue 10):
// time_limit_rules, working_periods, time_limit_version, calendar_days. A save
// locks the version row (SELECT … FOR UPDATE): two servers saving at once are
// serialised, and the second sees the first's version and is refused as stale.
#include "store/postgres/pg_store.h"

namespace hotline {

using pg::Connection;
using pg::Params;

Result<StoredTimeLimits> PgStore::LoadTimeLimits() {
  return Read([](Connection& db) -> Result<StoredTimeLimits> {
    StoredTimeLimits out;
    HOTLINE_ASSIGN_OR_RETURN(auto v, db.Exec("SELECT version FROM time_limit_version WHERE id = 1"));
    if (v.rows() > 0) out.version = static_cast<int>(v.Int(0, 0));
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT rule, appeal_type, category, urgency, channel, enterprise, "
                                             "sign, contact, reply, handle, callback, note "
                                             "FROM time_limit_rules ORDER BY pos"));
    for (int row = 0; row < r.rows(); ++row) {
      TimeLimitRuleText rule;
      for (std::size_t i = 0; i < kTimeLimitColumns.size(); ++i)
        *CellOf(rule, kTimeLimitColumns[i]) = r.Text(row, static_cast<int>(i));
      out.rules.push_back(std::move(rule));
    }
    HOTLINE_ASSIGN_OR_RETURN(auto h, db.Exec("SELECT start_time, end_time FROM working_periods ORDER BY pos"));
    for (int row = 0; row < h.rows(); ++row) out.working_hours.push_back({h.Text(row, 0), h.Text(row, 1)});
    return out;
  });
}

Result<int> PgStore::ReplaceTimeLimits(const std::vector<TimeLimitRuleText>& rules,
                                       const std::vector<WorkPeriodText>& working_hours, int expected_version,
                                       const AuditRecord* audit) {
  int version = 0;
  Status s = Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kReference));
    HOTLINE_ASSIGN_OR_RETURN(auto v, db.Exec("SELECT version FROM time_limit_version WHERE id = 1 FOR UPDATE"));
    const int current = v.rows() > 0 ? static_cast<int>(v.Int(0, 0)) : 0;
    if (current != expected_version)
      return Status::Conflict("the time limits are at version " + std::to_string(current) + ", not " +
                              std::to_string(expected_version) + ": reload and edit again")
          .WithReason(Reasons::kStaleVersion)
          .WithParam("version", current);
    version = current + 1;
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    Params up;
    up.Add(version);
    HOTLINE_RETURN_IF_ERROR(db.Exec("UPDATE time_limit_version SET version = $1 WHERE id = 1", up).status());
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM time_limit_rules").status());
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM working_periods").status());
    for (std::size_t pos = 0; pos < rules.size(); ++pos) {
      Params p;
      p.Add(static_cast<std::int64_t>(pos));
      for (std::string_view column : kTimeLimitColumns) p.Add(*CellOf(rules[pos], column));
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("INSERT INTO time_limit_rules (pos, rule, appeal_type, category, urgency, channel, enterprise, "
                  "sign, contact, reply, handle, callback, note) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                  p)
              .status());
    }
    for (std::size_t pos = 0; pos < working_hours.size(); ++pos) {
      Params p;
      p.Add(static_cast<std::int64_t>(pos)).Add(working_hours[pos].start).Add(working_hours[pos].end);
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("INSERT INTO working_periods (pos, start_time, end_time) VALUES ($1, $2, $3)", p).status());
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return version;
}

Result<std::vector<CalendarDay>> PgStore::LoadCalendarDays() {
  return Read([](Connection& db) -> Result<std::vector<CalendarDay>> {
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT day, kind FROM calendar_days ORDER BY day"));
    std::vector<CalendarDay> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back({r.Text(row, 0), r.Text(row, 1)});
    return out;
  });
}

Status PgStore::ReplaceCalendarYear(int year, const std::vector<CalendarDay>& days, const AuditRecord* audit) {
  for (const CalendarDay& d : days)
    if (YearOf(d.date) != year)
      return Status::InvalidArgument("date", "date " + d.date + " is not in " + std::to_string(year))
          .WithReason(Reasons::kDateOutsideYear);
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kReference));
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    Params y;
    y.Add(year);
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM calendar_days WHERE year = $1", y).status());
    for (const CalendarDay& d : days) {
      Params p;
      p.Add(d.date).Add(year).Add(d.kind);
      HOTLINE_RETURN_IF_ERROR(db.Exec("INSERT INTO calendar_days (day, year, kind) VALUES ($1, $2, $3)", p).status());
    }
    return Status::Ok();
  });
}

}  // namespace hotline

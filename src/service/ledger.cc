#include "service/ledger.h"

#include "domain/permissions.h"
#include "domain/reasons.h"
#include "service/refusals.h"

namespace hotline::service {

Result<LedgerFilter> Ledger::Filter(const LedgerQuery& query, const Actor& actor, LedgerReport& report) const {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kLedger));  // before the query is read
  if (query.month.empty())
    return Status::InvalidArgument("month", "month (YYYY-MM) is required").WithReason(Reasons::kRequired);
  HOTLINE_ASSIGN_OR_RETURN(report.span, ParseLedgerMonth(query.month));
  report.month = query.month;
  const UnitTree& units = core_.reference()->units;
  LedgerFilter f;
  f.from = report.span.from;
  f.to = report.span.to;
  f.cleared = query.cleared;
  switch (ScopeOf(actor, Capability::kLedger)) {
    case AccessScope::kAll: break;
    case AccessScope::kUnitSubtree: f.visible_units = units.Subtree(actor.unit); break;
    default: return RoleNotAllowed(actor, "ledger", "not for role " + std::string(Name(actor.role)));
  }
  if (!query.unit.empty()) {
    if (!units.Find(query.unit))
      return Status::InvalidArgument("unit", "no unit " + query.unit)
          .WithReason(Reasons::kUnknownUnit)
          .WithParam("code", query.unit);
    f.lead_units = units.Subtree(query.unit);
  }
  return f;
}

Result<LedgerReport> Ledger::Month(const LedgerQuery& query, const Actor& actor) {
  LedgerReport report;
  HOTLINE_ASSIGN_OR_RETURN(LedgerFilter f, Filter(query, actor, report));
  if (query.page < 1) return Status::InvalidArgument("page", "page must be at least 1");
  if (query.per_page < 1 || query.per_page > 200)
    return Status::InvalidArgument("per_page", "per_page must be 1..200");
  f.page = query.page;
  f.per_page = query.per_page;
  HOTLINE_ASSIGN_OR_RETURN(report.page, core_.store().Ledger(f));
  report.rate = ClearDownRate(report.page.cleared, report.page.total);
  return report;
}

Result<LedgerReport> Ledger::Export(const LedgerQuery& query, const Actor& actor) {
  LedgerReport report;
  HOTLINE_ASSIGN_OR_RETURN(LedgerFilter f, Filter(query, actor, report));
  f.per_page = 1000;
  for (f.page = 1;; ++f.page) {
    HOTLINE_ASSIGN_OR_RETURN(LedgerPage page, core_.store().Ledger(f));
    if (f.page == 1) {
      if (page.matching > kMaxExportRows)
        return Status::InvalidArgument("unit", "the month has " + std::to_string(page.matching) +
                                                   " rows; an export holds at most " +
                                                   std::to_string(kMaxExportRows) + ": choose a unit")
            .WithReason(Reasons::kTooMany)
            .WithParam("max", kMaxExportRows);
      report.page.total = page.total;
      report.page.cleared = page.cleared;
      report.page.matching = page.matching;
    }
    const bool last = static_cast<int>(page.items.size()) < f.per_page;
    for (LedgerRow& row : page.items) report.page.items.push_back(std::move(row));
    if (last || static_cast<std::int64_t>(report.page.items.size()) >= report.page.matching) break;
  }
  report.rate = ClearDownRate(report.page.cleared, report.page.total);
  return report;
}

}  // namespace hotline::service

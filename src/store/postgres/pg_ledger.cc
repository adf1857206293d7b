// PgStore: the clearing ledger (store.h LedgerFilter, domain/ledger.h), with the
// same rows and counts as the SQLite store's (sqlite/sqlite_ledger.cc): the
// month's unsatisfied or unresolved callbacks through the partial index
// events_unsatisfied (migration 2), grouped per ticket, joined to the ticket as it
// is now and to the event that closed it, if any.
#include <nlohmann/json.hpp>

#include "store/codec.h"
#include "store/postgres/pg_store.h"

namespace hotline {

using nlohmann::json;
using pg::Connection;
using pg::Params;
using pg::PgResult;

namespace {

// $1, $2: the span.
constexpr const char* kMonthCallbacks =
    "WITH m AS (SELECT ticket_id, MIN(seq) AS first_seq, COUNT(*) AS n FROM events "
    "WHERE to_state = 'unsatisfied' AND command = 'callback' AND at >= $1 AND at < $2 GROUP BY ticket_id) ";

constexpr const char* kEventColumns[] = {"seq",     "at",         "actor",    "actor_role", "actor_unit",
                                         "command", "from_state", "to_state", "payload"};

std::string Prefixed(const std::string& alias) {
  std::string out;
  for (const char* c : kEventColumns) out += (out.empty() ? "" : ", ") + alias + "." + c;
  return out;
}

Result<Event> EventFromColumns(const PgResult& r, int i, int col, TicketId ticket_id) {
  Event e;
  e.ticket_id = ticket_id;
  e.seq = static_cast<int>(r.Int(i, col));
  e.at = r.Int(i, col + 1);
  auto role = ParseRole(r.Text(i, col + 3));
  auto from = ParseTicketState(r.Text(i, col + 6));
  auto to = ParseTicketState(r.Text(i, col + 7));
  if (!role || !from || !to) return Status::Internal("malformed event in ticket " + std::to_string(ticket_id));
  e.actor = {r.Text(i, col + 2), *role, r.Text(i, col + 4)};
  e.command = r.Text(i, col + 5);
  e.from = *from;
  e.to = *to;
  json payload = json::parse(r.Text(i, col + 8), nullptr, false);
  if (!payload.is_object() || !payload.contains("input"))
    return Status::Internal("malformed event payload in ticket " + std::to_string(ticket_id));
  HOTLINE_ASSIGN_OR_RETURN(e.input, DecodeCommandInput(payload["input"]));
  return e;
}

}  // namespace

Result<LedgerPage> PgStore::Ledger(const LedgerFilter& f) {
  if (f.from >= f.to) return Status::InvalidArgument("month", "the ledger's span must not be empty");
  if (f.page < 1) return Status::InvalidArgument("page", "page must be at least 1");
  if (f.per_page < 1 || f.per_page > 1000) return Status::InvalidArgument("per_page", "per_page must be 1..1000");
  Params p;
  p.Add(static_cast<std::int64_t>(f.from)).Add(static_cast<std::int64_t>(f.to));
  std::string where = " WHERE TRUE";
  if (f.visible_units) {
    p.Add(pg::TextArray(*f.visible_units));
    where += " AND t.id IN (SELECT ticket_id FROM ticket_units WHERE unit = ANY(" + p.Last() + "::text[]))";
  }
  if (!f.lead_units.empty()) {
    p.Add(pg::TextArray(f.lead_units));
    where += " AND t.lead_unit = ANY(" + p.Last() + "::text[])";
  }
  std::string cleared;
  if (f.cleared) cleared = *f.cleared ? " AND t.state = 'closed'" : " AND t.state <> 'closed'";
  return Read([&](Connection& db) -> Result<LedgerPage> {
    LedgerPage page;
    HOTLINE_ASSIGN_OR_RETURN(auto count, db.Exec(std::string(kMonthCallbacks) +
                                                     "SELECT COUNT(*), COUNT(*) FILTER (WHERE t.state = 'closed') "
                                                     "FROM m JOIN tickets t ON t.id = m.ticket_id" +
                                                     where,
                                                 p));
    page.total = count.Int(0, 0);
    page.cleared = count.Int(0, 1);
    page.matching = !f.cleared ? page.total : *f.cleared ? page.cleared : page.total - page.cleared;
    Params q = p;
    q.Add(f.per_page);
    const std::string limit = " LIMIT " + q.Last();
    q.Add(static_cast<std::int64_t>(f.page - 1) * f.per_page);
    const std::string offset = " OFFSET " + q.Last();
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec(std::string(kMonthCallbacks) + "SELECT t.id, t.doc, m.n, " + Prefixed("u") + ", " +
                            Prefixed("c") +
                            " FROM m JOIN tickets t ON t.id = m.ticket_id "
                            "JOIN events u ON u.ticket_id = m.ticket_id AND u.seq = m.first_seq "
                            "LEFT JOIN events c ON c.ticket_id = t.id AND c.to_state = 'closed' "
                            "AND c.from_state <> 'closed'" +
                            where + cleared + " ORDER BY u.at, t.id" + limit + offset,
                        q));
    for (int i = 0; i < r.rows(); ++i) {
      LedgerRow row;
      json doc = json::parse(r.Text(i, 1), nullptr, false);
      if (doc.is_discarded()) return Status::Internal("ticket " + r.Text(i, 0) + " has a corrupt document");
      HOTLINE_ASSIGN_OR_RETURN(row.ticket, DecodeTicket(doc));
      row.ticket.id = r.Int(i, 0);
      row.unsatisfied_callbacks = static_cast<int>(r.Int(i, 2));
      HOTLINE_ASSIGN_OR_RETURN(row.unsatisfied, EventFromColumns(r, i, 3, row.ticket.id));
      if (!r.IsNull(i, 12)) {
        HOTLINE_ASSIGN_OR_RETURN(auto closing, EventFromColumns(r, i, 12, row.ticket.id));
        row.closing = std::move(closing);
      }
      page.items.push_back(std::move(row));
    }
    return page;
  });
}

}  // namespace hotline

// SqliteStore: the clearing ledger (store.h LedgerFilter, domain/ledger.h). The
// month's unsatisfied or unresolved callbacks are read through the partial index
// events_unsatisfied (migration 10), grouped per ticket, joined to the ticket as
// it is now and to the event that closed it, if any.
#include <nlohmann/json.hpp>

#include "store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline {

using nlohmann::json;
using sqlite::Connection;
using sqlite::Statement;

namespace {

// The month's callbacks that sent a ticket to `unsatisfied`, one row per ticket:
// its first such callback (seq) and how many there were. ?1, ?2: the span.
constexpr const char* kMonthCallbacks =
    "WITH m AS (SELECT ticket_id, MIN(seq) AS first_seq, COUNT(*) AS n FROM events "
    "WHERE to_state = 'unsatisfied' AND command = 'callback' AND at >= ?1 AND at < ?2 GROUP BY ticket_id) ";

constexpr const char* kEventColumns = "seq, at, actor, actor_role, actor_unit, command, from_state, to_state, payload";

// Nine event columns from `col` on (kEventColumns).
Result<Event> EventFromColumns(const Statement& q, int col, TicketId ticket_id) {
  Event e;
  e.ticket_id = ticket_id;
  e.seq = static_cast<int>(q.Int(col));
  e.at = q.Int(col + 1);
  auto role = ParseRole(q.Text(col + 3));
  auto from = ParseTicketState(q.Text(col + 6));
  auto to = ParseTicketState(q.Text(col + 7));
  if (!role || !from || !to) return Status::Internal("malformed event in ticket " + std::to_string(ticket_id));
  e.actor = {q.Text(col + 2), *role, q.Text(col + 4)};
  e.command = q.Text(col + 5);
  e.from = *from;
  e.to = *to;
  json payload = json::parse(q.Text(col + 8), nullptr, false);
  if (!payload.is_object() || !payload.contains("input"))
    return Status::Internal("malformed event payload in ticket " + std::to_string(ticket_id));
  HOTLINE_ASSIGN_OR_RETURN(e.input, DecodeCommandInput(payload["input"]));
  return e;
}

std::string Prefixed(const std::string& alias) {
  std::string out;
  std::string cols = kEventColumns;
  std::size_t start = 0;
  while (start < cols.size()) {
    std::size_t end = cols.find(", ", start);
    if (end == std::string::npos) end = cols.size();
    out += (out.empty() ? "" : ", ") + alias + "." + cols.substr(start, end - start);
    start = end + 2;
  }
  return out;
}

}  // namespace

Result<LedgerPage> SqliteStore::Ledger(const LedgerFilter& f) {
  if (f.from >= f.to) return Status::InvalidArgument("month", "the ledger's span must not be empty");
  if (f.page < 1) return Status::InvalidArgument("page", "page must be at least 1");
  if (f.per_page < 1 || f.per_page > 1000) return Status::InvalidArgument("per_page", "per_page must be 1..1000");
  // ?1, ?2 the span; then the scope and the lead units as JSON arrays.
  std::string where = " WHERE 1=1";
  std::vector<std::string> lists;
  if (f.visible_units) {
    lists.push_back(json(*f.visible_units).dump());
    where += " AND t.id IN (SELECT ticket_id FROM ticket_units WHERE unit IN (SELECT value FROM json_each(?" +
             std::to_string(2 + lists.size()) + ")))";
  }
  if (!f.lead_units.empty()) {
    lists.push_back(json(f.lead_units).dump());
    where += " AND t.lead_unit IN (SELECT value FROM json_each(?" + std::to_string(2 + lists.size()) + "))";
  }
  const auto bind = [&](Statement& q) {
    q.Bind(1, f.from).Bind(2, f.to);
    for (std::size_t i = 0; i < lists.size(); ++i) q.Bind(static_cast<int>(3 + i), lists[i]);
  };
  std::string cleared;
  if (f.cleared) cleared = *f.cleared ? " AND t.state = 'closed'" : " AND t.state <> 'closed'";
  return Read([&](Connection& db) -> Result<LedgerPage> {
    LedgerPage page;
    HOTLINE_ASSIGN_OR_RETURN(auto count,
                             db.Prepare(std::string(kMonthCallbacks) +
                                        "SELECT COUNT(*), COALESCE(SUM(t.state = 'closed'), 0) FROM m "
                                        "JOIN tickets t ON t.id = m.ticket_id" +
                                        where));
    bind(count);
    if (count.Step()) {
      page.total = count.Int(0);
      page.cleared = count.Int(1);
    }
    HOTLINE_RETURN_IF_ERROR(count.status());
    page.matching = !f.cleared ? page.total : *f.cleared ? page.cleared : page.total - page.cleared;
    const std::string sql = std::string(kMonthCallbacks) + "SELECT t.id, t.doc, m.n, " + Prefixed("u") + ", " +
                            Prefixed("c") +
                            " FROM m JOIN tickets t ON t.id = m.ticket_id "
                            "JOIN events u ON u.ticket_id = m.ticket_id AND u.seq = m.first_seq "
                            "LEFT JOIN events c ON c.ticket_id = t.id AND c.to_state = 'closed' AND c.from_state <> 'closed'" +
                            where + cleared + " ORDER BY u.at, t.id LIMIT " + std::to_string(f.per_page) + " OFFSET " +
                            std::to_string(static_cast<std::int64_t>(f.page - 1) * f.per_page);
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare(sql));
    bind(q);
    while (q.Step()) {
      LedgerRow row;
      json doc = json::parse(q.Text(1), nullptr, false);
      if (doc.is_discarded()) return Status::Internal("ticket " + std::to_string(q.Int(0)) + " has a corrupt document");
      HOTLINE_ASSIGN_OR_RETURN(row.ticket, DecodeTicket(doc));
      row.ticket.id = q.Int(0);
      row.unsatisfied_callbacks = static_cast<int>(q.Int(2));
      HOTLINE_ASSIGN_OR_RETURN(row.unsatisfied, EventFromColumns(q, 3, row.ticket.id));
      if (!q.IsNull(12)) {
        HOTLINE_ASSIGN_OR_RETURN(auto closing, EventFromColumns(q, 12, row.ticket.id));
        row.closing = std::move(closing);
      }
      page.items.push_back(std::move(row));
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    return page;
  });
}

}  // namespace hotline

// Translates a TicketFilter into a parameterised WHERE clause over the
// PostgreSQL tickets table, with the same meaning as the SQLite store's
// (sqlite/ticket_query.h): unit scope through ticket_units, every keyword of a
// search in the content, address or reply (store/search_text.h: keywords of
// two or more characters per run against the normalised search_text column,
// the others with a case-insensitive LIKE on the raw text), paging and sorting
// in SQL. Every value is a parameter; only fixed SQL text is built.
#pragma once

#include <string>

#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace hotline::pg {

struct TicketWhere {
  std::string sql;  // " WHERE …"
  Params params;
};

TicketWhere BuildTicketWhere(const TicketFilter& f);

// " ORDER BY …" for TicketFilter::sort, or InvalidArgument naming "sort".
Result<std::string> TicketOrder(const std::string& sort);

// Escapes LIKE's metacharacters (with backslash, PostgreSQL's default escape).
std::string EscapeLike(const std::string& s);

}  // namespace hotline::pg

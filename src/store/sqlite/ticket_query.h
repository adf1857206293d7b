// Translates a TicketFilter into a parameterised SQL WHERE clause over the
// tickets table. Every value is a bound parameter; only fixed SQL text is built.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace hotline::sqlite {

struct SqlWhere {
  // What to select from: " tickets", or " tickets NOT INDEXED" for a keyword
  // search, so that the index's matches drive the query (rowid lookups) instead
  // of a scan of a date or state range that tests each row against them.
  std::string from = " tickets";
  std::string sql;  // " WHERE …"
  std::vector<std::variant<std::int64_t, std::string>> args;
  void BindTo(Statement& s) const;  // binds args as ?1..?N
};

SqlWhere BuildTicketWhere(const TicketFilter& f);

}  // namespace hotline::sqlite

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
  std::string sql;  // " WHERE …"
  std::vector<std::variant<std::int64_t, std::string>> args;
  void BindTo(Statement& s) const;  // binds args as ?1..?N
};

SqlWhere BuildTicketWhere(const TicketFilter& f);

}  // namespace hotline::sqlite

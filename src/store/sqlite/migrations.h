// Versioned schema migrations for the SQLite store. Migrate() applies, in order and
// each in its own transaction, every migration newer than the database's recorded
// version; running it again is a no-op. Migrations are append-only: never edit one
// that has shipped, add the next.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/sqlite_db.h"

namespace hotline::sqlite {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

const std::vector<Migration>& Migrations();

// Applies migrations up to `target` (all when -1). Returns the resulting version.
Result<int> Migrate(Connection& db, int target = -1);
Result<int> SchemaVersion(Connection& db);

}  // namespace hotline::sqlite

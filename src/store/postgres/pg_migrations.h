// The PostgreSQL schema as numbered migrations, applied in order at start.
//
// Contract: Migrate() takes a session advisory lock (kMigrationLock) first, so
// several servers starting at once on one database apply each migration once:
// the others wait, then find nothing left to do. Each migration runs in its own
// transaction with its row in schema_migrations. Versions only grow; a database
// newer than this binary is refused (FailedPrecondition-like Unavailable).
#pragma once

#include <cstdint>
#include <vector>

#include "store/postgres/pg_connection.h"

namespace hotline::pg {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

inline constexpr std::int64_t kMigrationLock = 0x686f746c696e6531;  // "hotline1"

const std::vector<Migration>& Migrations();

// Applies pending migrations up to `target` (-1: all); returns the version reached.
Result<int> Migrate(Connection& db, int target = -1);

}  // namespace hotline::pg

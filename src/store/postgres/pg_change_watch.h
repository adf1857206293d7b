// PostgreSQL's change feed (change_feed.h): announcements are NOTIFY payloads on
// the channel `hotline_changes`, sent by the writing transaction (so only what
// commits is announced, in commit order); a PgChangeWatch LISTENs on a connection
// of its own. When that connection is lost it reconnects on the next Next() and
// reports `lost` (announcements made meanwhile are gone). Leases are session
// advisory locks, each on a connection of its own (PgLeases).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "store/change_feed.h"
#include "store/postgres/pg_connection.h"

namespace hotline::pg {

inline constexpr const char* kChangeChannel = "hotline_changes";

// Sends `change` inside the transaction running on `db`.
Status Notify(Connection& db, const StoreChange& change);

class PgChangeWatch final : public ChangeWatch {
 public:
  static Result<std::unique_ptr<PgChangeWatch>> Open(const std::string& conninfo);
  Result<ChangeBatch> Next(std::chrono::milliseconds timeout) override;

 private:
  explicit PgChangeWatch(std::string conninfo) : conninfo_(std::move(conninfo)) {}
  Status Listen();

  std::string conninfo_;
  std::unique_ptr<Connection> conn_;  // null after a loss, until reconnected
  bool lost_ = false;
};

// Named leases held by this process (Store::HoldLease). Thread-safe.
class PgLeases {
 public:
  explicit PgLeases(std::string conninfo) : conninfo_(std::move(conninfo)) {}
  // Whether this process holds `name`: taken when free; a lost connection loses it
  // (another process may have it by then) and the next call tries again.
  Result<bool> Hold(const std::string& name);

 private:
  std::string conninfo_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Connection>> held_;  // name → the connection holding it
};

}  // namespace hotline::pg

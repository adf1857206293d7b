// libpq wrappers for the PostgreSQL store: a result, a connection that runs
// parameterised statements (prepared once per connection and SQL text), and a
// small pool handing out one connection per transaction.
//
// Contract: every value reaches SQL as a parameter ($1 … $N, text format, or
// binary for bytea); SQL text is only ever fixed strings chosen by the store.
// Errors come back as Status: a unique or foreign-key violation is
// AlreadyExists / InvalidArgument, a serialization failure or deadlock is
// Conflict (the caller may retry), a lost connection is Unavailable, anything
// else Internal, always with PostgreSQL's message. Each session runs with
// synchronous_commit = on and the UTC time zone.
#pragma once

#include <libpq-fe.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/status.h"

namespace hotline::pg {

// Parameters of one statement; each is text (or SQL NULL), or binary bytes.
class Params {
 public:
  Params& Add(std::string_view v);
  Params& Add(const std::string& v) { return Add(std::string_view(v)); }
  Params& Add(const char* v) { return Add(std::string_view(v)); }
  Params& Add(std::int64_t v) { return Add(std::to_string(v)); }
  Params& Add(int v) { return Add(static_cast<std::int64_t>(v)); }
  Params& Add(bool v) { return Add(v ? "true" : "false"); }
  Params& AddNull();
  Params& AddBinary(std::string_view bytes);
  // "$N" of the parameter just added, for building WHERE clauses.
  std::string Last() const { return "$" + std::to_string(values_.size()); }
  std::size_t size() const { return values_.size(); }

 private:
  friend class Connection;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
};

// One statement's rows, text format (binary when asked for).
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  int rows() const { return PQntuples(r_.get()); }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string Text(int row, int col) const;
  std::int64_t Int(int row, int col) const;
  bool Bool(int row, int col) const { return Text(row, col) == "t"; }
  // Rows changed by an INSERT, UPDATE or DELETE.
  std::int64_t Changed() const;
  ExecStatusType status() const { return r_ ? PQresultStatus(r_.get()) : PGRES_FATAL_ERROR; }
  const PGresult* raw() const { return r_.get(); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> r_;
};

struct ConnectOptions {
  std::string conninfo;  // a libpq URL without the store's own parameters
  int pool_size = 4;
};

// Splits the store's own query parameters (pool=N, 1..64) from a postgresql://
// URL; a bad value is an InvalidArgument naming "db".
Result<ConnectOptions> ParseUrl(const std::string& url);

class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::string& conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one parameterised statement; `binary_result` asks for binary columns.
  Result<PgResult> Exec(const std::string& sql, const Params& params = {}, bool binary_result = false);
  // Runs parameterless SQL that may hold several statements (schema, BEGIN, COMMIT).
  Status Run(const std::string& sql);
  bool Broken() const { return PQstatus(conn_) != CONNECTION_OK; }
  // Whether the last failure may succeed when its transaction is run again
  // (serialization failure, deadlock, or a version conflict the store marked).
  bool retryable() const { return retryable_; }
  void MarkRetryable(bool on = true) { retryable_ = on; }
  // Re-opens a broken connection (prepared statements are forgotten).
  Status Reset();

  // LISTEN support (pg_change_watch.h): waits up to `timeout_ms` for input on the
  // socket, reads it, and returns the payloads of the notifications on `channel`
  // received so far; Unavailable when the connection is lost.
  Result<std::vector<std::string>> AwaitNotifications(const std::string& channel, int timeout_ms);

 private:
  explicit Connection(PGconn* c) : conn_(c) {}
  Status Configure();
  Status ErrorStatus(const PGresult* r, const std::string& what);
  PGconn* conn_ = nullptr;
  bool retryable_ = false;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
  static constexpr std::size_t kMaxPrepared = 256;
};

// A fixed set of connections; Lease() waits for a free one.
class Pool {
 public:
  static Result<std::unique_ptr<Pool>> Open(const ConnectOptions& options);

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), conn_(std::move(c)) {}
    Lease(Lease&& o) noexcept = default;
    ~Lease();
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> conn_;
  };
  Lease Take();
  int size() const { return size_; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> free_;
  int size_ = 0;
};

// Quotes an identifier for the rare SQL that cannot take a parameter
// (CREATE/DROP DATABASE in tests): "name" with inner quotes doubled.
std::string QuoteIdentifier(std::string_view name);

// A text[] literal for `= ANY($n::text[])`.
std::string TextArray(const std::vector<std::string>& values);

}  // namespace hotline::pg

// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement with typed binds. Every value reaches SQL through a bind — never
// through string concatenation.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace hotline::sqlite {

class Statement;

// Prepared statements kept per connection, keyed by SQL text, so hot statements
// are compiled once. Bounded: beyond `kMaxEntries` returned statements are finalized.
class StatementCache {
 public:
  ~StatementCache();
  sqlite3_stmt* Take(std::string_view sql);
  void Return(std::string sql, sqlite3_stmt* stmt);
  static constexpr std::size_t kMaxEntries = 128;

 private:
  std::unordered_multimap<std::string, sqlite3_stmt*> entries_;
};

class Connection {
 public:
  // Opens (creating if needed) with WAL, foreign keys, synchronous=FULL and a busy timeout.
  static Result<Connection> Open(const std::string& path, bool read_only = false);
  Connection(Connection&& o) noexcept : db_(o.db_), cache_(std::move(o.cache_)) { o.db_ = nullptr; }
  Connection& operator=(Connection&& o) noexcept;
  Connection(const Connection&) = delete;
  ~Connection();

  Status Exec(const std::string& sql);  // no parameters: schema and pragmas only
  Status Run(std::string_view sql);     // one parameterless statement, prepared once (BEGIN, SAVEPOINT …)
  // A prepared statement, from the cache when this SQL was prepared before; it is
  // reset and returned to the cache when the Statement goes out of scope.
  Result<Statement> Prepare(std::string_view sql);
  std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  // Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db), cache_(std::make_unique<StatementCache>()) {}
  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> cache_;
};

class Statement {
 public:
  Statement(Statement&& o) noexcept : stmt_(o.stmt_), db_(o.db_), cache_(o.cache_), sql_(std::move(o.sql_)) {
    o.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::int64_t v);
  Statement& Bind(int index, int v) { return Bind(index, static_cast<std::int64_t>(v)); }
  Statement& Bind(int index, double v);
  Statement& Bind(int index, std::string_view v);
  Statement& Bind(int index, const std::string& v) { return Bind(index, std::string_view(v)); }
  Statement& Bind(int index, const char* v) { return Bind(index, std::string_view(v)); }
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);

  // Returns true while a row is available, false when done; errors become a Status via status().
  bool Step();
  Status status() const { return status_; }
  // Runs to completion (for writes).
  Status Run();
  void Reset();

  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  std::string Blob(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  friend class Connection;
  void Check(int rc, int index);
  Statement(sqlite3_stmt* s, sqlite3* db, StatementCache* cache, std::string sql)
      : stmt_(s), db_(db), cache_(cache), sql_(std::move(sql)) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  StatementCache* cache_ = nullptr;
  std::string sql_;
  Status status_;
};

// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed.
class Transaction {
 public:
  explicit Transaction(Connection& c) : c_(c) {}
  Status Begin() { return c_.Exec("BEGIN IMMEDIATE"); }
  Status Commit();
  ~Transaction();

 private:
  Connection& c_;
  bool done_ = false;
};

}  // namespace hotline::sqlite

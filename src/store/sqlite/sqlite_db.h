// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement with typed binds. Every value reaches SQL through a bind — never
// through string concatenation.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace hotline::sqlite {

class Statement;

class Connection {
 public:
  // Opens (creating if needed) with WAL, foreign keys, synchronous=FULL and a busy timeout.
  static Result<Connection> Open(const std::string& path, bool read_only = false);
  Connection(Connection&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Connection& operator=(Connection&& o) noexcept;
  Connection(const Connection&) = delete;
  ~Connection();

  Status Exec(const std::string& sql);  // no parameters: schema and pragmas only
  Result<Statement> Prepare(std::string_view sql);
  std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Statement&& o) noexcept : stmt_(o.stmt_), db_(o.db_) { o.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::int64_t v);
  Statement& Bind(int index, int v) { return Bind(index, static_cast<std::int64_t>(v)); }
  Statement& Bind(int index, double v);
  Statement& Bind(int index, std::string_view v);
  Statement& Bind(int index, const std::string& v) { return Bind(index, std::string_view(v)); }
  Statement& Bind(int index, const char* v) { return Bind(index, std::string_view(v)); }
  Statement& BindNull(int index);

  // Returns true while a row is available, false when done; errors become a Status via status().
  bool Step();
  Status status() const { return status_; }
  // Runs to completion (for writes).
  Status Run();
  void Reset();

  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  friend class Connection;
  Statement(sqlite3_stmt* s, sqlite3* db) : stmt_(s), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
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

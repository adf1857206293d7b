#include "store/sqlite/sqlite_db.h"

#include "store/sqlite/search_text.h"

namespace hotline::sqlite {
namespace {

Status Error(sqlite3* db, const std::string& what) {
  const int code = sqlite3_extended_errcode(db);
  std::string msg = what + ": " + sqlite3_errmsg(db);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) return Status::Unavailable(msg);
  if ((code & 0xff) == SQLITE_CONSTRAINT) return Status::Conflict(msg);
  return Status::Internal(msg);
}

}  // namespace

Result<Connection> Connection::Open(const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Unavailable("cannot open database " + path + ": " + msg);
  }
  Connection c(db);
  sqlite3_busy_timeout(db, 10000);
  const char* pragmas = read_only ? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;"
                                  : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
  HOTLINE_RETURN_IF_ERROR(c.Exec(pragmas));
  // Ticket search (migration 8): the index's triggers and MATCH queries need it.
  HOTLINE_RETURN_IF_ERROR(RegisterSearchTokenizer(db));
  return c;
}

Connection& Connection::operator=(Connection&& o) noexcept {
  if (this != &o) {
    cache_.reset();
    sqlite3_close_v2(db_);
    db_ = o.db_;
    cache_ = std::move(o.cache_);
    o.db_ = nullptr;
  }
  return *this;
}

Connection::~Connection() {
  cache_.reset();  // finalize cached statements before closing
  sqlite3_close_v2(db_);
}

StatementCache::~StatementCache() {
  for (auto& [sql, stmt] : entries_) sqlite3_finalize(stmt);
}

sqlite3_stmt* StatementCache::Take(std::string_view sql) {
  auto it = entries_.find(std::string(sql));
  if (it == entries_.end()) return nullptr;
  sqlite3_stmt* s = it->second;
  entries_.erase(it);
  return s;
}

void StatementCache::Return(std::string sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (entries_.size() >= kMaxEntries) {
    sqlite3_finalize(stmt);
    return;
  }
  entries_.emplace(std::move(sql), stmt);
}

Status Connection::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Status s = Error(db_, "exec");
    sqlite3_free(err);
    return s;
  }
  return Status::Ok();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  if (sqlite3_stmt* cached = cache_ ? cache_->Take(sql) : nullptr)
    return Statement(cached, db_, cache_.get(), std::string(sql));
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
    return Error(db_, "prepare");
  return Statement(s, db_, cache_.get(), std::string(sql));
}

Status Connection::Run(std::string_view sql) {
  HOTLINE_ASSIGN_OR_RETURN(auto s, Prepare(sql));
  return s.Run();
}

Statement::~Statement() {
  if (!stmt_) return;
  if (cache_)
    cache_->Return(std::move(sql_), stmt_);
  else
    sqlite3_finalize(stmt_);
}

// A failed bind (wrong index, out of memory) is kept and reported by Step()/Run().
void Statement::Check(int rc, int index) {
  if (rc != SQLITE_OK && status_.ok())
    status_ = Status::Internal("bind parameter " + std::to_string(index) + ": " + sqlite3_errstr(rc));
}

Statement& Statement::Bind(int index, std::int64_t v) {
  Check(sqlite3_bind_int64(stmt_, index, v), index);
  return *this;
}
Statement& Statement::Bind(int index, double v) {
  Check(sqlite3_bind_double(stmt_, index, v), index);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view v) {
  Check(sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT), index);
  return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), index);
  return *this;
}
Statement& Statement::BindNull(int index) {
  Check(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

bool Statement::Step() {
  if (!status_.ok()) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Error(db_, "step");
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  return status_;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  status_ = Status::Ok();
}

std::string Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::string Statement::Blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

Status Transaction::Commit() {
  Status s = c_.Exec("COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

Transaction::~Transaction() {
  if (!done_) c_.Exec("ROLLBACK");
}

}  // namespace hotline::sqlite

#include "store/postgres/pg_connection.h"

#include <poll.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace hotline::pg {

Params& Params::Add(std::string_view v) {
  values_.emplace_back(std::string(v));
  formats_.push_back(0);
  return *this;
}

Params& Params::AddNull() {
  values_.emplace_back(std::nullopt);
  formats_.push_back(0);
  return *this;
}

Params& Params::AddBinary(std::string_view bytes) {
  values_.emplace_back(std::string(bytes));
  formats_.push_back(1);
  return *this;
}

std::string PgResult::Text(int row, int col) const {
  const char* v = PQgetvalue(r_.get(), row, col);
  return std::string(v, static_cast<std::size_t>(PQgetlength(r_.get(), row, col)));
}

std::int64_t PgResult::Int(int row, int col) const {
  if (IsNull(row, col)) return 0;
  return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10);
}

std::int64_t PgResult::Changed() const {
  const char* n = PQcmdTuples(r_.get());
  return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
}

Result<ConnectOptions> ParseUrl(const std::string& url) {
  ConnectOptions out;
  const std::size_t q = url.find('?');
  out.conninfo = url.substr(0, q);
  if (q == std::string::npos) return out;
  std::string kept;
  std::size_t pos = q + 1;
  while (pos <= url.size()) {
    std::size_t end = url.find('&', pos);
    if (end == std::string::npos) end = url.size();
    const std::string param = url.substr(pos, end - pos);
    if (param.rfind("pool=", 0) == 0) {
      const std::string v = param.substr(5);
      char* rest = nullptr;
      const long n = std::strtol(v.c_str(), &rest, 10);
      if (v.empty() || *rest != '\0' || n < 1 || n > 64)
        return Status::InvalidArgument("db", "the database URL's pool must be a number 1..64, not \"" + v + "\"");
      out.pool_size = static_cast<int>(n);
    } else if (!param.empty()) {
      kept += (kept.empty() ? "?" : "&") + param;
    }
    pos = end + 1;
  }
  out.conninfo += kept;
  return out;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  if (!c) return Status::Unavailable("PostgreSQL: out of memory while connecting");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status::Unavailable("cannot connect to PostgreSQL: " + msg);
  }
  std::unique_ptr<Connection> conn(new Connection(c));
  HOTLINE_RETURN_IF_ERROR(conn->Configure());
  return conn;
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

Status Connection::Configure() {
  // Notices ("relation … already exists, skipping") are not errors: keep them out of stderr.
  return Run("SET synchronous_commit = on; SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'; "
             "SET client_min_messages = warning");
}

Result<std::vector<std::string>> Connection::AwaitNotifications(const std::string& channel, int timeout_ms) {
  std::vector<std::string> out;
  auto take = [&] {
    while (PGnotify* n = PQnotifies(conn_)) {
      if (channel == n->relname) out.emplace_back(n->extra);
      PQfreemem(n);
    }
  };
  take();  // what an earlier read already brought in
  if (!out.empty()) return out;
  const int fd = PQsocket(conn_);
  if (fd < 0) return Status::Unavailable("PostgreSQL connection lost");
  pollfd p{fd, POLLIN, 0};
  const int ready = ::poll(&p, 1, timeout_ms);
  if (ready < 0 && errno != EINTR) return Status::Unavailable("PostgreSQL: poll failed");
  if (ready > 0) {
    if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) != CONNECTION_OK)
      return Status::Unavailable("PostgreSQL connection lost: " + std::string(PQerrorMessage(conn_)));
    take();
  }
  return out;
}

Status Connection::Reset() {
  PQreset(conn_);
  prepared_.clear();
  if (PQstatus(conn_) != CONNECTION_OK) return Status::Unavailable("PostgreSQL connection lost");
  return Configure();
}

Status Connection::ErrorStatus(const PGresult* r, const std::string& what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (msg.empty()) msg = PQerrorMessage(conn_);
  const std::string sqlstate = state ? state : "";
  const std::string text = "PostgreSQL " + what + ": " + msg;
  if (sqlstate == "23505") return Status::AlreadyExists(text);
  if (sqlstate == "23503") return Status::InvalidArgument("ticket_id", text);
  if (sqlstate == "40001" || sqlstate == "40P01") {
    retryable_ = true;
    return Status::Conflict(text);
  }
  if (PQstatus(conn_) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0) return Status::Unavailable(text);
  return Status::Internal(text);
}

Result<PgResult> Connection::Exec(const std::string& sql, const Params& params, bool binary_result) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  values.reserve(params.size());
  for (const auto& v : params.values_) {
    values.push_back(v ? v->data() : nullptr);
    lengths.push_back(v ? static_cast<int>(v->size()) : 0);
  }
  const int n = static_cast<int>(params.size());
  auto it = prepared_.find(sql);
  if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
    // Prepared once per connection; a statement that fails to prepare is
    // reported with PostgreSQL's message (and not remembered).
    const std::string name = "h" + std::to_string(prepared_.size() + 1);
    PgResult prep(PQprepare(conn_, name.c_str(), sql.c_str(), n, nullptr));
    if (prep.status() != PGRES_COMMAND_OK) return ErrorStatus(prep.raw(), "error");
    it = prepared_.emplace(sql, name).first;
  }
  PGresult* r =
      it != prepared_.end()
          ? PQexecPrepared(conn_, it->second.c_str(), n, values.data(), lengths.data(), params.formats_.data(),
                           binary_result ? 1 : 0)
          : PQexecParams(conn_, sql.c_str(), n, nullptr, values.data(), lengths.data(), params.formats_.data(),
                         binary_result ? 1 : 0);
  PgResult result(r);
  if (result.status() != PGRES_TUPLES_OK && result.status() != PGRES_COMMAND_OK)
    return ErrorStatus(result.raw(), "error");
  return result;
}

Status Connection::Run(const std::string& sql) {
  PgResult r(PQexec(conn_, sql.c_str()));
  if (r.status() != PGRES_TUPLES_OK && r.status() != PGRES_COMMAND_OK) return ErrorStatus(r.raw(), "error");
  return Status::Ok();
}

Result<std::unique_ptr<Pool>> Pool::Open(const ConnectOptions& options) {
  auto pool = std::make_unique<Pool>();
  for (int i = 0; i < options.pool_size; ++i) {
    HOTLINE_ASSIGN_OR_RETURN(auto c, Connection::Open(options.conninfo));
    pool->free_.push_back(std::move(c));
  }
  pool->size_ = options.pool_size;
  return pool;
}

Pool::Lease Pool::Take() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  auto c = std::move(free_.back());
  free_.pop_back();
  lock.unlock();
  if (c->Broken()) (void)c->Reset();  // a failed reset shows as Unavailable on first use
  return Lease(this, std::move(c));
}

Pool::Lease::~Lease() {
  if (!conn_) return;
  std::lock_guard lock(pool_->mu_);
  pool_->free_.push_back(std::move(conn_));
  pool_->cv_.notify_one();
}

std::string QuoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string TextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace hotline::pg

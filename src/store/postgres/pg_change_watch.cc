#include "store/postgres/pg_change_watch.h"

namespace hotline::pg {
namespace {

// The advisory-lock key space of leases: (kLeaseSpace, hashtext(name)).
constexpr int kLeaseSpace = 0x484C;  // "HL"

}  // namespace

Status Notify(Connection& db, const StoreChange& change) {
  Params p;
  p.Add(std::string(kChangeChannel)).Add(EncodeStoreChange(change));
  return db.Exec("SELECT pg_notify($1, $2)", p).status();
}

Result<std::unique_ptr<PgChangeWatch>> PgChangeWatch::Open(const std::string& conninfo) {
  std::unique_ptr<PgChangeWatch> w(new PgChangeWatch(conninfo));
  HOTLINE_RETURN_IF_ERROR(w->Listen());
  return w;
}

Status PgChangeWatch::Listen() {
  HOTLINE_ASSIGN_OR_RETURN(conn_, Connection::Open(conninfo_));
  return conn_->Run(std::string("LISTEN ") + kChangeChannel);
}

Result<ChangeBatch> PgChangeWatch::Next(std::chrono::milliseconds timeout) {
  ChangeBatch batch;
  if (!conn_) {
    if (Status s = Listen(); !s.ok()) {
      conn_.reset();
      return s;  // still down: the caller waits and asks again
    }
    lost_ = true;
  }
  auto payloads = conn_->AwaitNotifications(kChangeChannel, static_cast<int>(timeout.count()));
  if (!payloads.ok()) {
    conn_.reset();
    lost_ = true;
    return batch;  // reconnects on the next call
  }
  for (const std::string& text : *payloads)
    if (auto c = DecodeStoreChange(text)) batch.changes.push_back(std::move(*c));
  batch.lost = lost_;
  lost_ = false;
  return batch;
}

Result<bool> PgLeases::Hold(const std::string& name) {
  std::lock_guard lock(mu_);
  auto it = held_.find(name);
  if (it != held_.end()) {
    // Still held while its session lives.
    if (!it->second->Broken() && it->second->Run("SELECT 1").ok()) return true;
    held_.erase(it);
  }
  HOTLINE_ASSIGN_OR_RETURN(auto conn, Connection::Open(conninfo_));
  Params p;
  p.Add(kLeaseSpace).Add(name);
  HOTLINE_ASSIGN_OR_RETURN(auto r, conn->Exec("SELECT pg_try_advisory_lock($1::int, hashtext($2))", p));
  if (!r.Bool(0, 0)) return false;  // another process holds it; this connection closes
  held_.emplace(name, std::move(conn));
  return true;
}

}  // namespace hotline::pg

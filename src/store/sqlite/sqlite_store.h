// SqliteStore: the embedded Store backend. One writer connection (writes are
// serialised and group-committed by GroupCommit; SQLite allows one writer anyway)
// and a pool of reader
// connections that run concurrently under WAL. Durability: synchronous=FULL, so a
// write acknowledged to the caller survives a crash or power loss.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/change_hub.h"
#include "store/sqlite/group_commit.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace hotline {

class SqliteStore final : public Store {
 public:
  // `path` is a file path or ":memory:". Applies migrations.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, int readers = 4);

  // One process: the change feed is in-process (change_hub.h), every lease is held.
  Result<std::unique_ptr<ChangeWatch>> WatchChanges() override { return hub_.Watch(); }
  const std::string& origin() const override { return origin_; }
  Result<bool> HoldLease(const std::string&) override { return true; }

  Status ReplaceUnits(const std::vector<Unit>& units, const AuditRecord* audit = nullptr) override;
  Result<std::vector<Unit>> LoadUnits() override;
  Status ReplaceCategories(const std::vector<Category>& categories, const AuditRecord* audit = nullptr) override;
  Result<std::vector<Category>> LoadCategories() override;
  Status ReplaceCatalog(const std::vector<CatalogRule>& rules, const AuditRecord* audit = nullptr) override;
  Result<std::vector<CatalogRule>> LoadCatalog() override;
  Result<StoredTimeLimits> LoadTimeLimits() override;
  Result<int> ReplaceTimeLimits(const std::vector<TimeLimitRuleText>& rules,
                                const std::vector<WorkPeriodText>& working_hours, int expected_version,
                                const AuditRecord* audit) override;
  Result<std::vector<CalendarDay>> LoadCalendarDays() override;
  Status ReplaceCalendarYear(int year, const std::vector<CalendarDay>& days, const AuditRecord* audit) override;

  Status PutUser(const User& user, const AuditRecord* audit = nullptr) override;
  Result<std::vector<AuditRecord>> ListAudit(int limit, int offset) override;
  Result<int> AnonymiseClosedTickets(UnixSeconds closed_before, int limit,
                                     const std::function<Result<Transition>(const Ticket&)>& change) override;
  Status RecordPiiAccess(const std::vector<PiiAccess>& records) override;
  Result<std::vector<PiiAccess>> ListPiiAccess(const PiiAccessFilter& filter) override;
  Status PutUsers(const std::vector<User>& users) override;
  Result<User> FindUser(const std::string& username) override;
  Result<std::vector<User>> ListUsers() override;
  Status DeleteUser(const std::string& username, const AuditRecord* audit = nullptr) override;
  Status PutSession(const Session& session) override;
  Result<Session> FindSession(const std::string& token_hash) override;
  Status TouchSession(const std::string& token_hash, UnixSeconds now) override;
  Status DeleteSession(const std::string& token_hash) override;
  Result<int> DeleteUserSessions(const std::string& username, const std::string& keep_token_hash) override;
  Result<int> DeleteExpiredSessions(UnixSeconds now, UnixSeconds idle_seconds) override;

  Result<Ticket> CreateTicket(const Transition& intake) override;
  Result<std::vector<TicketId>> CreateTickets(const std::vector<std::vector<Event>>& histories,
                                              const std::vector<Ticket>& tickets) override;
  Result<Ticket> UpdateTicket(TicketId id,
                              const std::function<Result<Transition>(const Ticket&)>& change) override;
  Result<Ticket> UpdateTicketWith(TicketId id, TicketId other_id, const ChangeWith& change) override;
  Result<Ticket> GetTicket(TicketId id) override;
  Result<std::vector<Event>> GetEvents(TicketId id) override;
  Result<TicketPage> ListTickets(const TicketFilter& filter) override;
  Result<std::int64_t> CountTickets() override;
  Result<std::vector<Ticket>> ScanTickets(const std::vector<TicketState>& states, TicketId after_id,
                                          int limit) override;
  Result<TicketStats> Stats(const TicketFilter& filter) override;
  Result<std::vector<RoutingCount>> RoutingCounts() override;
  Result<LedgerPage> Ledger(const LedgerFilter& filter) override;  // sqlite_ledger.cc
  Result<Ticket> AttachFile(const Attachment& meta, std::string_view bytes,
                            const std::function<Result<Transition>(const Ticket&)>& change) override;
  Result<std::vector<Attachment>> ListAttachments(TicketId id) override;
  Result<std::string> ReadAttachment(TicketId id, const std::string& attachment_id) override;

  // sqlite_kb.cc
  Result<KbEntry> PutKbEntry(const KbEntry& entry, int expected_version) override;
  Result<KbEntry> GetKbEntry(const std::string& id) override;
  Result<std::vector<KbEntry>> ListKbEntries() override;
  Result<std::vector<KbEntry>> KbVersions(const std::string& id) override;

  const sqlite::GroupCommit& group_commit() const { return commit_; }

 private:
  class ReaderLease;
  SqliteStore(sqlite::Connection writer, std::vector<sqlite::Connection> readers);

  // Runs `fn` on a reader connection (or the writer, for in-memory databases).
  template <typename Fn>
  auto Read(Fn&& fn) -> decltype(fn(std::declval<sqlite::Connection&>()));

  Result<TicketId> InsertTicket(sqlite::Connection& db, const Ticket& t);
  Status WriteTicket(sqlite::Connection& db, const Ticket& t, int expected_version);
  Status WriteTicketUnits(sqlite::Connection& db, const Ticket& t);
  Status InsertEvent(sqlite::Connection& db, const Event& e);
  Status InsertAudit(sqlite::Connection& db, const AuditRecord* audit);  // no-op without a record
  // Inside a write: loads the ticket, applies `change`, writes the new state and its event.
  // `command` is set to the event's command (for the change feed).
  Status ApplyChange(sqlite::Connection& db, TicketId id,
                     const std::function<Result<Transition>(const Ticket&)>& change, Ticket& result,
                     std::string& command);
  // Tells the watchers of a committed change.
  void Announce(StoreChange::Kind kind, TicketId ticket = 0, std::string key = "");
  // Passes `s` on, announcing `kind` when it is OK.
  Status Announced(Status s, StoreChange::Kind kind);

  std::mutex conn_mu_;  // guards writer_ (also used for reads of in-memory databases)
  sqlite::Connection writer_;
  sqlite::GroupCommit commit_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<sqlite::Connection> readers_;
  bool shared_writer_ = false;
  ChangeHub hub_;
  const std::string origin_ = NewStoreOrigin();
};

template <typename Fn>
auto SqliteStore::Read(Fn&& fn) -> decltype(fn(std::declval<sqlite::Connection&>())) {
  if (shared_writer_) {
    std::lock_guard lock(conn_mu_);
    return fn(writer_);
  }
  // The connection goes back to the pool however `fn` ends.
  struct Lease {
    SqliteStore* store;
    sqlite::Connection conn;
    ~Lease() {
      std::lock_guard lock(store->pool_mu_);
      store->readers_.push_back(std::move(conn));
      store->pool_cv_.notify_one();
    }
  };
  std::unique_lock lock(pool_mu_);
  pool_cv_.wait(lock, [&] { return !readers_.empty(); });
  Lease lease{this, std::move(readers_.back())};
  readers_.pop_back();
  lock.unlock();
  return fn(lease.conn);
}

}  // namespace hotline

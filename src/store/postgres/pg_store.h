// PgStore: the PostgreSQL Store backend (issue 11), for several `hotline`
// servers on one database. Same contract as the SQLite store (store.h):
//
// - a ticket's new state and its event are written in one transaction; events,
//   the audit trail, the PII access record, KB history and attachments are
//   immutable (triggers refuse changes; the anonymiser alone may redact an
//   intake event's payload, inside its own transaction);
// - UpdateTicket locks the ticket row (SELECT … FOR UPDATE), runs `change` on
//   the current state and writes only if the version is still the one read;
//   UpdateTicketWith locks both rows in id order. A serialization failure,
//   deadlock or version conflict reruns the whole transaction, up to
//   kMaxAttempts times, then is reported as Conflict — never a lost update;
// - filters, unit scope, search, paging, sorting and statistics run in SQL,
//   with the same results as SQLite (pg_ticket_query.h);
// - a pool of `pool` connections (URL query ?pool=N, default 4), one per
//   transaction, each with synchronous_commit = on, so an acknowledged write is
//   on disk; every statement is parameterised and prepared once per connection;
// - migrations (pg_migrations.h) are applied at Open under an advisory lock.
#pragma once

#include <memory>
#include <string>

#include "store/postgres/pg_change_watch.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace hotline {

class PgStore final : public Store {
 public:
  static constexpr int kMaxAttempts = 5;

  // `url`: postgresql://user[:password]@host[:port]/db[?pool=N&libpq options].
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url);

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

  Result<Ticket> AttachFile(const Attachment& meta, std::string_view bytes,
                            const std::function<Result<Transition>(const Ticket&)>& change) override;
  Result<std::vector<Attachment>> ListAttachments(TicketId id) override;
  Result<std::string> ReadAttachment(TicketId id, const std::string& attachment_id) override;

  Result<std::vector<AuditRecord>> ListAudit(int limit, int offset) override;
  Result<int> AnonymiseClosedTickets(UnixSeconds closed_before, int limit,
                                     const std::function<Result<Transition>(const Ticket&)>& change) override;
  Status RecordPiiAccess(const std::vector<PiiAccess>& records) override;
  Result<std::vector<PiiAccess>> ListPiiAccess(const PiiAccessFilter& filter) override;
  Result<std::vector<RoutingCount>> RoutingCounts() override;
  Result<LedgerPage> Ledger(const LedgerFilter& filter) override;  // pg_ledger.cc

  // pg_kb.cc
  Result<KbEntry> PutKbEntry(const KbEntry& entry, int expected_version) override;
  Result<KbEntry> GetKbEntry(const std::string& id) override;
  Result<std::vector<KbEntry>> ListKbEntries() override;
  Result<std::vector<KbEntry>> KbVersions(const std::string& id) override;

  int pool_size() const { return pool_->size(); }

  // NOTIFY / LISTEN and advisory locks (pg_change_watch.h).
  Result<std::unique_ptr<ChangeWatch>> WatchChanges() override;
  const std::string& origin() const override { return origin_; }
  Result<bool> HoldLease(const std::string& name) override { return leases_.Hold(name); }

 private:
  PgStore(std::unique_ptr<pg::Pool> pool, std::string conninfo)
      : pool_(std::move(pool)), conninfo_(std::move(conninfo)), leases_(conninfo_) {}
  // Announces a change of `kind` in the transaction on `db` (change_feed.h).
  Status Notify(pg::Connection& db, StoreChange::Kind kind, TicketId ticket = 0, std::string key = "");

  // Runs `fn` in a transaction on one pooled connection; reruns it when the
  // failure is retryable (up to kMaxAttempts), else rolls back and returns it.
  Status Write(const std::function<Status(pg::Connection&)>& fn);
  // Runs `fn` on one pooled connection, outside a transaction.
  template <typename Fn>
  auto Read(Fn&& fn) {
    auto lease = pool_->Take();
    return fn(*lease);
  }

  Status InsertAudit(pg::Connection& db, const AuditRecord* audit);  // no-op without a record
  Status ApplyChange(pg::Connection& db, TicketId id,
                     const std::function<Result<Transition>(const Ticket&)>& change, Ticket& result);

  std::unique_ptr<pg::Pool> pool_;
  std::string conninfo_;
  pg::PgLeases leases_;
  const std::string origin_ = NewStoreOrigin();
};

}  // namespace hotline

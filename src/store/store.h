// Store: the one storage interface of the system. Backends (sqlite/, later
// postgres/) implement it; nothing above this layer knows SQL.
//
// Contract for tickets: CreateTicket and UpdateTicket write the ticket's new state
// and its event in one transaction — both or neither. UpdateTicket runs `change`
// on the current stored ticket inside that transaction, so concurrent commands on
// one ticket are serialised and each sees the result of the previous one.
// UpdateTicketWith does the same and also hands `change` a second ticket as it is
// in that same transaction (read, not written): a rule across two tickets, such as
// merge's "the main ticket is still open", cannot be broken by a concurrent change
// to the other ticket. A backend with row locks locks both rows in id order.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar_year.h"
#include "domain/catalog.h"
#include "domain/kb_entry.h"
#include "domain/state_machine.h"
#include "domain/status.h"
#include "domain/taxonomy.h"
#include "domain/time_limit_text.h"
#include "domain/ticket.h"
#include "domain/unit_tree.h"
#include "store/change_feed.h"

namespace hotline {

struct User {
  std::string username;
  std::string password_hash;  // libsodium crypto_pwhash_str (argon2id)
  Role role = Role::kOperator;
  std::string unit;           // for unit staff
  std::string display_name;
  bool active = true;
};

// A login session. Only the token's hash is stored. It ends at `expires_at`
// (absolute) or when idle for longer than the server's idle limit.
struct Session {
  std::string token_hash;
  std::string username;
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;
  UnixSeconds expires_at = 0;
};

struct TicketFilter {
  std::optional<TicketState> state;
  std::vector<TicketState> states;          // any of these (ignored when empty)
  std::vector<Channel> channels;            // any of these (ignored when empty)
  std::vector<std::string> units;           // lead/co/chain unit among these (empty = any)
  std::vector<std::string> areas;           // appeal located in one of these units (empty = any)
  std::optional<std::vector<std::string>> visible_units;  // scope of a unit user; empty vector = sees nothing
  std::string category;                     // code prefix: "01" matches all of 城乡建设
  std::string query;                        // substring of content or address, or a ticket id
  TicketId id = 0;                          // this ticket only (a ticket number searched for)
  std::string caller_phone;
  TicketId merged_into = 0;                 // merged tickets whose main ticket is this one
  UnixSeconds from = 0, to = 0;             // created_at in [from, to)
  bool overdue_only = false;                // due_at passed, not replied, clock not paused
  bool near_due_only = false;               // 临期: due in [now, due_before), not replied, not paused (the service sets due_before)
  UnixSeconds due_before = 0;
  bool returned_only = false;               // returned by a unit at least once
  bool extension_pending_only = false;
  bool reply_awaiting_only = false;         // a lower unit's reply waits for the lead unit (逐级审核)
  std::string intake_by;                    // recorded by this user (see intake_by_actor)
  bool intake_by_actor = false;             // "mine": the service sets intake_by to the acting user
  std::optional<bool> enterprise;           // company appeals (true) or the others (false); unset = both
  std::vector<int> priorities;              // ticket priority among these (0 normal, 1 high, 2 urgent; empty = any)
  // 督办 (supervision.h): "unanswered" (an open supervision waits for the unit),
  // "answered" (open ones all answered, waiting for 销号), "open" (either); "" = any.
  std::string supervision;
  std::vector<int> supervision_levels;      // the open supervisions' highest level among these (empty = any)
  // 吹哨报到 (issue 10): tickets whose lead unit called in a unit above it;
  // with whistle_to, only whistles to one of these units.
  bool whistled_only = false;
  std::vector<std::string> whistle_to;
  // 协办任务 (co_tasks.h): "pending" (the co-unit has not given its opinion),
  // "answered", "any"; "" = no condition. With co_task_units, only the tasks of
  // these units count.
  std::string co_task;
  std::vector<std::string> co_task_units;
  UnixSeconds now = 0;                      // for overdue_only
  // created_at | due_at | updated_at | id, '-' for descending; or priority (四优先,
  // issue 10): company appeals first, then supervised or escalated ones, then the
  // rest; within each the earliest handling deadline first (none last), then the oldest.
  std::string sort = "-created_at";
  int page = 1;
  int per_page = 20;
};

struct TicketPage {
  std::vector<Ticket> items;
  std::int64_t total = 0;
};

// How often a unit was sent, and sent back, tickets of a category (level-2 code).
struct RoutingCount {
  std::string unit;
  std::string category;
  std::int64_t dispatched = 0;
  std::int64_t returned = 0;
};

// Counts of the tickets matching a filter, grouped several ways.
struct TicketStats {
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> by_state, by_channel;
  std::map<std::string, std::int64_t> by_category;  // level-1 code
  std::map<std::string, std::int64_t> by_area;      // the appeal's area unit code ("" = not located)
  std::map<std::string, std::int64_t> by_day;       // local date YYYY-MM-DD of intake
  std::map<std::string, std::int64_t> by_satisfaction;  // "" = no callback result
  // Closed without a callback because the citizen asked for none (no_callback):
  // counted apart from the callbacks' results, issue 10.
  std::int64_t closed_without_callback = 0;
};

// The clearing ledger (动态清零, issue 10): the tickets a callback found
// unsatisfied or unresolved within [from, to) — one row per ticket however many
// such callbacks it had in that span. Cleared means the ticket is closed now
// (closed is final); the closing event says how (domain/ledger.h).
struct LedgerFilter {
  UnixSeconds from = 0, to = 0;                 // the callbacks' time span; from < to
  std::vector<std::string> lead_units;          // the ticket's lead unit among these (empty = any)
  std::optional<std::vector<std::string>> visible_units;  // as TicketFilter: a unit user's scope
  std::optional<bool> cleared;                  // only cleared (true) or open (false) rows; unset = both
  int page = 1;
  int per_page = 20;                            // 1..1000, rows by first callback time, then id
};

struct LedgerRow {
  Ticket ticket;                  // as it is now
  Event unsatisfied;              // the span's first unsatisfied or unresolved callback
  int unsatisfied_callbacks = 0;  // how many the span had
  std::optional<Event> closing;   // the event that closed the ticket (cleared), if it is closed
};

struct LedgerPage {
  std::vector<LedgerRow> items;
  std::int64_t total = 0;    // every row of the span and units, whatever `cleared` asks
  std::int64_t cleared = 0;  // of those, closed now
  std::int64_t matching = 0; // rows matching `cleared` too (what the pages cover)
};

// A file attached to a ticket (photos, documents); the bytes are read separately.
struct Attachment {
  std::string id;
  TicketId ticket_id = 0;
  std::string name, content_type;
  std::int64_t size = 0;
  std::string uploaded_by;
  UnixSeconds uploaded_at = 0;
};

// Who changed what in the city's set-up (users, units, taxonomy, catalog): one
// record per change, written in the change's transaction, never altered.
struct AuditRecord {
  std::int64_t seq = 0;  // assigned by the store
  UnixSeconds at = 0;
  std::string actor;
  std::string action;   // "replace_units", "replace_categories", "replace_catalog", "create_user", "update_user"
  std::string summary;  // what changed, for people ("132 → 133 rules; added 1201 × LC-D01 → LC-ZLS")
};

// The center's time limits as an admin last saved them (issue 10): the rules and
// the working hours as text (domain/time_limit_text.h, the cells of the data
// directory's files), replaced whole, and a version counting the saves. Version 0
// and empty lists: never edited — the data directory's files are in force.
struct StoredTimeLimits {
  int version = 0;
  std::vector<TimeLimitRuleText> rules;
  std::vector<WorkPeriodText> working_hours;
};

// One unmasked view of a caller's name or phone: who saw which ticket, when, and where.
struct PiiAccess {
  std::int64_t seq = 0;  // assigned by the store
  UnixSeconds at = 0;
  std::string actor;
  std::string role;
  TicketId ticket_id = 0;
  std::string endpoint;  // e.g. "GET /api/v1/tickets/{id}"
  std::string screen;    // the console screen that asked, when it said
};

struct PiiAccessFilter {
  TicketId ticket_id = 0;  // 0: any
  std::string actor;       // empty: any
  int limit = 50;
  int offset = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Several servers on one database (issue 11, change_feed.h): a watcher of every
  // committed ticket, reference-data and user change, this server's and the
  // others'; and the origin that marks this store's own announcements.
  virtual Result<std::unique_ptr<ChangeWatch>> WatchChanges() = 0;
  virtual const std::string& origin() const = 0;
  // Whether this process holds the lease `name` (timed work that one server does
  // for all, such as the deadline scheduler): taken when free and kept until the
  // store closes or its hold is lost. PostgreSQL: a session advisory lock on a
  // connection of its own (ends with that connection or process); SQLite: one
  // process, always true.
  virtual Result<bool> HoldLease(const std::string& name) = 0;

  // Reference data. With `audit`, its record is written in the same transaction.
  virtual Status ReplaceUnits(const std::vector<Unit>& units, const AuditRecord* audit = nullptr) = 0;
  virtual Result<std::vector<Unit>> LoadUnits() = 0;
  virtual Status ReplaceCategories(const std::vector<Category>& categories, const AuditRecord* audit = nullptr) = 0;
  virtual Result<std::vector<Category>> LoadCategories() = 0;
  virtual Status ReplaceCatalog(const std::vector<CatalogRule>& rules, const AuditRecord* audit = nullptr) = 0;
  virtual Result<std::vector<CatalogRule>> LoadCatalog() = 0;

  // Time limits and the holiday calendar (issue 10), kept once an admin edits them
  // (the data directory's files are the seed; what the store holds wins).
  virtual Result<StoredTimeLimits> LoadTimeLimits() = 0;
  // Replaces the rules and working hours whole, as given, when the stored version
  // is `expected_version`, and writes `audit` in the same transaction; returns the
  // new version (expected_version + 1). A Conflict with reason stale_version, and
  // nothing written, when another save came first.
  virtual Result<int> ReplaceTimeLimits(const std::vector<TimeLimitRuleText>& rules,
                                        const std::vector<WorkPeriodText>& working_hours, int expected_version,
                                        const AuditRecord* audit = nullptr) = 0;
  // The days of every year an admin uploaded, by date (the file's years are not here).
  virtual Result<std::vector<CalendarDay>> LoadCalendarDays() = 0;
  // Replaces `year`'s days by `days` (each of that year; the caller checked them,
  // domain/calendar_year.h) and writes `audit` in the same transaction.
  virtual Status ReplaceCalendarYear(int year, const std::vector<CalendarDay>& days,
                                     const AuditRecord* audit = nullptr) = 0;

  // Users and sessions. Tokens are stored hashed.
  virtual Status PutUser(const User& user, const AuditRecord* audit = nullptr) = 0;
  virtual Status PutUsers(const std::vector<User>& users) = 0;
  virtual Result<User> FindUser(const std::string& username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // Deletes a user and, with them, their sessions; their past events keep their name.
  virtual Status DeleteUser(const std::string& username, const AuditRecord* audit = nullptr) = 0;
  virtual Status PutSession(const Session& session) = 0;
  // Unauthenticated when there is no session with this hash (expiry is the caller's rule).
  virtual Result<Session> FindSession(const std::string& token_hash) = 0;
  virtual Status TouchSession(const std::string& token_hash, UnixSeconds now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  // Ends every session of `username` except the one with `keep_token_hash` (may be empty).
  virtual Result<int> DeleteUserSessions(const std::string& username, const std::string& keep_token_hash) = 0;
  // Removes sessions past `expires_at`, or not seen for `idle_seconds` or longer.
  virtual Result<int> DeleteExpiredSessions(UnixSeconds now, UnixSeconds idle_seconds) = 0;

  // Tickets.
  virtual Result<Ticket> CreateTicket(const Transition& intake) = 0;
  // Writes many intakes in one transaction (imports, demo data); returns their ids.
  virtual Result<std::vector<TicketId>> CreateTickets(const std::vector<std::vector<Event>>& histories,
                                                      const std::vector<Ticket>& tickets) = 0;
  virtual Result<Ticket> UpdateTicket(TicketId id,
                                      const std::function<Result<Transition>(const Ticket&)>& change) = 0;
  // `other` is null when no ticket has `other_id`; when other_id == id it is the
  // current ticket itself.
  using ChangeWith = std::function<Result<Transition>(const Ticket& current, const Ticket* other)>;
  virtual Result<Ticket> UpdateTicketWith(TicketId id, TicketId other_id, const ChangeWith& change) = 0;
  virtual Result<Ticket> GetTicket(TicketId id) = 0;
  virtual Result<std::vector<Event>> GetEvents(TicketId id) = 0;
  virtual Result<TicketPage> ListTickets(const TicketFilter& filter) = 0;
  virtual Result<std::int64_t> CountTickets() = 0;
  // Up to `limit` (1..10000) tickets in one of `states` with an id above `after_id`,
  // by id: a keyset scan for rebuilding in-memory indexes at start (the deadline
  // scheduler), with no count and no offset, so reading every open ticket of a large
  // store costs one pass. An empty `states` is an InvalidArgument.
  virtual Result<std::vector<Ticket>> ScanTickets(const std::vector<TicketState>& states, TicketId after_id,
                                                  int limit) = 0;
  // Paging and sort of `filter` are ignored.
  virtual Result<TicketStats> Stats(const TicketFilter& filter) = 0;

  // The clearing ledger of a span (LedgerFilter): reads the callbacks of the span
  // through an index on unsatisfied events, never every ticket. InvalidArgument
  // naming "month" when from >= to, "page" or "per_page" when out of range.
  virtual Result<LedgerPage> Ledger(const LedgerFilter& filter) = 0;

  // Attachments. AttachFile stores the bytes and applies `change` (the ticket's
  // "attach" event) in one transaction: both are kept or neither.
  virtual Result<Ticket> AttachFile(const Attachment& meta, std::string_view bytes,
                                    const std::function<Result<Transition>(const Ticket&)>& change) = 0;
  virtual Result<std::vector<Attachment>> ListAttachments(TicketId id) = 0;  // oldest first
  // NotFound unless the attachment belongs to the ticket.
  virtual Result<std::string> ReadAttachment(TicketId id, const std::string& attachment_id) = 0;

  // The audit trail, newest first.
  virtual Result<std::vector<AuditRecord>> ListAudit(int limit, int offset) = 0;
  // Retention: applies `change` (the "anonymise" command) to up to `limit` tickets
  // closed before `closed_before` that still hold a caller's name, phone or
  // address, and removes the same data from each one's intake event (the only
  // change ever made to an event), each ticket in one transaction with its new
  // event. Returns how many were anonymised.
  virtual Result<int> AnonymiseClosedTickets(UnixSeconds closed_before, int limit,
                                             const std::function<Result<Transition>(const Ticket&)>& change) = 0;
  // The record of unmasked views of personal data (immutable), newest first.
  virtual Status RecordPiiAccess(const std::vector<PiiAccess>& records) = 0;
  virtual Result<std::vector<PiiAccess>> ListPiiAccess(const PiiAccessFilter& filter) = 0;

  // Dispatch and return counts per unit and level-2 category, from the event log.
  virtual Result<std::vector<RoutingCount>> RoutingCounts() = 0;

  // Knowledge base. PutKbEntry creates (empty id: a new "KB-nnnn" is assigned) or
  // updates an entry; `expected_version` must equal the stored version (0 for a
  // new entry) or the call is a Conflict. The entry and its version row are one
  // transaction. Returns the stored entry.
  virtual Result<KbEntry> PutKbEntry(const KbEntry& entry, int expected_version) = 0;
  virtual Result<KbEntry> GetKbEntry(const std::string& id) = 0;
  virtual Result<std::vector<KbEntry>> ListKbEntries() = 0;  // every entry, withdrawn ones too
  virtual Result<std::vector<KbEntry>> KbVersions(const std::string& id) = 0;  // oldest first
};

// Opens a store from a URL: "sqlite:PATH" (or a bare path), "sqlite::memory:".
// Applies pending migrations before returning.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace hotline

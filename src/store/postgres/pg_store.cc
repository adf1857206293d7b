#include "store/postgres/pg_store.h"

#include <map>

#include "domain/supervision.h"
#include "store/codec.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_ticket_query.h"
#include "store/search_text.h"

namespace hotline {

using nlohmann::json;
using pg::Connection;
using pg::Params;
using pg::PgResult;

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url) {
  HOTLINE_ASSIGN_OR_RETURN(auto options, pg::ParseUrl(url));
  HOTLINE_ASSIGN_OR_RETURN(auto pool, pg::Pool::Open(options));
  {
    auto lease = pool->Take();
    HOTLINE_RETURN_IF_ERROR(pg::Migrate(*lease).status());
  }
  return std::unique_ptr<PgStore>(new PgStore(std::move(pool), options.conninfo));
}

Status PgStore::Write(const std::function<Status(Connection&)>& fn) {
  for (int attempt = 1;; ++attempt) {
    auto lease = pool_->Take();
    Connection& db = *lease;
    db.MarkRetryable(false);
    Status s = db.Run("BEGIN");
    if (s.ok()) s = fn(db);
    if (s.ok()) s = db.Run("COMMIT");
    if (s.ok()) return s;
    (void)db.Run("ROLLBACK");
    if (!db.retryable() || attempt >= kMaxAttempts) return s;
  }
}

Result<std::unique_ptr<ChangeWatch>> PgStore::WatchChanges() {
  HOTLINE_ASSIGN_OR_RETURN(auto watch, pg::PgChangeWatch::Open(conninfo_));
  return std::unique_ptr<ChangeWatch>(std::move(watch));
}

Status PgStore::Notify(Connection& db, StoreChange::Kind kind, TicketId ticket, std::string key) {
  return pg::Notify(db, StoreChange{kind, ticket, std::move(key), origin_});
}

Status PgStore::InsertAudit(Connection& db, const AuditRecord* audit) {
  if (!audit) return Status::Ok();
  Params p;
  p.Add(audit->at).Add(audit->actor).Add(audit->action).Add(audit->summary);
  return db.Exec("INSERT INTO admin_audit (at, actor, action, summary) VALUES ($1, $2, $3, $4)", p).status();
}

// --- reference data ---------------------------------------------------------

Status PgStore::ReplaceUnits(const std::vector<Unit>& units, const AuditRecord* audit) {
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kReference));
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM units").status());
    int pos = 0;
    for (const Unit& u : units) {
      Params p;
      p.Add(u.code).Add(u.name).Add(std::string(Name(u.kind))).Add(u.parent).Add(pos++);
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("INSERT INTO units (code, name, kind, parent, pos) VALUES ($1, $2, $3, $4, $5)", p).status());
    }
    return Status::Ok();
  });
}

Result<std::vector<Unit>> PgStore::LoadUnits() {
  return Read([](Connection& db) -> Result<std::vector<Unit>> {
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT code, name, kind, parent FROM units ORDER BY pos"));
    std::vector<Unit> out;
    for (int i = 0; i < r.rows(); ++i) {
      auto kind = ParseUnitKind(r.Text(i, 2));
      if (!kind) return Status::Internal("unit " + r.Text(i, 0) + " has an unknown kind");
      out.push_back({r.Text(i, 0), r.Text(i, 1), *kind, r.Text(i, 3)});
    }
    return out;
  });
}

Status PgStore::ReplaceCategories(const std::vector<Category>& categories, const AuditRecord* audit) {
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kReference));
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM categories").status());
    for (const Category& c : categories) {
      Params p;
      p.Add(c.code).Add(c.name).Add(c.parent).Add(c.level);
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("INSERT INTO categories (code, name, parent, level) VALUES ($1, $2, $3, $4)", p).status());
    }
    return Status::Ok();
  });
}

Result<std::vector<Category>> PgStore::LoadCategories() {
  return Read([](Connection& db) -> Result<std::vector<Category>> {
    HOTLINE_ASSIGN_OR_RETURN(auto r,
                             db.Exec("SELECT code, name, parent, level FROM categories ORDER BY code COLLATE \"C\""));
    std::vector<Category> out;
    for (int i = 0; i < r.rows(); ++i)
      out.push_back({r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), static_cast<int>(r.Int(i, 3))});
    return out;
  });
}

Status PgStore::ReplaceCatalog(const std::vector<CatalogRule>& rules, const AuditRecord* audit) {
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kReference));
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM catalog").status());
    for (const CatalogRule& r : rules) {
      Params p;
      p.Add(r.category).Add(r.area).Add(r.enterprise).Add(r.lead).Add(json(r.co_units).dump());
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("INSERT INTO catalog (category, area, enterprise, lead, co_units) VALUES ($1, $2, $3, $4, $5)", p)
              .status());
    }
    return Status::Ok();
  });
}

Result<std::vector<CatalogRule>> PgStore::LoadCatalog() {
  return Read([](Connection& db) -> Result<std::vector<CatalogRule>> {
    HOTLINE_ASSIGN_OR_RETURN(auto r,
                             db.Exec("SELECT category, area, enterprise, lead, co_units FROM catalog ORDER BY id"));
    std::vector<CatalogRule> out;
    for (int i = 0; i < r.rows(); ++i) {
      json co = json::parse(r.Text(i, 4), nullptr, false);
      if (!co.is_array()) return Status::Internal("catalog rule " + std::to_string(i) + " has corrupt co_units");
      out.push_back({r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3), co.get<std::vector<std::string>>()});
    }
    return out;
  });
}

// --- users and sessions -----------------------------------------------------

namespace {

constexpr const char* kUpsertUser =
    "INSERT INTO users (username, password_hash, role, unit, display_name, active) VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, "
    "unit = excluded.unit, display_name = excluded.display_name, active = excluded.active";

constexpr const char* kUserColumns = "SELECT username, password_hash, role, unit, display_name, active FROM users";

Status UpsertUser(Connection& db, const User& u) {
  Params p;
  p.Add(u.username).Add(u.password_hash).Add(std::string(Name(u.role))).Add(u.unit).Add(u.display_name).Add(u.active);
  return db.Exec(kUpsertUser, p).status();
}

Result<User> UserFromRow(const PgResult& r, int i) {
  auto role = ParseRole(r.Text(i, 2));
  if (!role) return Status::Internal("user " + r.Text(i, 0) + " has an unknown role");
  return User{r.Text(i, 0), r.Text(i, 1), *role, r.Text(i, 3), r.Text(i, 4), r.Bool(i, 5)};
}

}  // namespace

Status PgStore::PutUser(const User& user, const AuditRecord* audit) {
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kUsers));
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    return UpsertUser(db, user);
  });
}

Status PgStore::PutUsers(const std::vector<User>& users) {
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kUsers));
    for (const User& u : users) HOTLINE_RETURN_IF_ERROR(UpsertUser(db, u));
    return Status::Ok();
  });
}

Result<User> PgStore::FindUser(const std::string& username) {
  return Read([&](Connection& db) -> Result<User> {
    Params p;
    p.Add(username);
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec(std::string(kUserColumns) + " WHERE username = $1", p));
    if (r.rows() == 0) return Status::NotFound("no user " + username);
    return UserFromRow(r, 0);
  });
}

Result<std::vector<User>> PgStore::ListUsers() {
  return Read([&](Connection& db) -> Result<std::vector<User>> {
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec(std::string(kUserColumns) + " ORDER BY username COLLATE \"C\""));
    std::vector<User> out;
    for (int i = 0; i < r.rows(); ++i) {
      HOTLINE_ASSIGN_OR_RETURN(auto u, UserFromRow(r, i));
      out.push_back(std::move(u));
    }
    return out;
  });
}

Status PgStore::DeleteUser(const std::string& username, const AuditRecord* audit) {
  return Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kUsers));
    Params p;
    p.Add(username);
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("DELETE FROM users WHERE username = $1", p));
    if (r.Changed() == 0) return Status::NotFound("no user " + username);
    return InsertAudit(db, audit);
  });
}

Status PgStore::PutSession(const Session& s) {
  return Write([&](Connection& db) -> Status {
    Params p;
    p.Add(s.token_hash).Add(s.username).Add(s.created_at).Add(s.last_seen_at).Add(s.expires_at);
    return db.Exec("INSERT INTO sessions (token_hash, username, created_at, last_seen_at, expires_at) "
                   "VALUES ($1, $2, $3, $4, $5)", p).status();
  });
}

Result<Session> PgStore::FindSession(const std::string& token_hash) {
  return Read([&](Connection& db) -> Result<Session> {
    Params p;
    p.Add(token_hash);
    HOTLINE_ASSIGN_OR_RETURN(
        auto r,
        db.Exec("SELECT username, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1", p));
    if (r.rows() == 0) return Status::Unauthenticated("session expired or unknown");
    return Session{token_hash, r.Text(0, 0), r.Int(0, 1), r.Int(0, 2), r.Int(0, 3)};
  });
}

Status PgStore::TouchSession(const std::string& token_hash, UnixSeconds now) {
  // Autocommit: one statement is its own transaction.
  return Read([&](Connection& db) -> Status {
    Params p;
    p.Add(token_hash).Add(now);
    return db.Exec("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2", p).status();
  });
}

Status PgStore::DeleteSession(const std::string& token_hash) {
  // One statement (autocommit): the session goes and its end is announced together.
  return Read([&](Connection& db) -> Status {
    Params p;
    p.Add(token_hash).Add(std::string(pg::kChangeChannel)).Add("s " + origin_ + " 0 ");
    return db.Exec("WITH gone AS (DELETE FROM sessions WHERE token_hash = $1 RETURNING token_hash) "
                   "SELECT pg_notify($2, $3 || token_hash) FROM gone", p).status();
  });
}

Result<int> PgStore::DeleteUserSessions(const std::string& username, const std::string& keep_token_hash) {
  return Read([&](Connection& db) -> Result<int> {
    Params p;
    p.Add(username).Add(keep_token_hash).Add(std::string(pg::kChangeChannel)).Add("s " + origin_ + " 0 ");
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("WITH gone AS (DELETE FROM sessions WHERE username = $1 AND token_hash <> $2 "
                        "RETURNING token_hash) SELECT pg_notify($3, $4 || token_hash) FROM gone", p));
    return r.rows();
  });
}

Result<int> PgStore::DeleteExpiredSessions(UnixSeconds now, UnixSeconds idle_seconds) {
  return Read([&](Connection& db) -> Result<int> {
    Params p;
    p.Add(now).Add(now - idle_seconds);
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", p));
    return static_cast<int>(r.Changed());
  });
}

// --- tickets ------------------------------------------------------------------

namespace {

// The columns every ticket write sets, in the order AddTicketColumns binds them.
constexpr const char* kTicketColumns =
    "state, channel, appeal_type, category, area, lead_unit, enterprise, caller_phone, caller_name, content, "
    "address, reply_content, created_at, updated_at, due_at, closed_at, paused_at, version, queue_rank, priority, "
    "return_count, extension_pending, reply_awaiting, intake_by, main_ticket, satisfaction, supervision_state, "
    "supervision_level, search_text, doc";
constexpr int kTicketColumnCount = 30;

std::string TicketSearchText(const std::string& content, const std::string& address, const std::string& reply) {
  return SearchRuns(content) + "\n" + SearchRuns(address) + "\n" + SearchRuns(reply);
}

void AddTicketColumns(Params& p, const Ticket& t) {
  // 0: a company appeal; 1: supervised or escalated; 2: the rest (四优先, issue 10).
  const int queue_rank = t.appeal.enterprise ? 0 : (t.supervision_level > 0 || t.escalation_level > 0) ? 1 : 2;
  p.Add(std::string(Name(t.state)))
      .Add(std::string(Name(t.appeal.channel)))
      .Add(std::string(Name(t.appeal.type)))
      .Add(t.appeal.category)
      .Add(t.appeal.area)
      .Add(t.lead_unit)
      .Add(t.appeal.enterprise)
      .Add(t.appeal.caller.phone)
      .Add(t.appeal.caller.name)
      .Add(t.appeal.content)
      .Add(t.appeal.address)
      .Add(t.reply_content)
      .Add(t.created_at)
      .Add(t.updated_at)
      .Add(t.due_at)
      .Add(t.closed_at)
      .Add(t.paused_at)
      .Add(t.version)
      .Add(queue_rank)
      .Add(t.priority)
      .Add(t.return_count)
      .Add(t.extension_pending)
      .Add(t.reply_awaiting)
      .Add(t.intake_by)
      .Add(static_cast<std::int64_t>(t.main_ticket))
      .Add(t.satisfaction ? std::string(Name(*t.satisfaction)) : std::string())
      .Add(SupervisionStateOf(t))
      .Add(t.supervision_level)
      .Add(TicketSearchText(t.appeal.content, t.appeal.address, t.reply_content))
      .Add(EncodeTicket(t).dump());
}

// Columns (id, doc): the id column is authoritative (a new ticket's document is
// written before its id is known).
Result<Ticket> TicketFromRow(const PgResult& r, int i) {
  json doc = json::parse(r.Text(i, 1), nullptr, false);
  if (doc.is_discarded()) return Status::Internal("ticket " + r.Text(i, 0) + " has a corrupt document");
  auto t = DecodeTicket(doc);
  if (t.ok()) t->id = r.Int(i, 0);
  return t;
}

Result<Ticket> LoadTicket(Connection& db, TicketId id, bool for_update) {
  Params p;
  p.Add(static_cast<std::int64_t>(id));
  HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec(for_update ? "SELECT id, doc FROM tickets WHERE id = $1 FOR UPDATE"
                                                      : "SELECT id, doc FROM tickets WHERE id = $1",
                                           p));
  if (r.rows() == 0) return Status::NotFound("no ticket " + std::to_string(id));
  return TicketFromRow(r, 0);
}

Result<TicketId> InsertTicket(Connection& db, const Ticket& t) {
  Params p;
  AddTicketColumns(p, t);
  std::string values;
  for (int i = 1; i <= kTicketColumnCount; ++i) values += (i > 1 ? ", $" : "$") + std::to_string(i);
  HOTLINE_ASSIGN_OR_RETURN(
      auto r, db.Exec(std::string("INSERT INTO tickets (") + kTicketColumns + ") VALUES (" + values + ") RETURNING id",
                      p));
  return static_cast<TicketId>(r.Int(0, 0));
}

Status WriteTicketUnits(Connection& db, const Ticket& t) {
  std::vector<std::string> units;
  auto add = [&](const std::string& u) {
    if (!u.empty()) units.push_back(u);
  };
  add(t.lead_unit);
  for (const auto& u : t.co_units) add(u);
  for (const auto& u : t.dispatch_chain) add(u);
  add(t.reply_unit);  // the unit that wrote the reply keeps sight of it (as CanSee)
  Params del;
  del.Add(static_cast<std::int64_t>(t.id));
  HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM ticket_units WHERE ticket_id = $1", del).status());
  if (units.empty()) return Status::Ok();
  Params ins;
  ins.Add(static_cast<std::int64_t>(t.id)).Add(pg::TextArray(units));
  return db.Exec("INSERT INTO ticket_units (ticket_id, unit) SELECT $1::bigint, u FROM unnest($2::text[]) AS u "
                 "ON CONFLICT DO NOTHING", ins).status();
}

// Writes the ticket's new state if its stored version is still `expected_version`;
// otherwise a retryable Conflict.
Status WriteTicket(Connection& db, const Ticket& t, int expected_version) {
  Params p;
  AddTicketColumns(p, t);
  std::string sets;
  std::string columns = kTicketColumns;
  int i = 1;
  for (std::size_t pos = 0; pos <= columns.size(); ++i) {
    std::size_t end = columns.find(", ", pos);
    if (end == std::string::npos) end = columns.size();
    sets += (i > 1 ? ", " : "") + columns.substr(pos, end - pos) + " = $" + std::to_string(i);
    pos = end + 2;
  }
  p.Add(static_cast<std::int64_t>(t.id)).Add(expected_version);
  HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("UPDATE tickets SET " + sets + " WHERE id = $" + std::to_string(i) +
                                               " AND version = $" + std::to_string(i + 1),
                                           p));
  if (r.Changed() != 1) {
    db.MarkRetryable();
    return Status::Conflict("ticket " + std::to_string(t.id) + " changed meanwhile");
  }
  return WriteTicketUnits(db, t);
}

Status InsertEvent(Connection& db, const Event& e) {
  json payload = {{"input", EncodeCommandInput(e.input)}};
  if (e.appeal) payload["appeal"] = EncodeAppeal(*e.appeal);
  Params p;
  p.Add(static_cast<std::int64_t>(e.ticket_id))
      .Add(e.seq)
      .Add(e.at)
      .Add(e.actor.username)
      .Add(std::string(Name(e.actor.role)))
      .Add(e.actor.unit)
      .Add(e.command)
      .Add(std::string(Name(e.from)))
      .Add(std::string(Name(e.to)))
      .Add(payload.dump());
  return db.Exec("INSERT INTO events (ticket_id, seq, at, actor, actor_role, actor_unit, command, from_state, "
                 "to_state, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)", p).status();
}

}  // namespace

Result<Ticket> PgStore::CreateTicket(const Transition& intake) {
  HOTLINE_ASSIGN_OR_RETURN(auto ids, CreateTickets({{intake.event}}, {intake.ticket}));
  Ticket t = intake.ticket;
  t.id = ids.front();
  return t;
}

Result<std::vector<TicketId>> PgStore::CreateTickets(const std::vector<std::vector<Event>>& histories,
                                                     const std::vector<Ticket>& tickets) {
  if (histories.size() != tickets.size()) return Status::InvalidArgument("tickets", "one history per ticket");
  std::vector<TicketId> ids;
  Status s = Write([&](Connection& db) -> Status {
    ids.clear();
    for (std::size_t i = 0; i < tickets.size(); ++i) {
      HOTLINE_ASSIGN_OR_RETURN(auto id, InsertTicket(db, tickets[i]));
      Ticket t = tickets[i];
      t.id = id;
      HOTLINE_RETURN_IF_ERROR(WriteTicketUnits(db, t));
      for (Event e : histories[i]) {
        e.ticket_id = id;
        HOTLINE_RETURN_IF_ERROR(InsertEvent(db, e));
      }
      HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kTicket, id,
                                     histories[i].empty() ? "intake" : histories[i].back().command));
      ids.push_back(id);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return ids;
}

Status PgStore::ApplyChange(Connection& db, TicketId id,
                            const std::function<Result<Transition>(const Ticket&)>& change, Ticket& result) {
  HOTLINE_ASSIGN_OR_RETURN(auto current, LoadTicket(db, id, /*for_update=*/true));
  HOTLINE_ASSIGN_OR_RETURN(Transition tr, change(current));
  tr.ticket.id = id;
  tr.event.ticket_id = id;
  HOTLINE_RETURN_IF_ERROR(WriteTicket(db, tr.ticket, current.version));
  HOTLINE_RETURN_IF_ERROR(InsertEvent(db, tr.event));
  HOTLINE_RETURN_IF_ERROR(Notify(db, StoreChange::Kind::kTicket, id, tr.event.command));
  result = std::move(tr.ticket);
  return Status::Ok();
}

Result<Ticket> PgStore::UpdateTicket(TicketId id, const std::function<Result<Transition>(const Ticket&)>& change) {
  Ticket result;
  Status s = Write([&](Connection& db) { return ApplyChange(db, id, change, result); });
  if (!s.ok()) return s;
  return result;
}

// Both rows are locked in id order first, so two commands across the same two
// tickets (cross merges) cannot deadlock, and `other` cannot change until commit.
Result<Ticket> PgStore::UpdateTicketWith(TicketId id, TicketId other_id, const ChangeWith& change) {
  Ticket result;
  Status s = Write([&](Connection& db) -> Status {
    std::optional<Ticket> other;
    if (other_id > 0 && other_id != id) {
      Params lock;
      lock.Add("{" + std::to_string(id) + "," + std::to_string(other_id) + "}");
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("SELECT id FROM tickets WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE", lock).status());
      auto loaded = LoadTicket(db, other_id, /*for_update=*/false);
      if (loaded.ok()) {
        other = std::move(loaded).value();
      } else if (loaded.status().code() != StatusCode::kNotFound) {
        return loaded.status();
      }
    }
    return ApplyChange(
        db, id,
        [&](const Ticket& current) { return change(current, other_id == id ? &current : other ? &*other : nullptr); },
        result);
  });
  if (!s.ok()) return s;
  return result;
}

Result<int> PgStore::AnonymiseClosedTickets(UnixSeconds closed_before, int limit,
                                            const std::function<Result<Transition>(const Ticket&)>& change) {
  HOTLINE_ASSIGN_OR_RETURN(const auto ids, Read([&](Connection& db) -> Result<std::vector<TicketId>> {
                             Params p;
                             p.Add(closed_before).Add(limit);
                             HOTLINE_ASSIGN_OR_RETURN(
                                 auto r, db.Exec("SELECT id FROM tickets WHERE closed_at > 0 AND closed_at < $1 AND "
                                                 "(caller_phone <> '' OR address <> '' OR caller_name <> '') "
                                                 "ORDER BY id LIMIT $2",
                                                 p));
                             std::vector<TicketId> out;
                             for (int i = 0; i < r.rows(); ++i) out.push_back(r.Int(i, 0));
                             return out;
                           }));
  int done = 0;
  for (TicketId id : ids) {
    Ticket result;
    HOTLINE_RETURN_IF_ERROR(Write([&](Connection& db) -> Status {
      HOTLINE_RETURN_IF_ERROR(ApplyChange(db, id, change, result));
      Params columns;
      columns.Add(static_cast<std::int64_t>(id))
          .Add(TicketSearchText(result.appeal.content, "", result.reply_content));
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("UPDATE tickets SET caller_phone = '', address = '', search_text = $2 WHERE id = $1", columns)
              .status());
      Params key;
      key.Add(static_cast<std::int64_t>(id));
      HOTLINE_ASSIGN_OR_RETURN(auto read, db.Exec("SELECT payload FROM events WHERE ticket_id = $1 AND seq = 1", key));
      if (read.rows() == 0) return Status::Internal("ticket " + std::to_string(id) + " has no intake event");
      json payload = json::parse(read.Text(0, 0), nullptr, false);
      if (!payload.is_object() || !payload.contains("appeal"))
        return Status::Internal("ticket " + std::to_string(id) + ": intake event without an appeal");
      json& appeal = payload["appeal"];
      appeal["caller"] = {{"name", ""}, {"phone", ""}};
      appeal["address"] = "";
      appeal["location"] = nullptr;
      // The events trigger lets this transaction, and only it, change an event's payload.
      HOTLINE_RETURN_IF_ERROR(db.Run("SET LOCAL hotline.redaction = 'on'"));
      Params redact;
      redact.Add(static_cast<std::int64_t>(id)).Add(payload.dump());
      HOTLINE_RETURN_IF_ERROR(
          db.Exec("UPDATE events SET payload = $2::jsonb WHERE ticket_id = $1 AND seq = 1", redact).status());
      return db.Run("SET LOCAL hotline.redaction = 'off'");
    }));
    ++done;
  }
  return done;
}

Result<Ticket> PgStore::AttachFile(const Attachment& meta, std::string_view bytes,
                                   const std::function<Result<Transition>(const Ticket&)>& change) {
  Ticket result;
  Status s = Write([&](Connection& db) -> Status {
    Params p;
    p.Add(meta.id)
        .Add(static_cast<std::int64_t>(meta.ticket_id))
        .Add(meta.name)
        .Add(meta.content_type)
        .Add(static_cast<std::int64_t>(bytes.size()))
        .Add(meta.uploaded_by)
        .Add(meta.uploaded_at)
        .AddBinary(bytes);
    HOTLINE_RETURN_IF_ERROR(db.Exec("INSERT INTO attachments (id, ticket_id, name, content_type, size, uploaded_by, "
                                    "uploaded_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", p).status());
    return ApplyChange(db, meta.ticket_id, change, result);
  });
  if (!s.ok()) return s;
  return result;
}

Result<std::vector<Attachment>> PgStore::ListAttachments(TicketId id) {
  return Read([&](Connection& db) -> Result<std::vector<Attachment>> {
    Params p;
    p.Add(static_cast<std::int64_t>(id));
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT id, name, content_type, size, uploaded_by, uploaded_at FROM "
                                             "attachments WHERE ticket_id = $1 ORDER BY uploaded_at, id COLLATE \"C\"",
                                             p));
    std::vector<Attachment> out;
    for (int i = 0; i < r.rows(); ++i)
      out.push_back({r.Text(i, 0), id, r.Text(i, 1), r.Text(i, 2), r.Int(i, 3), r.Text(i, 4), r.Int(i, 5)});
    return out;
  });
}

Result<std::string> PgStore::ReadAttachment(TicketId id, const std::string& attachment_id) {
  return Read([&](Connection& db) -> Result<std::string> {
    Params p;
    p.Add(attachment_id).Add(static_cast<std::int64_t>(id));
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("SELECT data FROM attachments WHERE id = $1 AND ticket_id = $2", p, /*binary_result=*/true));
    if (r.rows() == 0) return Status::NotFound("attachment " + attachment_id + " of ticket " + std::to_string(id));
    return r.Text(0, 0);
  });
}

Result<Ticket> PgStore::GetTicket(TicketId id) {
  return Read([&](Connection& db) { return LoadTicket(db, id, /*for_update=*/false); });
}

Result<std::vector<Event>> PgStore::GetEvents(TicketId id) {
  return Read([&](Connection& db) -> Result<std::vector<Event>> {
    Params p;
    p.Add(static_cast<std::int64_t>(id));
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT seq, at, actor, actor_role, actor_unit, command, from_state, "
                                             "to_state, payload FROM events WHERE ticket_id = $1 ORDER BY seq",
                                             p));
    std::vector<Event> out;
    for (int i = 0; i < r.rows(); ++i) {
      Event e;
      e.ticket_id = id;
      e.seq = static_cast<int>(r.Int(i, 0));
      e.at = r.Int(i, 1);
      auto role = ParseRole(r.Text(i, 3));
      auto from = ParseTicketState(r.Text(i, 6));
      auto to = ParseTicketState(r.Text(i, 7));
      if (!role || !from || !to) return Status::Internal("malformed event in ticket " + std::to_string(id));
      e.actor = {r.Text(i, 2), *role, r.Text(i, 4)};
      e.command = r.Text(i, 5);
      e.from = *from;
      e.to = *to;
      json payload = json::parse(r.Text(i, 8), nullptr, false);
      if (!payload.is_object() || !payload.contains("input"))
        return Status::Internal("malformed event payload in ticket " + std::to_string(id));
      HOTLINE_ASSIGN_OR_RETURN(e.input, DecodeCommandInput(payload["input"]));
      if (payload.contains("appeal")) {
        HOTLINE_ASSIGN_OR_RETURN(e.appeal, DecodeAppeal(payload["appeal"]));
      }
      out.push_back(std::move(e));
    }
    if (out.empty()) return Status::NotFound("no ticket " + std::to_string(id));
    return out;
  });
}

Result<TicketPage> PgStore::ListTickets(const TicketFilter& f) {
  HOTLINE_ASSIGN_OR_RETURN(const std::string order, pg::TicketOrder(f.sort));
  if (f.page < 1) return Status::InvalidArgument("page", "page must be at least 1");
  if (f.per_page < 1 || f.per_page > 200) return Status::InvalidArgument("per_page", "per_page must be 1..200");
  pg::TicketWhere where = pg::BuildTicketWhere(f);
  return Read([&](Connection& db) -> Result<TicketPage> {
    TicketPage page;
    HOTLINE_ASSIGN_OR_RETURN(auto count, db.Exec("SELECT COUNT(*) FROM tickets" + where.sql, where.params));
    page.total = count.Int(0, 0);
    Params p = where.params;
    p.Add(f.per_page);
    const std::string limit = " LIMIT " + p.Last();
    p.Add(static_cast<std::int64_t>(f.page - 1) * f.per_page);
    const std::string offset = " OFFSET " + p.Last();
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT id, doc FROM tickets" + where.sql + order + limit + offset, p));
    for (int i = 0; i < r.rows(); ++i) {
      HOTLINE_ASSIGN_OR_RETURN(auto t, TicketFromRow(r, i));
      page.items.push_back(std::move(t));
    }
    return page;
  });
}

Result<TicketStats> PgStore::Stats(const TicketFilter& f) {
  const pg::TicketWhere where = pg::BuildTicketWhere(f);
  return Read([&](Connection& db) -> Result<TicketStats> {
    TicketStats stats;
    // Each grouping is one query over the same filtered set.
    auto group = [&](const std::string& key, std::map<std::string, std::int64_t>& out) -> Status {
      HOTLINE_ASSIGN_OR_RETURN(
          auto r, db.Exec("SELECT " + key + " AS k, COUNT(*) FROM tickets" + where.sql + " GROUP BY k", where.params));
      for (int i = 0; i < r.rows(); ++i) out[r.Text(i, 0)] = r.Int(i, 1);
      return Status::Ok();
    };
    HOTLINE_RETURN_IF_ERROR(group("state", stats.by_state));
    HOTLINE_RETURN_IF_ERROR(group("channel", stats.by_channel));
    HOTLINE_RETURN_IF_ERROR(group("substr(category, 1, 2)", stats.by_category));
    HOTLINE_RETURN_IF_ERROR(group("area", stats.by_area));
    // The local date of intake in China (UTC+8), as the SQLite store's date(created_at + 28800).
    HOTLINE_RETURN_IF_ERROR(group("to_char(to_timestamp(created_at + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
                                  stats.by_day));
    HOTLINE_RETURN_IF_ERROR(group("satisfaction", stats.by_satisfaction));
    {
      HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT COUNT(*) FROM tickets" + where.sql +
                                                   " AND state = 'closed' AND (doc::jsonb #>> "
                                                   "'{appeal,no_callback}') = 'true'",
                                               where.params));
      if (r.rows() > 0) stats.closed_without_callback = r.Int(0, 0);
    }
    for (const auto& [state, n] : stats.by_state) stats.total += n;
    return stats;
  });
}

Result<std::vector<RoutingCount>> PgStore::RoutingCounts() {
  return Read([&](Connection& db) -> Result<std::vector<RoutingCount>> {
    std::map<std::pair<std::string, std::string>, RoutingCount> counts;
    // A dispatch names its unit in the payload; a return is made by the lead unit's staff.
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("SELECT CASE e.command WHEN 'dispatch' THEN e.payload->'input'->>'unit' "
                        "ELSE e.actor_unit END AS unit, substr(t.category, 1, 4) AS cat, e.command, COUNT(*) "
                        "FROM events e JOIN tickets t ON t.id = e.ticket_id "
                        "WHERE e.command IN ('dispatch', 'return') AND t.category <> '' GROUP BY 1, 2, 3"));
    for (int i = 0; i < r.rows(); ++i) {
      RoutingCount& c = counts[{r.Text(i, 0), r.Text(i, 1)}];
      c.unit = r.Text(i, 0);
      c.category = r.Text(i, 1);
      (r.Text(i, 2) == "dispatch" ? c.dispatched : c.returned) += r.Int(i, 3);
    }
    std::vector<RoutingCount> out;
    for (auto& [key, c] : counts) out.push_back(std::move(c));
    return out;
  });
}

Result<std::vector<Ticket>> PgStore::ScanTickets(const std::vector<TicketState>& states, TicketId after_id,
                                                 int limit) {
  if (states.empty()) return Status::InvalidArgument("states", "states must name at least one state");
  if (limit < 1 || limit > 10000) return Status::InvalidArgument("limit", "limit must be 1..10000");
  std::vector<std::string> names;
  for (TicketState s : states) names.emplace_back(Name(s));
  return Read([&](Connection& db) -> Result<std::vector<Ticket>> {
    Params p;
    p.Add(static_cast<std::int64_t>(after_id)).Add(pg::TextArray(names)).Add(limit);
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("SELECT id, doc FROM tickets WHERE id > $1 AND state = ANY($2::text[]) ORDER BY id LIMIT $3",
                        p));
    std::vector<Ticket> out;
    for (int i = 0; i < r.rows(); ++i) {
      HOTLINE_ASSIGN_OR_RETURN(auto t, TicketFromRow(r, i));
      out.push_back(std::move(t));
    }
    return out;
  });
}

Result<std::int64_t> PgStore::CountTickets() {
  return Read([](Connection& db) -> Result<std::int64_t> {
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT COUNT(*) FROM tickets"));
    return r.Int(0, 0);
  });
}

// --- audit and personal-data access -------------------------------------------

Result<std::vector<AuditRecord>> PgStore::ListAudit(int limit, int offset) {
  return Read([&](Connection& db) -> Result<std::vector<AuditRecord>> {
    Params p;
    p.Add(limit).Add(offset);
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("SELECT seq, at, actor, action, summary FROM admin_audit ORDER BY seq DESC LIMIT $1 OFFSET $2",
                        p));
    std::vector<AuditRecord> out;
    for (int i = 0; i < r.rows(); ++i)
      out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Text(i, 4)});
    return out;
  });
}

Status PgStore::RecordPiiAccess(const std::vector<PiiAccess>& records) {
  if (records.empty()) return Status::Ok();
  return Write([&](Connection& db) -> Status {
    for (const PiiAccess& a : records) {
      Params p;
      p.Add(a.at).Add(a.actor).Add(a.role).Add(static_cast<std::int64_t>(a.ticket_id)).Add(a.endpoint).Add(a.screen);
      HOTLINE_RETURN_IF_ERROR(db.Exec("INSERT INTO pii_access (at, actor, role, ticket_id, endpoint, screen) "
                                      "VALUES ($1, $2, $3, $4, $5, $6)", p).status());
    }
    return Status::Ok();
  });
}

Result<std::vector<PiiAccess>> PgStore::ListPiiAccess(const PiiAccessFilter& f) {
  return Read([&](Connection& db) -> Result<std::vector<PiiAccess>> {
    Params p;
    p.Add(static_cast<std::int64_t>(f.ticket_id)).Add(f.actor).Add(f.limit).Add(f.offset);
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("SELECT seq, at, actor, role, ticket_id, endpoint, screen FROM pii_access "
                        "WHERE ($1::bigint = 0 OR ticket_id = $1::bigint) AND ($2::text = '' OR actor = $2::text) "
                        "ORDER BY seq DESC LIMIT $3 OFFSET $4",
                        p));
    std::vector<PiiAccess> out;
    for (int i = 0; i < r.rows(); ++i)
      out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Int(i, 4), r.Text(i, 5), r.Text(i, 6)});
    return out;
  });
}

}  // namespace hotline

#include "store/sqlite/sqlite_store.h"

#include <variant>

#include "store/codec.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/ticket_query.h"

namespace hotline {

using nlohmann::json;
using sqlite::Connection;
using sqlite::Statement;

SqliteStore::SqliteStore(Connection writer, std::vector<Connection> readers)
    : writer_(std::move(writer)),
      commit_(writer_, conn_mu_),
      readers_(std::move(readers)),
      shared_writer_(readers_.empty()) {}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, int readers) {
  HOTLINE_ASSIGN_OR_RETURN(auto writer, Connection::Open(path));
  HOTLINE_RETURN_IF_ERROR(sqlite::Migrate(writer).status());
  std::vector<Connection> pool;
  if (path != ":memory:") {
    for (int i = 0; i < readers; ++i) {
      HOTLINE_ASSIGN_OR_RETURN(auto r, Connection::Open(path, /*read_only=*/true));
      pool.push_back(std::move(r));
    }
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(writer), std::move(pool)));
}

// --- reference data ---------------------------------------------------------

Status SqliteStore::ReplaceUnits(const std::vector<Unit>& units, const AuditRecord* audit) {
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM units"));
    HOTLINE_ASSIGN_OR_RETURN(auto ins,
                             db.Prepare("INSERT INTO units (code, name, kind, parent) VALUES (?1, ?2, ?3, ?4)"));
    for (const Unit& u : units) {
      ins.Reset();
      HOTLINE_RETURN_IF_ERROR(ins.Bind(1, u.code).Bind(2, u.name).Bind(3, Name(u.kind)).Bind(4, u.parent).Run());
    }
    return Status::Ok();
  }), StoreChange::Kind::kReference);
}

Result<std::vector<Unit>> SqliteStore::LoadUnits() {
  return Read([](Connection& db) -> Result<std::vector<Unit>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q,
                             db.Prepare("SELECT code, name, kind, COALESCE(parent, '') FROM units ORDER BY rowid"));
    std::vector<Unit> out;
    while (q.Step()) {
      auto kind = ParseUnitKind(q.Text(2));
      if (!kind) return Status::Internal("unit " + q.Text(0) + " has an unknown kind");
      out.push_back({q.Text(0), q.Text(1), *kind, q.Text(3)});
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Status SqliteStore::ReplaceCategories(const std::vector<Category>& categories, const AuditRecord* audit) {
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM categories"));
    HOTLINE_ASSIGN_OR_RETURN(auto ins,
                             db.Prepare("INSERT INTO categories (code, name, parent, level) VALUES (?1, ?2, ?3, ?4)"));
    for (const Category& c : categories) {
      ins.Reset();
      HOTLINE_RETURN_IF_ERROR(ins.Bind(1, c.code).Bind(2, c.name).Bind(3, c.parent).Bind(4, c.level).Run());
    }
    return Status::Ok();
  }), StoreChange::Kind::kReference);
}

Result<std::vector<Category>> SqliteStore::LoadCategories() {
  return Read([](Connection& db) -> Result<std::vector<Category>> {
    HOTLINE_ASSIGN_OR_RETURN(
        auto q, db.Prepare("SELECT code, name, COALESCE(parent, ''), level FROM categories ORDER BY code"));
    std::vector<Category> out;
    while (q.Step()) out.push_back({q.Text(0), q.Text(1), q.Text(2), static_cast<int>(q.Int(3))});
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Status SqliteStore::ReplaceCatalog(const std::vector<CatalogRule>& rules, const AuditRecord* audit) {
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_RETURN_IF_ERROR(db.Exec("DELETE FROM catalog"));
    HOTLINE_ASSIGN_OR_RETURN(
        auto ins,
        db.Prepare("INSERT INTO catalog (category, area, enterprise, lead, co_units) VALUES (?1,?2,?3,?4,?5)"));
    for (const CatalogRule& r : rules) {
      ins.Reset();
      HOTLINE_RETURN_IF_ERROR(ins.Bind(1, r.category)
                                  .Bind(2, r.area)
                                  .Bind(3, r.enterprise)
                                  .Bind(4, r.lead)
                                  .Bind(5, json(r.co_units).dump())
                                  .Run());
    }
    return Status::Ok();
  }), StoreChange::Kind::kReference);
}

Result<std::vector<CatalogRule>> SqliteStore::LoadCatalog() {
  return Read([](Connection& db) -> Result<std::vector<CatalogRule>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q,
                             db.Prepare("SELECT category, area, enterprise, lead, co_units FROM catalog ORDER BY id"));
    std::vector<CatalogRule> out;
    while (q.Step()) {
      out.push_back(
          {q.Text(0), q.Text(1), q.Text(2), q.Text(3), json::parse(q.Text(4)).get<std::vector<std::string>>()});
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

// --- users and sessions -----------------------------------------------------

namespace {

constexpr const char* kUpsertUser =
    "INSERT INTO users (username, password_hash, role, unit, display_name, active) VALUES (?1,?2,?3,?4,?5,?6) "
    "ON CONFLICT(username) DO UPDATE SET password_hash=excluded.password_hash, role=excluded.role, "
    "unit=excluded.unit, display_name=excluded.display_name, active=excluded.active";

Status BindUser(Statement& s, const User& u) {
  s.Reset();
  return s.Bind(1, u.username)
      .Bind(2, u.password_hash)
      .Bind(3, Name(u.role))
      .Bind(4, u.unit)
      .Bind(5, u.display_name)
      .Bind(6, u.active ? 1 : 0)
      .Run();
}

Result<User> UserFromRow(const Statement& q) {
  auto role = ParseRole(q.Text(2));
  if (!role) return Status::Internal("user " + q.Text(0) + " has an unknown role");
  return User{q.Text(0), q.Text(1), *role, q.Text(3), q.Text(4), q.Int(5) != 0};
}

constexpr const char* kUserColumns = "SELECT username, password_hash, role, unit, display_name, active FROM users";

}  // namespace

Status SqliteStore::PutUser(const User& user, const AuditRecord* audit) {
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_RETURN_IF_ERROR(InsertAudit(db, audit));
    HOTLINE_ASSIGN_OR_RETURN(auto ins, db.Prepare(kUpsertUser));
    return BindUser(ins, user);
  }), StoreChange::Kind::kUsers);
}

Status SqliteStore::InsertAudit(Connection& db, const AuditRecord* audit) {
  if (!audit) return Status::Ok();
  HOTLINE_ASSIGN_OR_RETURN(auto ins,
                           db.Prepare("INSERT INTO admin_audit (at, actor, action, summary) VALUES (?1, ?2, ?3, ?4)"));
  return ins.Bind(1, audit->at).Bind(2, audit->actor).Bind(3, audit->action).Bind(4, audit->summary).Run();
}

Result<std::vector<AuditRecord>> SqliteStore::ListAudit(int limit, int offset) {
  return Read([&](Connection& db) -> Result<std::vector<AuditRecord>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q,
                             db.Prepare("SELECT seq, at, actor, action, summary FROM admin_audit ORDER BY seq DESC "
                                        "LIMIT ?1 OFFSET ?2"));
    q.Bind(1, limit).Bind(2, offset);
    std::vector<AuditRecord> out;
    while (q.Step()) out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4)});
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Status SqliteStore::RecordPiiAccess(const std::vector<PiiAccess>& records) {
  if (records.empty()) return Status::Ok();
  return commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(auto ins,
                             db.Prepare("INSERT INTO pii_access (at, actor, role, ticket_id, endpoint, screen) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const PiiAccess& r : records) {
      ins.Reset();
      HOTLINE_RETURN_IF_ERROR(ins.Bind(1, r.at).Bind(2, r.actor).Bind(3, r.role).Bind(4, r.ticket_id)
                                  .Bind(5, r.endpoint).Bind(6, r.screen).Run());
    }
    return Status::Ok();
  });
}

Result<std::vector<PiiAccess>> SqliteStore::ListPiiAccess(const PiiAccessFilter& f) {
  return Read([&](Connection& db) -> Result<std::vector<PiiAccess>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q,
                             db.Prepare("SELECT seq, at, actor, role, ticket_id, endpoint, screen FROM pii_access "
                                        "WHERE (?1 = 0 OR ticket_id = ?1) AND (?2 = '' OR actor = ?2) "
                                        "ORDER BY seq DESC LIMIT ?3 OFFSET ?4"));
    q.Bind(1, f.ticket_id).Bind(2, f.actor).Bind(3, f.limit).Bind(4, f.offset);
    std::vector<PiiAccess> out;
    while (q.Step()) out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Int(4), q.Text(5), q.Text(6)});
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Status SqliteStore::PutUsers(const std::vector<User>& users) {
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(auto ins, db.Prepare(kUpsertUser));
    for (const User& u : users) HOTLINE_RETURN_IF_ERROR(BindUser(ins, u));
    return Status::Ok();
  }), StoreChange::Kind::kUsers);
}

Result<User> SqliteStore::FindUser(const std::string& username) {
  return Read([&](Connection& db) -> Result<User> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare(std::string(kUserColumns) + " WHERE username = ?1"));
    q.Bind(1, username);
    if (!q.Step()) {
      HOTLINE_RETURN_IF_ERROR(q.status());
      return Status::NotFound("no user " + username);
    }
    return UserFromRow(q);
  });
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  return Read([&](Connection& db) -> Result<std::vector<User>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare(std::string(kUserColumns) + " ORDER BY username"));
    std::vector<User> out;
    while (q.Step()) {
      HOTLINE_ASSIGN_OR_RETURN(auto u, UserFromRow(q));
      out.push_back(std::move(u));
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Status SqliteStore::DeleteUser(const std::string& username, const AuditRecord* audit) {
  return Announced(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("DELETE FROM users WHERE username = ?1"));
    HOTLINE_RETURN_IF_ERROR(q.Bind(1, username).Run());
    if (db.Changes() == 0) return Status::NotFound("no user " + username);
    return InsertAudit(db, audit);
  }), StoreChange::Kind::kUsers);
}

Status SqliteStore::PutSession(const Session& s) {
  return commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(
        auto q, db.Prepare("INSERT INTO sessions (token_hash, username, created_at, last_seen_at, expires_at) "
                           "VALUES (?1,?2,?3,?4,?5)"));
    return q.Bind(1, s.token_hash).Bind(2, s.username).Bind(3, s.created_at).Bind(4, s.last_seen_at)
        .Bind(5, s.expires_at).Run();
  });
}

Result<Session> SqliteStore::FindSession(const std::string& token_hash) {
  return Read([&](Connection& db) -> Result<Session> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT username, created_at, last_seen_at, expires_at FROM sessions "
                                                "WHERE token_hash = ?1"));
    q.Bind(1, token_hash);
    if (!q.Step()) {
      HOTLINE_RETURN_IF_ERROR(q.status());
      return Status::Unauthenticated("session expired or unknown");
    }
    return Session{token_hash, q.Text(0), q.Int(1), q.Int(2), q.Int(3)};
  });
}

Status SqliteStore::TouchSession(const std::string& token_hash, UnixSeconds now) {
  return commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(
        auto q, db.Prepare("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND last_seen_at < ?2"));
    return q.Bind(1, token_hash).Bind(2, now).Run();
  });
}

Status SqliteStore::DeleteSession(const std::string& token_hash) {
  HOTLINE_RETURN_IF_ERROR(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("DELETE FROM sessions WHERE token_hash = ?1"));
    return q.Bind(1, token_hash).Run();
  }));
  Announce(StoreChange::Kind::kSession, 0, token_hash);
  return Status::Ok();
}

Result<int> SqliteStore::DeleteUserSessions(const std::string& username, const std::string& keep_token_hash) {
  std::vector<std::string> ended;
  HOTLINE_RETURN_IF_ERROR(commit_.Write([&](Connection& db) -> Status {
    ended.clear();
    HOTLINE_ASSIGN_OR_RETURN(auto which,
                             db.Prepare("SELECT token_hash FROM sessions WHERE username = ?1 AND token_hash <> ?2"));
    which.Bind(1, username).Bind(2, keep_token_hash);
    while (which.Step()) ended.push_back(which.Text(0));
    HOTLINE_RETURN_IF_ERROR(which.status());
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("DELETE FROM sessions WHERE username = ?1 AND token_hash <> ?2"));
    return q.Bind(1, username).Bind(2, keep_token_hash).Run();
  }));
  for (const std::string& hash : ended) Announce(StoreChange::Kind::kSession, 0, hash);
  return static_cast<int>(ended.size());
}

Result<int> SqliteStore::DeleteExpiredSessions(UnixSeconds now, UnixSeconds idle_seconds) {
  int removed = 0;
  HOTLINE_RETURN_IF_ERROR(commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2"));
    HOTLINE_RETURN_IF_ERROR(q.Bind(1, now).Bind(2, now - idle_seconds).Run());
    removed = db.Changes();
    return Status::Ok();
  }));
  return removed;
}

// --- tickets ------------------------------------------------------------------

namespace {

// Columns (id, doc): the id column is authoritative (a new ticket's document is
// written before its id is known).
Result<Ticket> TicketFromRow(const Statement& q) {
  json doc = json::parse(q.Text(1), nullptr, false);
  if (doc.is_discarded()) return Status::Internal("ticket " + std::to_string(q.Int(0)) + " has a corrupt document");
  auto t = DecodeTicket(doc);
  if (t.ok()) t->id = q.Int(0);
  return t;
}

Result<Ticket> LoadTicket(Connection& db, TicketId id) {
  HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT id, doc FROM tickets WHERE id = ?1"));
  q.Bind(1, id);
  if (!q.Step()) {
    HOTLINE_RETURN_IF_ERROR(q.status());
    return Status::NotFound("no ticket " + std::to_string(id));
  }
  return TicketFromRow(q);
}

}  // namespace

Result<TicketId> SqliteStore::InsertTicket(Connection& db, const Ticket& t) {
  HOTLINE_ASSIGN_OR_RETURN(
      auto q, db.Prepare("INSERT INTO tickets (state, channel, appeal_type, category, area, lead_unit, enterprise, "
                         "caller_phone, content, address, created_at, updated_at, due_at, closed_at, version, doc) "
                         "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)"));
  HOTLINE_RETURN_IF_ERROR(q.Bind(1, Name(t.state))
                              .Bind(2, Name(t.appeal.channel))
                              .Bind(3, Name(t.appeal.type))
                              .Bind(4, t.appeal.category)
                              .Bind(5, t.appeal.area)
                              .Bind(6, t.lead_unit)
                              .Bind(7, t.appeal.enterprise ? 1 : 0)
                              .Bind(8, t.appeal.caller.phone)
                              .Bind(9, t.appeal.content)
                              .Bind(10, t.appeal.address)
                              .Bind(11, t.created_at)
                              .Bind(12, t.updated_at)
                              .Bind(13, t.due_at)
                              .Bind(14, t.closed_at)
                              .Bind(15, t.version)
                              .Bind(16, EncodeTicket(t).dump())
                              .Run());
  return db.LastInsertId();
}

Status SqliteStore::WriteTicket(Connection& db, const Ticket& t, int expected_version) {
  HOTLINE_ASSIGN_OR_RETURN(auto q,
                           db.Prepare("UPDATE tickets SET state=?1, category=?2, area=?3, lead_unit=?4, updated_at=?5, "
                                      "due_at=?6, closed_at=?7, version=?8, doc=?9 WHERE id=?10 AND version=?11"));
  HOTLINE_RETURN_IF_ERROR(q.Bind(1, Name(t.state))
                              .Bind(2, t.appeal.category)
                              .Bind(3, t.appeal.area)
                              .Bind(4, t.lead_unit)
                              .Bind(5, t.updated_at)
                              .Bind(6, t.due_at)
                              .Bind(7, t.closed_at)
                              .Bind(8, t.version)
                              .Bind(9, EncodeTicket(t).dump())
                              .Bind(10, t.id)
                              .Bind(11, expected_version)
                              .Run());
  if (sqlite3_changes(db.raw()) != 1) return Status::Conflict("ticket " + std::to_string(t.id) + " changed meanwhile");
  return WriteTicketUnits(db, t);
}

Status SqliteStore::WriteTicketUnits(Connection& db, const Ticket& t) {
  HOTLINE_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM ticket_units WHERE ticket_id = ?1"));
  HOTLINE_RETURN_IF_ERROR(del.Bind(1, t.id).Run());
  HOTLINE_ASSIGN_OR_RETURN(auto ins,
                           db.Prepare("INSERT OR IGNORE INTO ticket_units (ticket_id, unit) VALUES (?1, ?2)"));
  auto add = [&](const std::string& unit) -> Status {
    if (unit.empty()) return Status::Ok();
    ins.Reset();
    return ins.Bind(1, t.id).Bind(2, unit).Run();
  };
  HOTLINE_RETURN_IF_ERROR(add(t.lead_unit));
  for (const auto& u : t.co_units) HOTLINE_RETURN_IF_ERROR(add(u));
  for (const auto& u : t.dispatch_chain) HOTLINE_RETURN_IF_ERROR(add(u));
  return add(t.reply_unit);  // the unit that wrote the reply keeps sight of it (as CanSee)
}

Status SqliteStore::InsertEvent(Connection& db, const Event& e) {
  HOTLINE_ASSIGN_OR_RETURN(auto q,
                           db.Prepare("INSERT INTO events (ticket_id, seq, at, actor, actor_role, actor_unit, command, "
                                      "from_state, to_state, payload) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"));
  json payload = {{"input", EncodeCommandInput(e.input)}};
  if (e.appeal) payload["appeal"] = EncodeAppeal(*e.appeal);
  return q.Bind(1, e.ticket_id)
      .Bind(2, e.seq)
      .Bind(3, e.at)
      .Bind(4, e.actor.username)
      .Bind(5, Name(e.actor.role))
      .Bind(6, e.actor.unit)
      .Bind(7, e.command)
      .Bind(8, Name(e.from))
      .Bind(9, Name(e.to))
      .Bind(10, payload.dump())
      .Run();
}

Result<Ticket> SqliteStore::CreateTicket(const Transition& intake) {
  HOTLINE_ASSIGN_OR_RETURN(auto ids, CreateTickets({{intake.event}}, {intake.ticket}));
  Ticket t = intake.ticket;
  t.id = ids.front();
  return t;
}

Result<std::vector<TicketId>> SqliteStore::CreateTickets(const std::vector<std::vector<Event>>& histories,
                                                         const std::vector<Ticket>& tickets) {
  if (histories.size() != tickets.size()) return Status::InvalidArgument("tickets", "one history per ticket");
  std::vector<TicketId> ids;
  ids.reserve(tickets.size());
  Status s = commit_.Write([&](Connection& db) -> Status {
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
      ids.push_back(id);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::vector<StoreChange> created;
  for (std::size_t i = 0; i < ids.size(); ++i)
    created.push_back({StoreChange::Kind::kTicket, ids[i], histories[i].empty() ? "intake" : histories[i].back().command,
                       origin_});
  hub_.Announce(created);
  return ids;
}

Status SqliteStore::ApplyChange(Connection& db, TicketId id,
                                const std::function<Result<Transition>(const Ticket&)>& change, Ticket& result,
                                std::string& command) {
  HOTLINE_ASSIGN_OR_RETURN(auto current, LoadTicket(db, id));
  HOTLINE_ASSIGN_OR_RETURN(Transition tr, change(current));
  tr.ticket.id = id;
  tr.event.ticket_id = id;
  HOTLINE_RETURN_IF_ERROR(WriteTicket(db, tr.ticket, current.version));
  HOTLINE_RETURN_IF_ERROR(InsertEvent(db, tr.event));
  result = std::move(tr.ticket);
  command = tr.event.command;
  return Status::Ok();
}

void SqliteStore::Announce(StoreChange::Kind kind, TicketId ticket, std::string key) {
  hub_.Announce(StoreChange{kind, ticket, std::move(key), origin_});
}

Status SqliteStore::Announced(Status s, StoreChange::Kind kind) {
  if (s.ok()) Announce(kind);
  return s;
}

Result<int> SqliteStore::AnonymiseClosedTickets(UnixSeconds closed_before, int limit,
                                                const std::function<Result<Transition>(const Ticket&)>& change) {
  HOTLINE_ASSIGN_OR_RETURN(const auto ids, Read([&](Connection& db) -> Result<std::vector<TicketId>> {
                             HOTLINE_ASSIGN_OR_RETURN(
                                 auto q, db.Prepare("SELECT id FROM tickets WHERE closed_at > 0 AND closed_at < ?1 AND "
                                                    "(caller_phone <> '' OR address <> '' OR "
                                                    "COALESCE(json_extract(doc, '$.appeal.caller.name'), '') <> '') "
                                                    "ORDER BY id LIMIT ?2"));
                             q.Bind(1, closed_before).Bind(2, limit);
                             std::vector<TicketId> out;
                             while (q.Step()) out.push_back(q.Int(0));
                             HOTLINE_RETURN_IF_ERROR(q.status());
                             return out;
                           }));
  int done = 0;
  for (TicketId id : ids) {
    Ticket result;
    std::string command;
    HOTLINE_RETURN_IF_ERROR(commit_.Write([&](Connection& db) -> Status {
      HOTLINE_RETURN_IF_ERROR(ApplyChange(db, id, change, result, command));
      HOTLINE_ASSIGN_OR_RETURN(auto columns,
                               db.Prepare("UPDATE tickets SET caller_phone = '', address = '' WHERE id = ?1"));
      HOTLINE_RETURN_IF_ERROR(columns.Bind(1, id).Run());
      HOTLINE_ASSIGN_OR_RETURN(auto read, db.Prepare("SELECT payload FROM events WHERE ticket_id = ?1 AND seq = 1"));
      read.Bind(1, id);
      if (!read.Step()) return Status::Internal("ticket " + std::to_string(id) + " has no intake event");
      json payload = json::parse(read.Text(0), nullptr, false);
      if (!payload.is_object() || !payload.contains("appeal"))
        return Status::Internal("ticket " + std::to_string(id) + ": intake event without an appeal");
      json& appeal = payload["appeal"];
      appeal["caller"] = {{"name", ""}, {"phone", ""}};
      appeal["address"] = "";
      appeal["location"] = nullptr;
      HOTLINE_RETURN_IF_ERROR(db.Run("UPDATE redaction_gate SET open = 1"));
      HOTLINE_ASSIGN_OR_RETURN(auto redact,
                               db.Prepare("UPDATE events SET payload = ?2 WHERE ticket_id = ?1 AND seq = 1"));
      HOTLINE_RETURN_IF_ERROR(redact.Bind(1, id).Bind(2, payload.dump()).Run());
      return db.Run("UPDATE redaction_gate SET open = 0");
    }));
    Announce(StoreChange::Kind::kTicket, id, command);
    ++done;
  }
  return done;
}

Result<Ticket> SqliteStore::UpdateTicket(TicketId id, const std::function<Result<Transition>(const Ticket&)>& change) {
  Ticket result;
  std::string command;
  Status s = commit_.Write([&](Connection& db) { return ApplyChange(db, id, change, result, command); });
  if (!s.ok()) return s;
  Announce(StoreChange::Kind::kTicket, id, command);
  return result;
}

// One writer connection serialises every write, so reading `other_id` inside the
// unit of work sees exactly the state the change commits against.
Result<Ticket> SqliteStore::UpdateTicketWith(TicketId id, TicketId other_id, const ChangeWith& change) {
  Ticket result;
  std::string command;
  Status s = commit_.Write([&](Connection& db) -> Status {
    std::optional<Ticket> other;
    if (other_id > 0 && other_id != id) {
      auto loaded = LoadTicket(db, other_id);
      if (loaded.ok()) {
        other = std::move(loaded).value();
      } else if (loaded.status().code() != StatusCode::kNotFound) {
        return loaded.status();
      }
    }
    return ApplyChange(
        db, id,
        [&](const Ticket& current) { return change(current, other_id == id ? &current : other ? &*other : nullptr); },
        result, command);
  });
  if (!s.ok()) return s;
  Announce(StoreChange::Kind::kTicket, id, command);
  return result;
}

Result<Ticket> SqliteStore::AttachFile(const Attachment& meta, std::string_view bytes,
                                      const std::function<Result<Transition>(const Ticket&)>& change) {
  Ticket result;
  std::string command;
  Status s = commit_.Write([&](Connection& db) -> Status {
    HOTLINE_ASSIGN_OR_RETURN(
        auto insert, db.Prepare("INSERT INTO attachments (id, ticket_id, name, content_type, size, uploaded_by, "
                                "uploaded_at, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    insert.Bind(1, meta.id).Bind(2, meta.ticket_id).Bind(3, meta.name).Bind(4, meta.content_type);
    insert.Bind(5, static_cast<std::int64_t>(bytes.size())).Bind(6, meta.uploaded_by).Bind(7, meta.uploaded_at);
    insert.BindBlob(8, bytes);
    HOTLINE_RETURN_IF_ERROR(insert.Run());
    return ApplyChange(db, meta.ticket_id, change, result, command);
  });
  if (!s.ok()) return s;
  Announce(StoreChange::Kind::kTicket, meta.ticket_id, command);
  return result;
}

Result<std::vector<Attachment>> SqliteStore::ListAttachments(TicketId id) {
  return Read([&](Connection& db) -> Result<std::vector<Attachment>> {
    HOTLINE_ASSIGN_OR_RETURN(
        auto q, db.Prepare("SELECT id, name, content_type, size, uploaded_by, uploaded_at FROM attachments "
                           "WHERE ticket_id = ?1 ORDER BY uploaded_at, id"));
    q.Bind(1, id);
    std::vector<Attachment> out;
    while (q.Step()) out.push_back({q.Text(0), id, q.Text(1), q.Text(2), q.Int(3), q.Text(4), q.Int(5)});
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Result<std::string> SqliteStore::ReadAttachment(TicketId id, const std::string& attachment_id) {
  return Read([&](Connection& db) -> Result<std::string> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT data FROM attachments WHERE id = ?1 AND ticket_id = ?2"));
    q.Bind(1, attachment_id).Bind(2, id);
    if (!q.Step()) {
      HOTLINE_RETURN_IF_ERROR(q.status());
      return Status::NotFound("attachment " + attachment_id + " of ticket " + std::to_string(id));
    }
    return q.Blob(0);
  });
}

Result<Ticket> SqliteStore::GetTicket(TicketId id) {
  return Read([&](Connection& db) { return LoadTicket(db, id); });
}

Result<std::vector<Event>> SqliteStore::GetEvents(TicketId id) {
  return Read([&](Connection& db) -> Result<std::vector<Event>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q,
                             db.Prepare("SELECT seq, at, actor, actor_role, actor_unit, command, from_state, to_state, "
                                        "payload FROM events WHERE ticket_id = ?1 ORDER BY seq"));
    q.Bind(1, id);
    std::vector<Event> out;
    while (q.Step()) {
      Event e;
      e.ticket_id = id;
      e.seq = static_cast<int>(q.Int(0));
      e.at = q.Int(1);
      auto role = ParseRole(q.Text(3));
      auto from = ParseTicketState(q.Text(6));
      auto to = ParseTicketState(q.Text(7));
      if (!role || !from || !to) return Status::Internal("malformed event in ticket " + std::to_string(id));
      e.actor = {q.Text(2), *role, q.Text(4)};
      e.command = q.Text(5);
      e.from = *from;
      e.to = *to;
      json payload = json::parse(q.Text(8));
      HOTLINE_ASSIGN_OR_RETURN(e.input, DecodeCommandInput(payload.at("input")));
      if (payload.contains("appeal")) {
        HOTLINE_ASSIGN_OR_RETURN(e.appeal, DecodeAppeal(payload["appeal"]));
      }
      out.push_back(std::move(e));
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    if (out.empty()) return Status::NotFound("no ticket " + std::to_string(id));
    return out;
  });
}



Result<TicketPage> SqliteStore::ListTickets(const TicketFilter& f) {
  std::string key = f.sort;
  const bool desc = !key.empty() && key[0] == '-';
  if (desc) key.erase(0, 1);
  std::string order;
  if (key == "priority" && !desc) {
    order = " ORDER BY queue_rank ASC, due_at = 0 ASC, due_at ASC, created_at ASC, id ASC";
  } else if (key == "created_at" || key == "due_at" || key == "updated_at" || key == "id") {
    order = " ORDER BY " + key + (desc ? " DESC" : " ASC") + ", id" + (desc ? " DESC" : " ASC");
  } else {
    return Status::InvalidArgument(
        "sort", "sort must be one of created_at, due_at, updated_at, id (prefix - for descending) or priority");
  }
  if (f.page < 1) return Status::InvalidArgument("page", "page must be at least 1");
  if (f.per_page < 1 || f.per_page > 200) return Status::InvalidArgument("per_page", "per_page must be 1..200");
  const sqlite::SqlWhere where = sqlite::BuildTicketWhere(f);
  return Read([&](Connection& db) -> Result<TicketPage> {
    TicketPage page;
    HOTLINE_ASSIGN_OR_RETURN(auto count, db.Prepare("SELECT COUNT(*) FROM" + where.from + where.sql));
    where.BindTo(count);
    if (count.Step()) page.total = count.Int(0);
    HOTLINE_RETURN_IF_ERROR(count.status());
    const std::string limit = " LIMIT " + std::to_string(f.per_page) + " OFFSET " +
                              std::to_string(static_cast<std::int64_t>(f.page - 1) * f.per_page);
    // A keyword search may match many rows: sort their ids, read the documents of one page only.
    const std::string sql =
        where.from == " tickets"
            ? "SELECT id, doc FROM tickets" + where.sql + order + limit
            : "SELECT id, doc FROM tickets WHERE id IN (SELECT id FROM" + where.from + where.sql + order + limit + ")" +
                  order;
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare(sql));
    where.BindTo(q);
    while (q.Step()) {
      HOTLINE_ASSIGN_OR_RETURN(auto t, TicketFromRow(q));
      page.items.push_back(std::move(t));
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    return page;
  });
}

Result<TicketStats> SqliteStore::Stats(const TicketFilter& f) {
  const sqlite::SqlWhere where = sqlite::BuildTicketWhere(f);
  return Read([&](Connection& db) -> Result<TicketStats> {
    TicketStats stats;
    // Each grouping is one query over the same filtered set.
    auto group = [&](const std::string& key, std::map<std::string, std::int64_t>& out) -> Status {
      HOTLINE_ASSIGN_OR_RETURN(
          auto q, db.Prepare("SELECT " + key + " AS k, COUNT(*) FROM" + where.from + where.sql + " GROUP BY k"));
      where.BindTo(q);
      while (q.Step()) out[q.Text(0)] = q.Int(1);
      return q.status();
    };
    HOTLINE_RETURN_IF_ERROR(group("state", stats.by_state));
    HOTLINE_RETURN_IF_ERROR(group("channel", stats.by_channel));
    HOTLINE_RETURN_IF_ERROR(group("substr(category, 1, 2)", stats.by_category));
    HOTLINE_RETURN_IF_ERROR(group("area", stats.by_area));
    HOTLINE_RETURN_IF_ERROR(group("date(created_at + 28800, 'unixepoch')", stats.by_day));
    HOTLINE_RETURN_IF_ERROR(group("COALESCE(json_extract(doc, '$.satisfaction'), '')", stats.by_satisfaction));
    {
      HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT COUNT(*) FROM" + where.from + where.sql +
                                                  " AND state = 'closed' AND json_extract(doc, "
                                                  "'$.appeal.no_callback') = 1"));
      where.BindTo(q);
      if (q.Step()) stats.closed_without_callback = q.Int(0);
      HOTLINE_RETURN_IF_ERROR(q.status());
    }
    for (const auto& [state, n] : stats.by_state) stats.total += n;
    return stats;
  });
}

Result<std::vector<RoutingCount>> SqliteStore::RoutingCounts() {
  return Read([&](Connection& db) -> Result<std::vector<RoutingCount>> {
    std::map<std::pair<std::string, std::string>, RoutingCount> counts;
    // A dispatch names its unit in the payload; a return is made by the lead unit's staff.
    HOTLINE_ASSIGN_OR_RETURN(
        auto q, db.Prepare("SELECT CASE e.command WHEN 'dispatch' THEN json_extract(e.payload, '$.input.unit') "
                           "ELSE e.actor_unit END AS unit, substr(t.category, 1, 4) AS cat, e.command, COUNT(*) "
                           "FROM events e JOIN tickets t ON t.id = e.ticket_id "
                           "WHERE e.command IN ('dispatch', 'return') AND t.category != '' GROUP BY 1, 2, 3"));
    while (q.Step()) {
      RoutingCount& c = counts[{q.Text(0), q.Text(1)}];
      c.unit = q.Text(0);
      c.category = q.Text(1);
      (q.Text(2) == "dispatch" ? c.dispatched : c.returned) += q.Int(3);
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    std::vector<RoutingCount> out;
    for (auto& [key, c] : counts) out.push_back(std::move(c));
    return out;
  });
}

Result<std::vector<Ticket>> SqliteStore::ScanTickets(const std::vector<TicketState>& states, TicketId after_id,
                                                     int limit) {
  if (states.empty()) return Status::InvalidArgument("states", "states must name at least one state");
  if (limit < 1 || limit > 10000) return Status::InvalidArgument("limit", "limit must be 1..10000");
  std::string in;
  for (std::size_t i = 0; i < states.size(); ++i) in += (i ? ",?" : "?") + std::to_string(i + 3);
  return Read([&](Connection& db) -> Result<std::vector<Ticket>> {
    HOTLINE_ASSIGN_OR_RETURN(
        auto q, db.Prepare("SELECT id, doc FROM tickets WHERE id > ?1 AND state IN (" + in + ") ORDER BY id LIMIT ?2"));
    q.Bind(1, static_cast<std::int64_t>(after_id)).Bind(2, limit);
    for (std::size_t i = 0; i < states.size(); ++i) q.Bind(static_cast<int>(i + 3), Name(states[i]));
    std::vector<Ticket> out;
    while (q.Step()) {
      HOTLINE_ASSIGN_OR_RETURN(auto t, TicketFromRow(q));
      out.push_back(std::move(t));
    }
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Result<std::int64_t> SqliteStore::CountTickets() {
  return Read([](Connection& db) -> Result<std::int64_t> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT COUNT(*) FROM tickets"));
    if (!q.Step()) return Status::Internal("count failed");
    return q.Int(0);
  });
}

}  // namespace hotline

#include "store/sqlite/migrations.h"

namespace hotline::sqlite {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "units, taxonomy, catalog, users, sessions, tickets, events", R"sql(
CREATE TABLE units (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  kind   TEXT NOT NULL,
  parent TEXT
);
CREATE TABLE categories (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  parent TEXT,
  level  INTEGER NOT NULL
);
CREATE TABLE catalog (
  id         INTEGER PRIMARY KEY,
  category   TEXT NOT NULL,
  area       TEXT NOT NULL DEFAULT '',
  enterprise TEXT NOT NULL DEFAULT 'any',
  lead       TEXT NOT NULL,
  co_units   TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL,
  unit          TEXT NOT NULL DEFAULT '',
  display_name  TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE TABLE tickets (
  id            INTEGER PRIMARY KEY,
  state         TEXT NOT NULL,
  channel       TEXT NOT NULL,
  appeal_type   TEXT NOT NULL,
  category      TEXT NOT NULL DEFAULT '',
  area          TEXT NOT NULL DEFAULT '',
  lead_unit     TEXT NOT NULL DEFAULT '',
  enterprise    INTEGER NOT NULL DEFAULT 0,
  caller_phone  TEXT NOT NULL DEFAULT '',
  content       TEXT NOT NULL,
  address       TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  due_at        INTEGER NOT NULL DEFAULT 0,
  closed_at     INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL,
  doc           TEXT NOT NULL
);
CREATE INDEX tickets_state ON tickets(state, created_at);
CREATE INDEX tickets_created ON tickets(created_at);
CREATE INDEX tickets_phone ON tickets(caller_phone);
CREATE INDEX tickets_category ON tickets(category);
CREATE INDEX tickets_due ON tickets(due_at);
-- Every unit a ticket concerns (lead, co-handlers, units that dispatched it down):
-- the unit-scope filter of unit staff reads this.
CREATE TABLE ticket_units (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  unit      TEXT NOT NULL,
  PRIMARY KEY (unit, ticket_id)
) WITHOUT ROWID;
CREATE INDEX ticket_units_ticket ON ticket_units(ticket_id);
CREATE TABLE events (
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  seq        INTEGER NOT NULL,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_unit TEXT NOT NULL DEFAULT '',
  command    TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  payload    TEXT NOT NULL,
  PRIMARY KEY (ticket_id, seq)
) WITHOUT ROWID;
-- Events are immutable.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
)sql"},
      {2, "knowledge base entries with version history", R"sql(
CREATE TABLE kb_entries (
  id         TEXT PRIMARY KEY,
  category   TEXT NOT NULL DEFAULT '',
  unit       TEXT NOT NULL DEFAULT '',
  question   TEXT NOT NULL,
  answer     TEXT NOT NULL,
  public     INTEGER NOT NULL DEFAULT 1,
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to   TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1,
  version    INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX kb_entries_category ON kb_entries(category);
-- Every version of every entry, the current one included; never updated or deleted.
CREATE TABLE kb_versions (
  entry_id   TEXT NOT NULL,
  version    INTEGER NOT NULL,
  category   TEXT NOT NULL,
  unit       TEXT NOT NULL,
  question   TEXT NOT NULL,
  answer     TEXT NOT NULL,
  public     INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT NOT NULL,
  active     INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (entry_id, version)
) WITHOUT ROWID;
CREATE TRIGGER kb_versions_no_update BEFORE UPDATE ON kb_versions BEGIN SELECT RAISE(ABORT, 'history is immutable'); END;
CREATE TRIGGER kb_versions_no_delete BEFORE DELETE ON kb_versions BEGIN SELECT RAISE(ABORT, 'history is immutable'); END;
)sql"},
      {3, "ticket attachments", R"sql(
-- Files attached to tickets; each has an "attach" event written in the same transaction.
CREATE TABLE attachments (
  id           TEXT PRIMARY KEY,
  ticket_id    INTEGER NOT NULL REFERENCES tickets(id),
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  INTEGER NOT NULL,
  data         BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX attachments_ticket ON attachments(ticket_id, uploaded_at);
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments BEGIN SELECT RAISE(ABORT, 'attachments are immutable'); END;
)sql"},
      {4, "audit trail of administrative changes", R"sql(
CREATE TABLE admin_audit (
  seq     INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE TRIGGER admin_audit_no_update BEFORE UPDATE ON admin_audit BEGIN SELECT RAISE(ABORT, 'the audit trail is immutable'); END;
CREATE TRIGGER admin_audit_no_delete BEFORE DELETE ON admin_audit BEGIN SELECT RAISE(ABORT, 'the audit trail is immutable'); END;
)sql"},
      {5, "session activity: creation and last use, for idle and absolute expiry", R"sql(
ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = unixepoch(), created_at = unixepoch();
CREATE INDEX sessions_by_user ON sessions(username);
)sql"},
      {6, "record of unmasked views of callers' personal data", R"sql(
CREATE TABLE pii_access (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  role      TEXT NOT NULL,
  ticket_id INTEGER NOT NULL,
  endpoint  TEXT NOT NULL,
  screen    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pii_access_by_ticket ON pii_access(ticket_id, seq);
CREATE INDEX pii_access_by_actor ON pii_access(actor, seq);
CREATE TRIGGER pii_access_no_update BEFORE UPDATE ON pii_access BEGIN SELECT RAISE(ABORT, 'the access record is immutable'); END;
CREATE TRIGGER pii_access_no_delete BEFORE DELETE ON pii_access BEGIN SELECT RAISE(ABORT, 'the access record is immutable'); END;
)sql"},
      {7, "retention: an intake event's personal data may be redacted, by the anonymiser only", R"sql(
-- The gate is opened and closed inside the anonymiser's own transaction, so no
-- other writer ever sees it open; only the payload of an event may change.
CREATE TABLE redaction_gate (open INTEGER NOT NULL);
INSERT INTO redaction_gate VALUES (0);
DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN (SELECT open FROM redaction_gate) = 0 OR NEW.ticket_id IS NOT OLD.ticket_id OR NEW.seq IS NOT OLD.seq
  OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.actor_role IS NOT OLD.actor_role
  OR NEW.actor_unit IS NOT OLD.actor_unit OR NEW.command IS NOT OLD.command OR NEW.from_state IS NOT OLD.from_state
  OR NEW.to_state IS NOT OLD.to_state
BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
)sql"},
      {8, "ticket full-text search: a bigram FTS5 index over content, address and reply, kept by triggers",
       R"sql(
-- The reply is in the ticket's document; a virtual column exposes it to the index.
ALTER TABLE tickets ADD COLUMN reply_content TEXT GENERATED ALWAYS AS
  (COALESCE(json_extract(doc, '$.reply_content'), '')) VIRTUAL;
-- External content: the index holds only the tokens, the text stays in tickets.
-- Tokenizer hotline_bigram: see store/sqlite/search_text.h (registered on every connection).
CREATE VIRTUAL TABLE ticket_search USING fts5(
  content, address, reply_content,
  content='tickets', content_rowid='id', tokenize='hotline_bigram', columnsize=0);
INSERT INTO ticket_search(ticket_search) VALUES ('rebuild');
CREATE TRIGGER ticket_search_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO ticket_search (rowid, content, address, reply_content)
  VALUES (new.id, new.content, new.address, new.reply_content);
END;
CREATE TRIGGER ticket_search_delete AFTER DELETE ON tickets BEGIN
  INSERT INTO ticket_search (ticket_search, rowid, content, address, reply_content)
  VALUES ('delete', old.id, old.content, old.address, old.reply_content);
END;
CREATE TRIGGER ticket_search_update AFTER UPDATE OF content, address, doc ON tickets
WHEN old.content IS NOT new.content OR old.address IS NOT new.address OR old.reply_content IS NOT new.reply_content
BEGIN
  INSERT INTO ticket_search (ticket_search, rowid, content, address, reply_content)
  VALUES ('delete', old.id, old.content, old.address, old.reply_content);
  INSERT INTO ticket_search (rowid, content, address, reply_content)
  VALUES (new.id, new.content, new.address, new.reply_content);
END;
)sql"},
      {9, "四优先: each ticket's queue rank and priority, exposed from its document for ordering and filters",
       R"sql(
-- 0: a company appeal; 1: supervised or escalated; 2: the rest (issue 10, store.h TicketFilter::sort).
ALTER TABLE tickets ADD COLUMN queue_rank INTEGER GENERATED ALWAYS AS
  (CASE WHEN enterprise = 1 THEN 0
        WHEN COALESCE(json_extract(doc, '$.supervision_level'), 0) > 0
          OR COALESCE(json_extract(doc, '$.escalation_level'), 0) > 0 THEN 1
        ELSE 2 END) VIRTUAL;
ALTER TABLE tickets ADD COLUMN priority INTEGER GENERATED ALWAYS AS
  (COALESCE(json_extract(doc, '$.priority'), 0)) VIRTUAL;
CREATE INDEX tickets_queue ON tickets(state, queue_rank, due_at);
)sql"},
      {10, "clearing ledger: the callbacks that found a citizen unsatisfied or a problem unresolved, by time", R"sql(
CREATE INDEX events_unsatisfied ON events(at) WHERE to_state = 'unsatisfied';
)sql"},
      {11, "time limits and holiday calendar years edited by the admin (issue 10); the files stay the seed",
       R"sql(
CREATE TABLE time_limit_rules (
  pos         INTEGER PRIMARY KEY,
  rule        TEXT NOT NULL,
  appeal_type TEXT NOT NULL,
  category    TEXT NOT NULL,
  urgency     TEXT NOT NULL,
  channel     TEXT NOT NULL,
  enterprise  TEXT NOT NULL,
  sign        TEXT NOT NULL,
  contact     TEXT NOT NULL,
  reply       TEXT NOT NULL,
  handle      TEXT NOT NULL,
  callback    TEXT NOT NULL,
  note        TEXT NOT NULL
);
CREATE TABLE working_periods (
  pos        INTEGER PRIMARY KEY,
  start_time TEXT NOT NULL,
  end_time   TEXT NOT NULL
);
-- One row: how many times an admin saved the rules and hours (0: never, the files are in force).
CREATE TABLE time_limit_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO time_limit_version (id, version) VALUES (1, 0);
-- The days of the calendar years an admin uploaded (each replaces that year of the file).
CREATE TABLE calendar_days (
  day  TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday'))
);
CREATE INDEX calendar_days_year ON calendar_days(year);
)sql"},
  };
  return kMigrations;
}

Result<int> SchemaVersion(Connection& db) {
  HOTLINE_RETURN_IF_ERROR(db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
      "applied_at INTEGER NOT NULL DEFAULT (unixepoch()))"));
  HOTLINE_ASSIGN_OR_RETURN(auto stmt, db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  if (!stmt.Step()) return Status::Internal("cannot read schema version");
  return static_cast<int>(stmt.Int(0));
}

Result<int> Migrate(Connection& db, int target) {
  HOTLINE_ASSIGN_OR_RETURN(auto current, SchemaVersion(db));
  int version = current;
  for (const Migration& m : Migrations()) {
    if (m.version <= version) continue;
    if (target >= 0 && m.version > target) break;
    Transaction tx(db);
    HOTLINE_RETURN_IF_ERROR(tx.Begin());
    HOTLINE_RETURN_IF_ERROR(db.Exec(m.sql));
    HOTLINE_ASSIGN_OR_RETURN(auto rec,
                             db.Prepare("INSERT INTO schema_migrations (version, description) VALUES (?1, ?2)"));
    HOTLINE_RETURN_IF_ERROR(rec.Bind(1, m.version).Bind(2, m.description).Run());
    HOTLINE_RETURN_IF_ERROR(tx.Commit());
    version = m.version;
  }
  return version;
}

}  // namespace hotline::sqlite

// PgStore: the knowledge base (kb_entries, kb_versions). Writes to the KB are
// serialised by a transaction advisory lock, so numbering a new entry and the
// version check cannot race between servers.
#include <cstdio>

#include "store/postgres/pg_store.h"

namespace hotline {

using pg::Connection;
using pg::Params;
using pg::PgResult;

namespace {

constexpr std::int64_t kKbLock = 0x686f746c696e6b62;  // "hotlinkb"

constexpr const char* kColumns =
    "id, category, unit, question, answer, public, valid_from, valid_to, active, version, updated_at, updated_by";

KbEntry EntryFromRow(const PgResult& r, int i) {
  KbEntry e;
  e.id = r.Text(i, 0);
  e.category = r.Text(i, 1);
  e.unit = r.Text(i, 2);
  e.question = r.Text(i, 3);
  e.answer = r.Text(i, 4);
  e.is_public = r.Bool(i, 5);
  e.valid_from = r.Text(i, 6);
  e.valid_to = r.Text(i, 7);
  e.active = r.Bool(i, 8);
  e.version = static_cast<int>(r.Int(i, 9));
  e.updated_at = r.Int(i, 10);
  e.updated_by = r.Text(i, 11);
  return e;
}

Params EntryParams(const KbEntry& e) {
  Params p;
  p.Add(e.id)
      .Add(e.category)
      .Add(e.unit)
      .Add(e.question)
      .Add(e.answer)
      .Add(e.is_public)
      .Add(e.valid_from)
      .Add(e.valid_to)
      .Add(e.active)
      .Add(e.version)
      .Add(e.updated_at)
      .Add(e.updated_by);
  return p;
}

// The next free "KB-nnnn" id.
Result<std::string> NextId(Connection& db) {
  HOTLINE_ASSIGN_OR_RETURN(
      auto r, db.Exec("SELECT COALESCE(MAX(CAST(substr(id, 4) AS BIGINT)), 0) FROM kb_entries WHERE id ~ '^KB-[0-9]{1,18}$'"));
  char buf[32];
  std::snprintf(buf, sizeof buf, "KB-%04lld", static_cast<long long>(r.Int(0, 0) + 1));
  return std::string(buf);
}

}  // namespace

Result<KbEntry> PgStore::PutKbEntry(const KbEntry& entry, int expected_version) {
  KbEntry stored = entry;
  Status s = Write([&](Connection& db) -> Status {
    stored = entry;
    Params lock;
    lock.Add(kKbLock);
    HOTLINE_RETURN_IF_ERROR(db.Exec("SELECT pg_advisory_xact_lock($1)", lock).status());
    int current = 0;
    if (stored.id.empty()) {
      if (expected_version != 0) return Status::InvalidArgument("version", "a new entry has no version");
      HOTLINE_ASSIGN_OR_RETURN(auto id, NextId(db));
      stored.id = id;
    } else {
      Params p;
      p.Add(stored.id);
      HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec("SELECT version FROM kb_entries WHERE id = $1", p));
      if (r.rows() > 0) current = static_cast<int>(r.Int(0, 0));
    }
    if (current != expected_version) {
      return current == 0 ? Status::NotFound("no knowledge-base entry " + stored.id)
                          : Status::Conflict("entry " + stored.id + " is at version " + std::to_string(current) +
                                             ", not " + std::to_string(expected_version) + ": reload and edit again");
    }
    stored.version = current + 1;
    const Params p = EntryParams(stored);
    HOTLINE_RETURN_IF_ERROR(
        db.Exec("INSERT INTO kb_entries (id, category, unit, question, answer, public, valid_from, valid_to, active, "
                "version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                "ON CONFLICT (id) DO UPDATE SET category = excluded.category, unit = excluded.unit, "
                "question = excluded.question, answer = excluded.answer, public = excluded.public, "
                "valid_from = excluded.valid_from, valid_to = excluded.valid_to, active = excluded.active, "
                "version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                p)
            .status());
    HOTLINE_RETURN_IF_ERROR(db.Exec("INSERT INTO kb_versions (entry_id, category, unit, question, answer, public, "
                                    "valid_from, valid_to, active, version, changed_at, changed_by) "
                                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                                    p)
                                .status());
    return Notify(db, StoreChange::Kind::kKbEntry, 0, stored.id);
  });
  if (!s.ok()) return s;
  return stored;
}

Result<KbEntry> PgStore::GetKbEntry(const std::string& id) {
  return Read([&](Connection& db) -> Result<KbEntry> {
    Params p;
    p.Add(id);
    HOTLINE_ASSIGN_OR_RETURN(auto r, db.Exec(std::string("SELECT ") + kColumns + " FROM kb_entries WHERE id = $1", p));
    if (r.rows() == 0) return Status::NotFound("no knowledge-base entry " + id);
    return EntryFromRow(r, 0);
  });
}

Result<std::vector<KbEntry>> PgStore::ListKbEntries() {
  return Read([&](Connection& db) -> Result<std::vector<KbEntry>> {
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec(std::string("SELECT ") + kColumns + " FROM kb_entries ORDER BY id COLLATE \"C\""));
    std::vector<KbEntry> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(EntryFromRow(r, i));
    return out;
  });
}

Result<std::vector<KbEntry>> PgStore::KbVersions(const std::string& id) {
  return Read([&](Connection& db) -> Result<std::vector<KbEntry>> {
    Params p;
    p.Add(id);
    HOTLINE_ASSIGN_OR_RETURN(
        auto r, db.Exec("SELECT entry_id, category, unit, question, answer, public, valid_from, valid_to, active, "
                        "version, changed_at, changed_by FROM kb_versions WHERE entry_id = $1 ORDER BY version",
                        p));
    std::vector<KbEntry> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(EntryFromRow(r, i));
    if (out.empty()) return Status::NotFound("no knowledge-base entry " + id);
    return out;
  });
}

}  // namespace hotline

// SqliteStore: the knowledge base (kb_entries, kb_versions).
#include <cstdio>

#include "store/sqlite/sqlite_store.h"

namespace hotline {

using sqlite::Connection;
using sqlite::Statement;

namespace {

constexpr const char* kColumns =
    "id, category, unit, question, answer, public, valid_from, valid_to, active, version, updated_at, updated_by";

KbEntry EntryFromRow(const Statement& q) {
  KbEntry e;
  e.id = q.Text(0);
  e.category = q.Text(1);
  e.unit = q.Text(2);
  e.question = q.Text(3);
  e.answer = q.Text(4);
  e.is_public = q.Int(5) != 0;
  e.valid_from = q.Text(6);
  e.valid_to = q.Text(7);
  e.active = q.Int(8) != 0;
  e.version = static_cast<int>(q.Int(9));
  e.updated_at = q.Int(10);
  e.updated_by = q.Text(11);
  return e;
}

Statement& BindEntry(Statement& s, const KbEntry& e) {
  return s.Bind(1, e.id)
      .Bind(2, e.category)
      .Bind(3, e.unit)
      .Bind(4, e.question)
      .Bind(5, e.answer)
      .Bind(6, e.is_public ? 1 : 0)
      .Bind(7, e.valid_from)
      .Bind(8, e.valid_to)
      .Bind(9, e.active ? 1 : 0)
      .Bind(10, e.version)
      .Bind(11, e.updated_at)
      .Bind(12, e.updated_by);
}

// The next free "KB-nnnn" id.
Result<std::string> NextId(Connection& db) {
  HOTLINE_ASSIGN_OR_RETURN(
      auto q,
      db.Prepare("SELECT COALESCE(MAX(CAST(substr(id, 4) AS INTEGER)), 0) FROM kb_entries WHERE id GLOB 'KB-[0-9]*'"));
  if (!q.Step()) return Status::Internal("cannot number a new knowledge-base entry");
  char buf[32];
  std::snprintf(buf, sizeof buf, "KB-%04lld", static_cast<long long>(q.Int(0) + 1));
  return std::string(buf);
}

}  // namespace

Result<KbEntry> SqliteStore::PutKbEntry(const KbEntry& entry, int expected_version) {
  KbEntry stored = entry;
  Status s = commit_.Write([&](Connection& db) -> Status {
    stored = entry;
    int current = 0;
    if (stored.id.empty()) {
      if (expected_version != 0) return Status::InvalidArgument("version", "a new entry has no version");
      HOTLINE_ASSIGN_OR_RETURN(auto id, NextId(db));
      stored.id = id;
    } else {
      HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT version FROM kb_entries WHERE id = ?1"));
      q.Bind(1, stored.id);
      if (q.Step()) current = static_cast<int>(q.Int(0));
      HOTLINE_RETURN_IF_ERROR(q.status());
    }
    if (current != expected_version) {
      return current == 0 ? Status::NotFound("no knowledge-base entry " + stored.id)
                          : Status::Conflict("entry " + stored.id + " is at version " + std::to_string(current) +
                                             ", not " + std::to_string(expected_version) + ": reload and edit again");
    }
    stored.version = current + 1;
    HOTLINE_ASSIGN_OR_RETURN(
        auto upsert,
        db.Prepare(
            "INSERT INTO kb_entries (id, category, unit, question, answer, public, valid_from, valid_to, active, "
            "version, updated_at, updated_by) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12) "
            "ON CONFLICT(id) DO UPDATE SET category=excluded.category, unit=excluded.unit, "
            "question=excluded.question, answer=excluded.answer, public=excluded.public, "
            "valid_from=excluded.valid_from, valid_to=excluded.valid_to, active=excluded.active, "
            "version=excluded.version, updated_at=excluded.updated_at, updated_by=excluded.updated_by"));
    HOTLINE_RETURN_IF_ERROR(BindEntry(upsert, stored).Run());
    HOTLINE_ASSIGN_OR_RETURN(
        auto history, db.Prepare("INSERT INTO kb_versions (entry_id, category, unit, question, answer, public, "
                                 "valid_from, valid_to, active, version, changed_at, changed_by) "
                                 "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"));
    return BindEntry(history, stored).Run();
  });
  if (!s.ok()) return s;
  Announce(StoreChange::Kind::kKbEntry, 0, stored.id);
  return stored;
}

Result<KbEntry> SqliteStore::GetKbEntry(const std::string& id) {
  return Read([&](Connection& db) -> Result<KbEntry> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare(std::string("SELECT ") + kColumns + " FROM kb_entries WHERE id = ?1"));
    q.Bind(1, id);
    if (!q.Step()) {
      HOTLINE_RETURN_IF_ERROR(q.status());
      return Status::NotFound("no knowledge-base entry " + id);
    }
    return EntryFromRow(q);
  });
}

Result<std::vector<KbEntry>> SqliteStore::ListKbEntries() {
  return Read([&](Connection& db) -> Result<std::vector<KbEntry>> {
    HOTLINE_ASSIGN_OR_RETURN(auto q, db.Prepare(std::string("SELECT ") + kColumns + " FROM kb_entries ORDER BY id"));
    std::vector<KbEntry> out;
    while (q.Step()) out.push_back(EntryFromRow(q));
    HOTLINE_RETURN_IF_ERROR(q.status());
    return out;
  });
}

Result<std::vector<KbEntry>> SqliteStore::KbVersions(const std::string& id) {
  return Read([&](Connection& db) -> Result<std::vector<KbEntry>> {
    HOTLINE_ASSIGN_OR_RETURN(
        auto q,
        db.Prepare("SELECT entry_id, category, unit, question, answer, public, valid_from, valid_to, active, version, "
                   "changed_at, changed_by FROM kb_versions WHERE entry_id = ?1 ORDER BY version"));
    q.Bind(1, id);
    std::vector<KbEntry> out;
    while (q.Step()) out.push_back(EntryFromRow(q));
    HOTLINE_RETURN_IF_ERROR(q.status());
    if (out.empty()) return Status::NotFound("no knowledge-base entry " + id);
    return out;
  });
}

}  // namespace hotline

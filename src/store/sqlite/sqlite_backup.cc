#include "store/sqlite/sqlite_backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "store/sqlite/migrations.h"

namespace hotline::sqlite {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

Result<Db> OpenRaw(const std::string& path, int flags, const char* field) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK)
    return Status::InvalidArgument(field, "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(raw, 10000);
  return db;
}

// Copies all of `from` into `to` in one step (one consistent snapshot).
Status CopyAll(sqlite3* from, sqlite3* to, BackupReport& report) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) return Status::Internal(std::string("backup cannot start: ") + sqlite3_errmsg(to));
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 100; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(100);
  }
  report.pages = sqlite3_backup_pagecount(b);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return Status::Unavailable(std::string("backup failed: ") + sqlite3_errstr(rc));
  return Status::Ok();
}

Result<int> CheckDatabase(sqlite3* db, const std::string& path) {
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr) != SQLITE_OK)
    return Status::InvalidArgument("backup", path + " is not a SQLite database");
  std::string verdict = sqlite3_step(q) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(q, 0)) : "";
  sqlite3_finalize(q);
  if (verdict != "ok") return Status::InvalidArgument("backup", path + " fails the integrity check: " + verdict);
  if (sqlite3_prepare_v2(db, "SELECT MAX(version) FROM schema_migrations", -1, &q, nullptr) != SQLITE_OK)
    return Status::InvalidArgument("backup", path + " is not a hotline database (no schema_migrations)");
  const int version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
  sqlite3_finalize(q);
  return version;
}

long long FileSize(const std::string& path) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<long long>(n);
}

}  // namespace

Result<BackupReport> BackupSqlite(const std::string& db_path, const std::string& out_path) {
  if (!std::filesystem::exists(db_path)) return Status::InvalidArgument("db", "no database at " + db_path);
  HOTLINE_ASSIGN_OR_RETURN(auto source, OpenRaw(db_path, SQLITE_OPEN_READONLY, "db"));
  const std::string partial = out_path + ".partial";
  std::filesystem::remove(partial);
  BackupReport report;
  {
    HOTLINE_ASSIGN_OR_RETURN(auto target, OpenRaw(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "out"));
    HOTLINE_RETURN_IF_ERROR(CopyAll(source.get(), target.get(), report));
    // The copy keeps the source's WAL mode; a backup file stands alone.
    sqlite3_exec(target.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    HOTLINE_ASSIGN_OR_RETURN(report.schema_version, CheckDatabase(target.get(), partial));
  }
  std::error_code ec;
  std::filesystem::rename(partial, out_path, ec);
  if (ec) return Status::Internal("cannot move the backup into place: " + ec.message());
  report.bytes = FileSize(out_path);
  return report;
}

Result<BackupReport> RestoreSqlite(const std::string& backup_path, const std::string& db_path, bool overwrite) {
  if (!std::filesystem::exists(backup_path)) return Status::InvalidArgument("from", "no backup at " + backup_path);
  if (std::filesystem::exists(db_path) && !overwrite)
    return Status::AlreadyExists(db_path + " exists; restore over it only with --force");
  HOTLINE_ASSIGN_OR_RETURN(auto source, OpenRaw(backup_path, SQLITE_OPEN_READONLY, "from"));
  BackupReport report;
  HOTLINE_ASSIGN_OR_RETURN(auto version, CheckDatabase(source.get(), backup_path));
  const int newest = Migrations().empty() ? 0 : Migrations().back().version;
  if (version > newest)
    return Status::InvalidArgument("from", "the backup has schema version " + std::to_string(version) +
                                               ", newer than this build's " + std::to_string(newest));
  report.schema_version = version;
  HOTLINE_ASSIGN_OR_RETURN(auto target, OpenRaw(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "db"));
  HOTLINE_RETURN_IF_ERROR(CopyAll(source.get(), target.get(), report));
  sqlite3_exec(target.get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  report.bytes = FileSize(db_path);
  return report;
}

}  // namespace hotline::sqlite

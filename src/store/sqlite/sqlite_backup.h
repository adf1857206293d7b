// Online backup and restore of a SQLite hotline database.
//  - BackupSqlite copies a consistent snapshot of `db_path` to `out_path` while
//    other processes keep writing: SQLite's online backup API in one step, which
//    under WAL holds a read snapshot and never blocks writers. The copy is
//    written beside `out_path`, checked (PRAGMA integrity_check) and then
//    renamed into place, so `out_path` is either the old file or a whole backup.
//  - RestoreSqlite checks a backup (integrity, a hotline schema no newer than
//    this build's) and copies it over `db_path` with the same API. It refuses to
//    overwrite an existing database unless `overwrite` is set. No server may be
//    using `db_path` while it runs.
#pragma once

#include <string>

#include "domain/status.h"

namespace hotline::sqlite {

struct BackupReport {
  long long pages = 0;
  long long bytes = 0;
  int schema_version = 0;
};

Result<BackupReport> BackupSqlite(const std::string& db_path, const std::string& out_path);
Result<BackupReport> RestoreSqlite(const std::string& backup_path, const std::string& db_path, bool overwrite);

}  // namespace hotline::sqlite

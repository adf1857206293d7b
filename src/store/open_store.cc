#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"
#include "store/store_url.h"

namespace hotline {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (IsPostgresUrl(url)) {
    HOTLINE_ASSIGN_OR_RETURN(auto store, PgStore::Open(url));
    return std::unique_ptr<Store>(std::move(store));
  }
  std::string path = url;
  if (url.rfind("sqlite:", 0) == 0) path = url.substr(7);
  if (path.empty()) return Status::InvalidArgument("db", "empty database path");
  HOTLINE_ASSIGN_OR_RETURN(auto store, SqliteStore::Open(path));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace hotline

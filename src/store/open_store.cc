#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace hotline {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  std::string path = url;
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return Status::Unavailable("the PostgreSQL backend is not built yet; use sqlite:PATH");
  if (url.rfind("sqlite:", 0) == 0) path = url.substr(7);
  if (path.empty()) return Status::InvalidArgument("db", "empty database path");
  HOTLINE_ASSIGN_OR_RETURN(auto store, SqliteStore::Open(path));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace hotline

#include "store/postgres/pg_scratch_db.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

#include "store/postgres/pg_connection.h"

namespace hotline::pg {
namespace {

// `url` with its database name replaced by `db` (query parameters kept).
std::string WithDatabase(const std::string& url, const std::string& db) {
  const std::size_t scheme = url.find("://");
  const std::size_t start = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
  const std::size_t query = url.find('?');
  const std::string head = url.substr(0, start == std::string::npos ? std::min(query, url.size()) : start);
  const std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + db + tail;
}

}  // namespace

std::optional<std::string> TestServerUrl() {
  const char* v = std::getenv("HOTLINE_TEST_PG");
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

bool TestsUsePostgres() {
  const char* v = std::getenv("HOTLINE_TEST_DB");
  return v && std::string(v) == "postgres";
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::Create(const std::string& server_url) {
  static std::atomic<int> counter{0};
  const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count() % 1000000;
  const std::string name = "hotline_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
                           std::to_string(ticks);
  HOTLINE_ASSIGN_OR_RETURN(auto options, ParseUrl(server_url));
  HOTLINE_ASSIGN_OR_RETURN(auto admin, Connection::Open(options.conninfo));
  HOTLINE_RETURN_IF_ERROR(admin->Run("CREATE DATABASE " + QuoteIdentifier(name)));
  return std::unique_ptr<ScratchDatabase>(
      new ScratchDatabase(options.conninfo, name, WithDatabase(server_url, name)));
}

ScratchDatabase::~ScratchDatabase() {
  auto admin = Connection::Open(admin_url_);
  if (admin.ok()) (void)(*admin)->Run("DROP DATABASE IF EXISTS " + QuoteIdentifier(name_) + " WITH (FORCE)");
}

}  // namespace hotline::pg

// Store URLs: which backend a --db value names, and how to print one in logs
// without its password. Pure functions, no I/O.
#pragma once

#include <string>

namespace hotline {

// True for "postgresql://…" and "postgres://…".
bool IsPostgresUrl(const std::string& url);

// `url` with any password replaced by "***" ("postgresql://u:***@host/db"),
// and a "password=" query or keyword parameter masked the same way. Other URLs
// are returned as they are.
std::string RedactStoreUrl(const std::string& url);

}  // namespace hotline

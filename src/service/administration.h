// Administration (admin role only): accounts and the city's reference data.
// Passwords, when given, are checked against the policy and hashed here, never
// returned. Reference data is replaced whole, validated first (a unit tree
// without cycles, a taxonomy with consistent levels, a catalog whose codes
// exist, nothing the catalog still uses removed), audited, then reloaded.
#pragma once

#include <string>
#include <vector>

#include "service/accounts.h"
#include "service/core.h"

namespace hotline::service {

class Administration {
 public:
  Administration(ServiceCore& core, Accounts& accounts) : core_(core), store_(core.store()), accounts_(accounts) {}

  // Accounts, without their password hashes.
  Result<std::vector<User>> ListUsers(const Actor& actor);
  // Creates (`is_new`) or updates an account and returns it as stored. A reset
  // password or a disabled account ends every session of the user.
  Result<User> SaveUser(User user, const std::string& password, bool is_new, const Actor& actor);
  // Deletes an account (never one's own); its sessions end, its past events keep its name.
  Status DeleteUser(const std::string& username, const Actor& actor);
  Status ReplaceUnits(std::vector<Unit> units, const Actor& actor);
  Status ReplaceCategories(std::vector<Category> categories, const Actor& actor);
  // The dispatch catalog (staff only).
  Result<std::vector<CatalogRule>> Catalog(const Actor& actor);
  Status ReplaceCatalog(std::vector<CatalogRule> rules, const Actor& actor);
  // The audit trail of these changes, newest first.
  Result<std::vector<AuditRecord>> Audit(int limit, int offset, const Actor& actor);

 private:
  ServiceCore& core_;
  Store& store_;
  Accounts& accounts_;
};

}  // namespace hotline::service

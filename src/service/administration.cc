#include "service/administration.h"

#include <cctype>

#include "domain/limits.h"
#include "domain/password_policy.h"
#include "service/audit_summary.h"
#include "service/credentials.h"
#include "service/refusals.h"

namespace hotline::service {


Result<std::vector<User>> Administration::ListUsers(const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kUserAdmin));
  HOTLINE_ASSIGN_OR_RETURN(auto users, store_.ListUsers());
  for (User& u : users) u.password_hash.clear();
  return users;
}

Result<User> Administration::SaveUser(User user, const std::string& password, bool is_new, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kUserAdmin));
  if (user.username.empty() || user.username.size() > kMaxUsernameLength)
    return Status::InvalidArgument("username", "username must be 1..64 characters")
        .WithReason(user.username.empty() ? Reasons::kRequired : Reasons::kTooLong)
        .WithParam("max", kMaxUsernameLength);
  for (char c : user.username)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return Status::InvalidArgument("username", "username may use letters, digits, - _ . only")
          .WithReason(Reasons::kInvalidValue);
  if (user.role == Role::kCitizen)
    return Status::InvalidArgument("role", "citizens have no accounts").WithReason(Reasons::kInvalidValue);
  if (user.role == Role::kUnitStaff && !core_.reference()->units.Find(user.unit))
    return Status::InvalidArgument("unit", "unit staff need an existing unit")
        .WithReason(user.unit.empty() ? Reasons::kRequired : Reasons::kUnknownUnit)
        .WithParam("code", user.unit);
  // Three-level supervision: a supervisor may belong to a unit (its subtree, its
  // tier); without one it is the hotline center's.
  if (user.role == Role::kSupervisor && !user.unit.empty() && !core_.reference()->units.Find(user.unit))
    return Status::InvalidArgument("unit", "unknown unit " + user.unit)
        .WithReason(Reasons::kUnknownUnit)
        .WithParam("code", user.unit);
  if (user.role != Role::kUnitStaff && user.role != Role::kSupervisor) user.unit.clear();
  auto existing = store_.FindUser(user.username);
  if (is_new && existing.ok())
    return Status::AlreadyExists("user " + user.username + " exists").WithParam("username", user.username);
  if (!is_new && !existing.ok())
    return Status::NotFound("no user " + user.username).WithParam("username", user.username);
  if (!password.empty()) {
    HOTLINE_RETURN_IF_ERROR(CheckPasswordPolicy(password, user.username));
    HOTLINE_ASSIGN_OR_RETURN(user.password_hash, HashPassword(password));
  } else if (is_new) {
    return Status::Required("password");
  } else {
    user.password_hash = existing->password_hash;
  }
  if (user.username == actor.username && (!user.active || user.role != Role::kAdmin))
    return Status::InvalidArgument("role", "you cannot demote or disable yourself").WithReason(Reasons::kSelfChange);
  const AuditRecord audit{0, core_.Now(), actor.username, is_new ? "create_user" : "update_user",
                          SummariseUser(user, is_new, !password.empty())};
  HOTLINE_RETURN_IF_ERROR(store_.PutUser(user, &audit));
  core_.users().Invalidate();  // the display name may have changed
  // A reset password or a disabled account ends every session of the user.
  const bool end_sessions = !is_new && (!password.empty() || !user.active);
  if (end_sessions) {
    HOTLINE_RETURN_IF_ERROR(store_.DeleteUserSessions(user.username, "").status());
    accounts_.EndSessions(user.username);
  } else {
    accounts_.ForgetCachedSessions(user.username);  // the role or unit may have changed
  }
  user.password_hash.clear();
  return user;
}

Status Administration::DeleteUser(const std::string& username, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kUserAdmin));
  if (username == actor.username)
    return Status::InvalidArgument("username", "you cannot delete yourself").WithReason(Reasons::kSelfChange);
  const AuditRecord audit{0, core_.Now(), actor.username, "delete_user", username};
  HOTLINE_RETURN_IF_ERROR(store_.DeleteUser(username, &audit));
  core_.users().Invalidate();
  accounts_.EndSessions(username);
  return Status::Ok();
}

Result<std::vector<AuditRecord>> Administration::Audit(int limit, int offset, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kAuditRead));
  return store_.ListAudit(limit, offset);
}

Status Administration::ReplaceUnits(std::vector<Unit> units, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceAdmin));
  HOTLINE_ASSIGN_OR_RETURN(UnitTree tree, UnitTree::Build(units));
  for (const CatalogRule& r : core_.reference()->catalog)
    if (!tree.Find(r.lead))
      return Status::InvalidArgument("units", "unit " + r.lead + " is still used by the catalog")
          .WithReason(Reasons::kStillUsedByCatalog)
          .WithParam("code", r.lead);
  const AuditRecord audit{0, core_.Now(), actor.username, "replace_units",
                          SummariseUnits(core_.reference()->units.units(), units)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceUnits(units, &audit));
  return core_.LoadReferenceData();
}

Status Administration::ReplaceCategories(std::vector<Category> categories, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceAdmin));
  HOTLINE_ASSIGN_OR_RETURN(Taxonomy tax, Taxonomy::Build(categories));
  for (const CatalogRule& r : core_.reference()->catalog)
    if (!tax.Find(r.category))
      return Status::InvalidArgument("categories", "category " + r.category + " is still used by the catalog")
          .WithReason(Reasons::kStillUsedByCatalog)
          .WithParam("code", r.category);
  const AuditRecord audit{0, core_.Now(), actor.username, "replace_categories",
                          SummariseCategories(core_.reference()->taxonomy.categories(), categories)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceCategories(categories, &audit));
  return core_.LoadReferenceData();
}

Result<std::vector<CatalogRule>> Administration::Catalog(const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceRead));
  return core_.reference()->catalog;
}

Status Administration::ReplaceCatalog(std::vector<CatalogRule> rules, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceAdmin));
  auto ref = core_.reference();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const CatalogRule& r = rules[i];
    const std::string at = "rule " + std::to_string(i + 1) + ": ";
    const long long n = static_cast<long long>(i + 1);  // the rule's place in the list, from 1
    auto unknown_unit = [&](const char* field, const std::string& code) {
      return Status::InvalidArgument(field, at + "unknown unit " + code)
          .WithReason(Reasons::kUnknownUnit)
          .WithParam("rule", n)
          .WithParam("code", code);
    };
    if (!ref->taxonomy.Find(r.category))
      return Status::InvalidArgument("category", at + "unknown category " + r.category)
          .WithReason(Reasons::kUnknownCategory)
          .WithParam("rule", n)
          .WithParam("code", r.category);
    if (!ref->units.Find(r.lead)) return unknown_unit("lead", r.lead);
    if (!r.area.empty() && !ref->units.Find(r.area)) return unknown_unit("area", r.area);
    if (r.enterprise != "any" && r.enterprise != "yes" && r.enterprise != "no")
      return Status::InvalidArgument("enterprise", at + "enterprise must be any, yes or no")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("rule", n)
          .WithParam("value", r.enterprise);
    for (const auto& co : r.co_units)
      if (!ref->units.Find(co)) return unknown_unit("co_units", co);
  }
  const AuditRecord audit{0, core_.Now(), actor.username, "replace_catalog", SummariseCatalog(ref->catalog, rules)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceCatalog(rules, &audit));
  return core_.LoadReferenceData();
}

}  // namespace hotline::service

#include "service/user_directory.h"

namespace hotline::service {

std::string UserDirectory::DisplayName(const std::string& username) {
  auto names = Current();
  if (names) {
    auto it = names->find(username);
    if (it != names->end()) return it->second;
  }
  return username;
}

void UserDirectory::Invalidate() {
  std::lock_guard lock(mu_);
  names_.reset();
}

std::shared_ptr<const UserDirectory::Names> UserDirectory::Current() {
  const UnixSeconds now = clock_.Now();
  std::lock_guard lock(mu_);
  if (names_ && now - loaded_at_ < kRefreshSeconds && now >= loaded_at_) return names_;
  auto users = store_.ListUsers();
  if (!users.ok()) return names_;  // keep what we had (possibly nothing)
  auto fresh = std::make_shared<Names>();
  for (const User& u : *users)
    if (!u.display_name.empty()) (*fresh)[u.username] = u.display_name;
  names_ = std::move(fresh);
  loaded_at_ = now;
  return names_;
}

}  // namespace hotline::service

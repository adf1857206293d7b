// UserDirectory: who a username is, for people reading the record — the
// account's display name (e.g. "张伟" for `LC-D01-S01.1`), or the username when
// the account has none or no longer exists. A cache of the store's users (a
// city has thousands at most): loaded on first use, reloaded after Invalidate()
// (called when this process changes an account) and at most kRefreshSeconds
// after the last load (accounts changed by another process). Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/clock.h"
#include "store/store.h"

namespace hotline::service {

class UserDirectory {
 public:
  static constexpr UnixSeconds kRefreshSeconds = 60;

  UserDirectory(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The display name, or `username` itself as the fallback (also when the store
  // cannot be read: names are for display, never a reason to fail a request).
  std::string DisplayName(const std::string& username);
  // Forget the cache: the next DisplayName reads the store again.
  void Invalidate();

 private:
  using Names = std::unordered_map<std::string, std::string>;
  std::shared_ptr<const Names> Current();

  Store& store_;
  const Clock& clock_;
  std::mutex mu_;
  std::shared_ptr<const Names> names_;  // under mu_; null until loaded or after Invalidate
  UnixSeconds loaded_at_ = 0;           // under mu_
};

}  // namespace hotline::service

// Accounts: logins, sessions and one's own password. A session ends
// `max_seconds` after login or `idle_seconds` after its last request, at logout,
// when its user is disabled or deleted, and when the password changes (all
// sessions on an admin reset; the others when users change their own). Sessions
// live in the store; this process caches them briefly. Logins are throttled and
// bounded by a LoginGuard. Live streams are tied to the session they were opened
// with and close when it ends.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "service/core.h"
#include "service/live_events.h"
#include "service/login_guard.h"

namespace hotline::service {

class Accounts {
 public:
  struct SessionOptions {
    UnixSeconds max_seconds = 12 * 3600;
    UnixSeconds idle_seconds = 2 * 3600;
  };
  // Authenticated sessions are remembered this long before the store is asked
  // again (so a disabled user is locked out within this time; logout is immediate).
  static constexpr UnixSeconds kSessionCacheSeconds = 30;

  explicit Accounts(ServiceCore& core);

  void SetSessionOptions(SessionOptions options) { options_ = options; }
  const SessionOptions& session_options() const { return options_; }
  void SetLoginGuard(LoginGuard::Options options) { guard_ = std::make_unique<LoginGuard>(options); }

  struct LoginResult {
    std::string token;
    User user;  // without its password hash
  };
  // `address` is the client's address, for throttling (may be empty). The same
  // refusal for an unknown user, a disabled one and a wrong password.
  Result<LoginResult> Login(const std::string& username, const std::string& password, const std::string& address = "");
  Result<Actor> Authenticate(const std::string& token);
  Status Logout(const std::string& token);
  // The actor's own account, without its password hash.
  Result<User> Profile(const Actor& actor);
  // Users change their own password: the current one is checked, the new one must
  // follow the password policy, and every other session of theirs ends.
  Status ChangeOwnPassword(const std::string& token, const std::string& current, const std::string& next,
                           const Actor& actor, const std::string& address = "");

  // Ends the user's sessions known to this process — cached ones and live streams —
  // except the one with `keep_hash` (the store's sessions are the caller's to delete).
  void EndSessions(const std::string& username, const std::string& keep_hash = "");
  // Ends one session known to this process by its token hash — cached, and its
  // live streams (another server's logout: ClusterSync).
  void EndSession(const std::string& token_hash);
  // Forgets the user's cached sessions, so the next request reads the account anew
  // (its role or unit may have changed); every user's when `username` is empty.
  void ForgetCachedSessions(const std::string& username);
  // Ties a live stream to the session of `token`: it closes when that ends.
  void Watch(const std::shared_ptr<LiveSubscription>& stream, const Actor& actor, const std::string& token);

 private:
  struct CachedSession {
    Actor actor;
    UnixSeconds ends_at;       // the session's absolute end
    UnixSeconds last_seen_at;  // its last request
    UnixSeconds checked_at;    // when the store was last asked
  };
  struct LiveSession {
    std::string token_hash;
    std::string username;
    std::weak_ptr<LiveSubscription> subscription;
  };
  Result<Actor> AuthenticateHash(const std::string& token_hash);
  bool LiveSessionValid(const std::string& token_hash, UnixSeconds subscribed_at, UnixSeconds ends_at);
  Status SweepExpiredSessions(UnixSeconds now);

  ServiceCore& core_;
  Store& store_;
  SessionOptions options_;
  std::unique_ptr<LoginGuard> guard_ = std::make_unique<LoginGuard>();
  std::mutex mu_;
  std::unordered_map<std::string, CachedSession> sessions_;  // by token hash, under mu_
  std::vector<LiveSession> live_sessions_;                   // under mu_
  UnixSeconds last_sweep_ = 0;                               // under mu_
};

}  // namespace hotline::service

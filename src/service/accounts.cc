#include "service/accounts.h"

#include "domain/password_policy.h"
#include "service/credentials.h"
#include "service/refusals.h"

namespace hotline::service {
namespace {

// A real argon2id hash of a random password, checked for unknown usernames so
// that a login takes as long whether the account exists or not.
const std::string& DecoyHash() {
  static const std::string hash = [] {
    auto h = HashPassword(NewToken());
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

User WithoutHash(User u) {
  u.password_hash.clear();
  return u;
}

}  // namespace

Accounts::Accounts(ServiceCore& core) : core_(core), store_(core.store()) {}

Result<Accounts::LoginResult> Accounts::Login(const std::string& username, const std::string& password,
                                              const std::string& address) {
  const UnixSeconds now = core_.Now();
  HOTLINE_RETURN_IF_ERROR(guard_->Admit(username, address, now));
  HOTLINE_ASSIGN_OR_RETURN(auto slot, guard_->AcquireCheckSlot());
  auto user = store_.FindUser(username);
  if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
  const bool password_ok = VerifyPassword(user.ok() ? user->password_hash : DecoyHash(), password);
  if (!user.ok() || !user->active || !password_ok) {
    guard_->RecordFailure(username, address, now);
    return Status::Unauthenticated("wrong username or password").WithReason(Reasons::kWrongCredentials);
  }
  std::string token = NewToken();
  HOTLINE_RETURN_IF_ERROR(store_.PutSession({TokenHash(token), username, now, now, now + options_.max_seconds}));
  HOTLINE_RETURN_IF_ERROR(SweepExpiredSessions(now));
  return LoginResult{std::move(token), WithoutHash(std::move(user).value())};
}

Status Accounts::SweepExpiredSessions(UnixSeconds now) {
  {
    std::lock_guard lock(mu_);
    if (now - last_sweep_ < 600) return Status::Ok();
    last_sweep_ = now;
  }
  auto removed = store_.DeleteExpiredSessions(now, options_.idle_seconds);
  return removed.ok() ? Status::Ok() : removed.status();
}

Result<Actor> Accounts::Authenticate(const std::string& token) {
  if (token.empty()) return Status::Unauthenticated("missing bearer token").WithReason(Reasons::kNoSession);
  return AuthenticateHash(TokenHash(token));
}

Result<Actor> Accounts::AuthenticateHash(const std::string& hash) {
  const UnixSeconds now = core_.Now();
  const UnixSeconds idle = options_.idle_seconds;
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(hash);
    if (it != sessions_.end()) {
      CachedSession& c = it->second;
      if (now < c.ends_at && now - c.last_seen_at < idle && now - c.checked_at < kSessionCacheSeconds) {
        c.last_seen_at = now;
        return c.actor;
      }
      sessions_.erase(it);
    }
  }
  const Status expired = Status::Unauthenticated("invalid or expired session").WithReason(Reasons::kSessionExpired);
  auto session = store_.FindSession(hash);
  if (!session.ok()) return session.status().code() == StatusCode::kUnauthenticated ? expired : session.status();
  if (now >= session->expires_at || now - session->last_seen_at >= idle) {
    HOTLINE_RETURN_IF_ERROR(store_.DeleteSession(hash));
    return expired;
  }
  auto user = store_.FindUser(session->username);
  if (!user.ok() || !user->active)
    return Status::Unauthenticated("user is disabled").WithReason(Reasons::kAccountDisabled);
  HOTLINE_RETURN_IF_ERROR(store_.TouchSession(hash, now));
  Actor actor{user->username, user->role, user->unit};
  std::lock_guard lock(mu_);
  if (sessions_.size() > 100000) sessions_.clear();  // bound memory; entries are only a cache
  sessions_[hash] = {actor, session->expires_at, now, now};
  return actor;
}

Status Accounts::Logout(const std::string& token) {
  const std::string hash = TokenHash(token);
  EndSession(hash);
  return store_.DeleteSession(hash);
}

void Accounts::EndSession(const std::string& token_hash) {
  std::vector<std::shared_ptr<LiveSubscription>> to_close;
  {
    std::lock_guard lock(mu_);
    sessions_.erase(token_hash);
    for (LiveSession& l : live_sessions_)
      if (l.token_hash == token_hash)
        if (auto sub = l.subscription.lock()) to_close.push_back(std::move(sub));
  }
  for (auto& sub : to_close) sub->Close();
}

Result<User> Accounts::Profile(const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kOwnAccount));
  HOTLINE_ASSIGN_OR_RETURN(User user, store_.FindUser(actor.username));
  return WithoutHash(std::move(user));
}

void Accounts::EndSessions(const std::string& username, const std::string& keep_hash) {
  std::vector<std::shared_ptr<LiveSubscription>> to_close;
  {
    std::lock_guard lock(mu_);
    std::erase_if(sessions_, [&](const auto& kv) { return kv.second.actor.username == username && kv.first != keep_hash; });
    for (LiveSession& l : live_sessions_)
      if (l.username == username && l.token_hash != keep_hash)
        if (auto sub = l.subscription.lock()) to_close.push_back(std::move(sub));
  }
  for (auto& sub : to_close) sub->Close();
}

void Accounts::ForgetCachedSessions(const std::string& username) {
  std::lock_guard lock(mu_);
  std::erase_if(sessions_, [&](const auto& kv) { return username.empty() || kv.second.actor.username == username; });
}

Status Accounts::ChangeOwnPassword(const std::string& token, const std::string& current, const std::string& next,
                                   const Actor& actor, const std::string& address) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kOwnAccount));
  const UnixSeconds now = core_.Now();
  HOTLINE_RETURN_IF_ERROR(guard_->Admit(actor.username, address, now));
  HOTLINE_ASSIGN_OR_RETURN(User user, store_.FindUser(actor.username));
  {
    HOTLINE_ASSIGN_OR_RETURN(auto slot, guard_->AcquireCheckSlot());
    if (!VerifyPassword(user.password_hash, current)) {
      guard_->RecordFailure(actor.username, address, now);
      return Status::InvalidArgument("current_password", "the current password is wrong")
          .WithReason(Reasons::kWrongCredentials);
    }
  }
  HOTLINE_RETURN_IF_ERROR(CheckPasswordPolicy(next, actor.username, "new_password"));
  if (next == current)
    return Status::InvalidArgument("new_password", "the new password must differ from the current one")
        .WithReason(Reasons::kPasswordUnchanged);
  HOTLINE_ASSIGN_OR_RETURN(user.password_hash, HashPassword(next));
  const AuditRecord audit{0, now, actor.username, "change_own_password", actor.username};
  HOTLINE_RETURN_IF_ERROR(store_.PutUser(user, &audit));
  const std::string keep = TokenHash(token);
  auto ended = store_.DeleteUserSessions(actor.username, keep);
  EndSessions(actor.username, keep);
  return ended.ok() ? Status::Ok() : ended.status();
}

void Accounts::Watch(const std::shared_ptr<LiveSubscription>& stream, const Actor& actor, const std::string& token) {
  const std::string hash = TokenHash(token);
  const UnixSeconds subscribed_at = core_.Now();
  std::lock_guard lock(mu_);
  auto cached = sessions_.find(hash);
  const UnixSeconds ends_at =
      cached != sessions_.end() ? cached->second.ends_at : subscribed_at + options_.max_seconds;
  stream->SetValidity([this, hash, subscribed_at, ends_at] { return LiveSessionValid(hash, subscribed_at, ends_at); });
  std::erase_if(live_sessions_, [](const LiveSession& l) { return l.subscription.expired(); });
  live_sessions_.push_back({hash, actor.username, stream});
}

// Runs on the connection's I/O thread, so it never asks the store: logout, a
// disabled account and a changed password close the stream directly (see
// EndSessions); here the session's end and idleness are checked against what
// this process knows of its last request.
bool Accounts::LiveSessionValid(const std::string& token_hash, UnixSeconds subscribed_at, UnixSeconds ends_at) {
  const UnixSeconds now = core_.Now();
  if (now >= ends_at) return false;
  std::lock_guard lock(mu_);
  auto it = sessions_.find(token_hash);
  const UnixSeconds last_seen = it == sessions_.end() ? subscribed_at : std::max(subscribed_at, it->second.last_seen_at);
  return now - last_seen < options_.idle_seconds;
}

}  // namespace hotline::service

#include "api/hotline_service.h"

#include <cctype>

#include "api/audit_summary.h"
#include "api/credentials.h"
#include "api/refusals.h"
#include "api/views.h"
#include "domain/limits.h"
#include "domain/password_policy.h"
#include "text/normalize.h"

namespace hotline::api {

HotlineService::HotlineService(Store& store, const Clock& clock, WorkCalendar calendar, Policy policy)
    : store_(store),
      clock_(clock),
      calendar_(std::move(calendar)),
      policy_(policy),
      pii_log_(std::make_unique<PiiAccessLog>(store)) {}

void HotlineService::RecordPersonalDataViews(const Actor& actor, const std::vector<const Ticket*>& tickets,
                                             const std::string& endpoint, const std::string& screen) {
  if (!SeesPersonalData(actor.role)) return;
  std::vector<PiiAccess> records;
  const UnixSeconds now = clock_.Now();
  for (const Ticket* t : tickets)
    if (t && (!t->appeal.caller.name.empty() || !t->appeal.caller.phone.empty()))
      records.push_back({0, now, actor.username, std::string(Name(actor.role)), t->id, endpoint, screen.substr(0, 100)});
  pii_log_->Add(std::move(records));
}

Result<std::vector<PiiAccess>> HotlineService::PersonalDataAccess(PiiAccessFilter filter, const Actor& actor) {
  if (actor.role != Role::kAdmin) return Status::PermissionDenied("administrators only").WithReason(Reasons::kRoleNotAllowed);
  HOTLINE_RETURN_IF_ERROR(pii_log_->Flush());  // what was seen a moment ago is on the list
  return store_.ListPiiAccess(filter);
}

Status HotlineService::LoadReferenceData() {
  auto units = store_.LoadUnits();
  if (!units.ok()) return units.status();
  auto tree = UnitTree::Build(std::move(units).value());
  if (!tree.ok()) return tree.status();
  auto categories = store_.LoadCategories();
  if (!categories.ok()) return categories.status();
  auto taxonomy = Taxonomy::Build(std::move(categories).value());
  if (!taxonomy.ok()) return taxonomy.status();
  auto catalog = store_.LoadCatalog();
  if (!catalog.ok()) return catalog.status();
  auto kb = store_.ListKbEntries();
  if (!kb.ok()) return kb.status();
  for (const KbEntry& e : *kb) kb_index_.Upsert(e);  // withdrawn entries are left out by the index
  auto ref = std::make_shared<ReferenceData>(
      ReferenceData{std::move(tree).value(), std::move(taxonomy).value(), std::move(catalog).value(), nullptr});
  ref->assistant = std::make_unique<triage::IntakeAssistant>(ref->units, ref->taxonomy, ref->catalog,
                                                             triage_.geography, triage_.alert_rules);
  ref->assistant->SetKnowledgeIndex(&kb_index_);
  ref->assistant->SetDivisionIndex(triage_.divisions.get());
  auto history = store_.RoutingCounts();
  if (!history.ok()) return history.status();
  for (const RoutingCount& c : *history) ref->assistant->router().AddHistory(c.unit, c.category, c.dispatched, c.returned);
  std::unique_lock lock(ref_mu_);
  ref->assistant->SetClassifier(triage_.classifier);  // under the lock: SetClassifier may run concurrently
  ref_ = std::move(ref);
  return Status::Ok();
}

void HotlineService::SetClassifier(std::shared_ptr<const triage::Classifier> classifier) {
  std::unique_lock lock(ref_mu_);
  triage_.classifier = classifier;
  if (ref_) ref_->assistant->SetClassifier(std::move(classifier));
}

std::shared_ptr<const ReferenceData> HotlineService::reference() const {
  std::shared_lock lock(ref_mu_);
  return ref_;
}

Context HotlineService::MakeContext(const ReferenceData& ref) const {
  Context ctx;
  ctx.units = &ref.units;
  ctx.taxonomy = &ref.taxonomy;
  ctx.catalog = &ref.catalog;
  ctx.calendar = &calendar_;
  ctx.policy = policy_;
  ctx.now = clock_.Now();
  return ctx;
}

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

}  // namespace

Result<std::string> HotlineService::Login(const std::string& username, const std::string& password,
                                          const std::string& address) {
  const UnixSeconds now = clock_.Now();
  HOTLINE_RETURN_IF_ERROR(login_guard_->Admit(username, address, now));
  auto slot = login_guard_->AcquireCheckSlot();
  if (!slot.ok()) return slot.status();
  auto user = store_.FindUser(username);
  if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
  const bool password_ok = VerifyPassword(user.ok() ? user->password_hash : DecoyHash(), password);
  // The same answer for an unknown user, a disabled one and a wrong password.
  if (!user.ok() || !user->active || !password_ok) {
    login_guard_->RecordFailure(username, address, now);
    return Status::Unauthenticated("wrong username or password").WithReason(Reasons::kWrongCredentials);
  }
  std::string token = NewToken();
  HOTLINE_RETURN_IF_ERROR(
      store_.PutSession({TokenHash(token), username, now, now, now + session_options_.max_seconds}));
  HOTLINE_RETURN_IF_ERROR(SweepExpiredSessions(now));
  return token;
}

Status HotlineService::SweepExpiredSessions(UnixSeconds now) {
  {
    std::lock_guard lock(sessions_mu_);
    if (now - last_session_sweep_ < 600) return Status::Ok();
    last_session_sweep_ = now;
  }
  auto removed = store_.DeleteExpiredSessions(now, session_options_.idle_seconds);
  return removed.ok() ? Status::Ok() : removed.status();
}

Result<Actor> HotlineService::Authenticate(const std::string& token) {
  if (token.empty()) return Status::Unauthenticated("missing bearer token").WithReason(Reasons::kNoSession);
  return AuthenticateHash(TokenHash(token));
}

Result<Actor> HotlineService::AuthenticateHash(const std::string& hash) {
  const UnixSeconds now = clock_.Now();
  const UnixSeconds idle = session_options_.idle_seconds;
  {
    std::lock_guard lock(sessions_mu_);
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
  std::lock_guard lock(sessions_mu_);
  if (sessions_.size() > 100000) sessions_.clear();  // bound memory; entries are only a cache
  sessions_[hash] = {actor, session->expires_at, now, now};
  return actor;
}

Status HotlineService::Logout(const std::string& token) {
  const std::string hash = TokenHash(token);
  {
    std::lock_guard lock(sessions_mu_);
    sessions_.erase(hash);
    for (LiveSession& l : live_sessions_)
      if (l.token_hash == hash)
        if (auto sub = l.subscription.lock()) sub->Close();
  }
  return store_.DeleteSession(hash);
}

void HotlineService::EndCachedSessions(const std::string& username, const std::string& keep_hash) {
  std::vector<std::shared_ptr<LiveSubscription>> to_close;
  {
    std::lock_guard lock(sessions_mu_);
    std::erase_if(sessions_, [&](const auto& kv) { return kv.second.actor.username == username && kv.first != keep_hash; });
    for (LiveSession& l : live_sessions_)
      if (l.username == username && l.token_hash != keep_hash)
        if (auto sub = l.subscription.lock()) to_close.push_back(std::move(sub));
  }
  for (auto& sub : to_close) sub->Close();
}

Status HotlineService::ChangeOwnPassword(const std::string& token, const std::string& current,
                                         const std::string& next, const Actor& actor, const std::string& address) {
  const UnixSeconds now = clock_.Now();
  HOTLINE_RETURN_IF_ERROR(login_guard_->Admit(actor.username, address, now));
  auto user = store_.FindUser(actor.username);
  if (!user.ok()) return user.status();
  {
    auto slot = login_guard_->AcquireCheckSlot();
    if (!slot.ok()) return slot.status();
    if (!VerifyPassword(user->password_hash, current)) {
      login_guard_->RecordFailure(actor.username, address, now);
      return Status::InvalidArgument("current_password", "the current password is wrong")
          .WithReason(Reasons::kWrongCredentials);
    }
  }
  HOTLINE_RETURN_IF_ERROR(CheckPasswordPolicy(next, actor.username, "new_password"));
  if (next == current)
    return Status::InvalidArgument("new_password", "the new password must differ from the current one")
        .WithReason(Reasons::kPasswordUnchanged);
  auto hash = HashPassword(next);
  if (!hash.ok()) return hash.status();
  user->password_hash = *hash;
  const AuditRecord audit{0, now, actor.username, "change_own_password", actor.username};
  HOTLINE_RETURN_IF_ERROR(store_.PutUser(*user, &audit));
  const std::string keep = TokenHash(token);
  auto ended = store_.DeleteUserSessions(actor.username, keep);
  EndCachedSessions(actor.username, keep);
  return ended.ok() ? Status::Ok() : ended.status();
}

Result<Ticket> HotlineService::Intake(Appeal appeal, const Actor& actor) {
  auto ref = reference();
  if (appeal.query_code.empty()) appeal.query_code = RandomDigits(6);
  if (appeal.area.empty()) {  // where it is, from the point the portal sent or the address
    std::optional<triage::Location> loc;
    if (appeal.location) loc = ref->assistant->locator().FromPoint(appeal.location->lat, appeal.location->lon);
    if (!loc && !appeal.address.empty()) loc = ref->assistant->locator().FromAddress(text::NormalizeText(appeal.address));
    if (loc) appeal.area = loc->area;
  }
  auto tr = hotline::Intake(appeal, actor, MakeContext(*ref));
  if (!tr.ok()) return tr.status();
  auto created = store_.CreateTicket(*tr);
  if (created.ok()) PublishTicket(*created, "intake");
  return created;
}

Result<Ticket> HotlineService::Command(TicketId id, const std::string& command, const CommandInput& input,
                                       const Actor& actor) {
  auto ref = reference();
  if (command == "attach") {  // only with the file: Attach()
    HOTLINE_RETURN_IF_ERROR(AuthorizeCommand(id, command, actor));  // authority before input
    return Status::InvalidArgument("command", "attach files with POST /api/v1/tickets/{id}/attachments")
        .WithReason(Reasons::kInvalidValue);
  }
  if (command == "anonymise") {  // with the intake event's redaction: app::AnonymiseClosedTickets()
    HOTLINE_RETURN_IF_ERROR(AuthorizeCommand(id, command, actor));  // authority before input
    return Status::InvalidArgument("command", "anonymise runs as `hotline anonymise` (retention), not per request")
        .WithReason(Reasons::kInvalidValue);
  }
  if (command == "answer-directly" && !input.kb_entry.empty()) {
    HOTLINE_RETURN_IF_ERROR(AuthorizeCommand(id, command, actor));  // authority before input
    auto entry = store_.GetKbEntry(input.kb_entry);
    if (!entry.ok() || !entry->active)
      return Status::InvalidArgument("kb_entry", "unknown or withdrawn knowledge-base entry " + input.kb_entry)
          .WithReason(Reasons::kUnknownKbEntry)
          .WithParam("id", input.kb_entry);
  }
  std::string returned_by;
  auto change = [&](const Ticket& current) -> Result<Transition> {
    if (!CanSee(current, actor, ref->units)) return OtherUnitsTicket(actor);
    returned_by = current.lead_unit;
    return Apply(current, command, input, actor, MakeContext(*ref));
  };
  // merge: the main ticket is checked in the transaction that merges, so two
  // merges sent at once (A into B, B into A) cannot both find the other open.
  auto merge_change = [&](const Ticket& current, const Ticket* main) -> Result<Transition> {
    auto tr = change(current);
    if (!tr.ok()) return tr;
    if (!main || !CanSee(*main, actor, ref->units))
      return Status::InvalidArgument("main_ticket", "main ticket " + std::to_string(input.main_ticket) +
                                                        " does not exist or is not visible");
    HOTLINE_RETURN_IF_ERROR(CheckMergeTarget(current, *main));
    return tr;
  };
  auto updated = command == "merge" ? store_.UpdateTicketWith(id, input.main_ticket, merge_change)
                                    : store_.UpdateTicket(id, change);
  if (updated.ok()) PublishTicket(*updated, command);
  // The router learns which units take and which send back each kind of ticket.
  if (updated.ok() && !updated->appeal.category.empty()) {
    if (command == "dispatch") ref->assistant->router().RecordDispatch(input.unit, updated->appeal.category);
    if (command == "return") ref->assistant->router().RecordReturn(returned_by, updated->appeal.category);
  }
  return updated;
}

Status HotlineService::AuthorizeCommand(TicketId id, const std::string& command, const Actor& actor) {
  auto t = Get(id, actor);
  if (!t.ok()) return t.status();
  return CheckCommandAllowed(*t, command, actor, MakeContext(*reference()));
}

Result<triage::TriageResult> HotlineService::Triage(const triage::TriageInput& input, const Actor& actor) {
  if (actor.role == Role::kAnalyst || actor.role == Role::kCitizen || actor.role == Role::kUnitStaff)
    return RoleNotAllowed(actor, "triage", "intake suggestions are for the hotline's staff");
  if (input.content.size() > kMaxContentBytes)
    return Status::InvalidArgument("content", "content is longer than 20000 bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxContentBytes);
  return reference()->assistant->Triage(input);
}

Result<Ticket> HotlineService::Get(TicketId id, const Actor& actor) {
  auto t = store_.GetTicket(id);
  if (!t.ok()) return t.status();
  if (!CanSee(*t, actor, reference()->units)) return OtherUnitsTicket(actor);
  return t;
}

Result<std::vector<Event>> HotlineService::Events(TicketId id, const Actor& actor) {
  auto t = Get(id, actor);
  if (!t.ok()) return t.status();
  return store_.GetEvents(id);
}

Result<TicketPage> HotlineService::List(TicketFilter filter, const Actor& actor) {
  // Masked numbers must not be recoverable by guessing: only roles that see
  // callers' phones may filter by one.
  if (!filter.caller_phone.empty() && !SeesPersonalData(actor.role))
    return Status::PermissionDenied("role " + std::string(Name(actor.role)) + " may not search by phone number")
        .WithReason(Reasons::kPersonalDataNotAllowed)
        .WithParam("role", std::string(Name(actor.role)));
  if (actor.role == Role::kUnitStaff) filter.visible_units = reference()->units.Subtree(actor.unit);
  filter.now = clock_.Now();
  return store_.ListTickets(filter);
}

Result<TicketStats> HotlineService::Stats(TicketFilter filter, const Actor& actor) {
  if (actor.role == Role::kCitizen) return RoleNotAllowed(actor, "stats", "statistics are for staff");
  if (actor.role == Role::kUnitStaff) filter.visible_units = reference()->units.Subtree(actor.unit);
  filter.now = clock_.Now();
  return store_.Stats(filter);
}

Result<Ticket> HotlineService::PublicLookup(const std::string& number, const std::string& query_code) {
  const Status not_found = Status::NotFound("no ticket with this number and query code");
  auto id = TicketIdFromNumber(number);
  if (!id || query_code.empty()) return not_found;
  auto t = store_.GetTicket(*id);
  if (!t.ok()) return t.status().code() == StatusCode::kNotFound ? not_found : t.status();
  if (TicketNumber(*t) != number || t->appeal.query_code != query_code) return not_found;
  return t;
}

std::vector<std::string> HotlineService::AvailableCommands(const Ticket& t, const Actor& actor) const {
  auto ref = reference();
  auto commands = hotline::AvailableCommands(t, actor, MakeContext(*ref));
  std::erase(commands, "attach");     // not a button: the ticket page has its own upload
  std::erase(commands, "anonymise");  // retention, not a button
  return commands;
}

}  // namespace hotline::api

namespace hotline::api {

namespace {

bool MayEditKb(const Actor& a) { return a.role == Role::kAdmin || a.role == Role::kSupervisor; }

}  // namespace

void HotlineService::PublishTicket(const Ticket& t, const std::string& command) {
  if (live_.subscribers() == 0) return;
  nlohmann::json data = {{"id", t.id},
                         {"number", TicketNumber(t)},
                         {"command", command},
                         {"state", Name(t.state)},
                         {"channel", Name(t.appeal.channel)},
                         {"appeal_type", Name(t.appeal.type)},
                         {"category", t.appeal.category},
                         {"area", t.appeal.area},
                         {"lead_unit", t.lead_unit},
                         {"location", t.appeal.location ? nlohmann::json{{"lat", t.appeal.location->lat},
                                                                         {"lon", t.appeal.location->lon}}
                                                        : nlohmann::json(nullptr)},
                         {"created_at", FormatTime(t.created_at)},
                         {"updated_at", FormatTime(t.updated_at)}};
  live_.Publish("ticket", data.dump(), &t);
}

std::shared_ptr<LiveSubscription> HotlineService::SubscribeLive(const Actor& actor, const std::string& token) {
  auto sub = live_.Subscribe([this, actor](const std::string&, const void* subject) {
    const auto* t = static_cast<const Ticket*>(subject);
    return t && CanSee(*t, actor, reference()->units);
  });
  const std::string hash = TokenHash(token);
  const UnixSeconds subscribed_at = clock_.Now();
  std::lock_guard lock(sessions_mu_);
  auto cached = sessions_.find(hash);
  const UnixSeconds ends_at =
      cached != sessions_.end() ? cached->second.ends_at : subscribed_at + session_options_.max_seconds;
  sub->SetValidity([this, hash, subscribed_at, ends_at] { return LiveSessionValid(hash, subscribed_at, ends_at); });
  std::erase_if(live_sessions_, [](const LiveSession& l) { return l.subscription.expired(); });
  live_sessions_.push_back({hash, actor.username, sub});
  return sub;
}

// Runs on the connection's I/O thread, so it never asks the store: logout, a
// disabled account and a changed password close the stream directly (see
// EndCachedSessions); here the session's end and idleness are checked against
// what this process knows of its last request.
bool HotlineService::LiveSessionValid(const std::string& token_hash, UnixSeconds subscribed_at, UnixSeconds ends_at) {
  const UnixSeconds now = clock_.Now();
  if (now >= ends_at) return false;
  std::lock_guard lock(sessions_mu_);
  auto it = sessions_.find(token_hash);
  const UnixSeconds last_seen = it == sessions_.end() ? subscribed_at : std::max(subscribed_at, it->second.last_seen_at);
  return now - last_seen < session_options_.idle_seconds;
}

namespace {

Status RequireAdmin(const Actor& a) {
  return a.role == Role::kAdmin ? Status::Ok() : RoleNotAllowed(a, "admin", "administrators only");
}

}  // namespace

Result<std::vector<User>> HotlineService::ListUsers(const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
  return store_.ListUsers();
}

Status HotlineService::SaveUser(User user, const std::string& password, bool is_new, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
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
  if (user.role == Role::kUnitStaff && !reference()->units.Find(user.unit))
    return Status::InvalidArgument("unit", "unit staff need an existing unit")
        .WithReason(user.unit.empty() ? Reasons::kRequired : Reasons::kUnknownUnit)
        .WithParam("code", user.unit);
  if (user.role != Role::kUnitStaff) user.unit.clear();
  auto existing = store_.FindUser(user.username);
  if (is_new && existing.ok())
    return Status::AlreadyExists("user " + user.username + " exists").WithParam("username", user.username);
  if (!is_new && !existing.ok())
    return Status::NotFound("no user " + user.username).WithParam("username", user.username);
  if (!password.empty()) {
    HOTLINE_RETURN_IF_ERROR(CheckPasswordPolicy(password, user.username));
    auto hash = HashPassword(password);
    if (!hash.ok()) return hash.status();
    user.password_hash = *hash;
  } else if (is_new) {
    return Status::Required("password");
  } else {
    user.password_hash = existing->password_hash;
  }
  if (user.username == actor.username && (!user.active || user.role != Role::kAdmin))
    return Status::InvalidArgument("role", "you cannot demote or disable yourself").WithReason(Reasons::kSelfChange);
  const AuditRecord audit{0, clock_.Now(), actor.username, is_new ? "create_user" : "update_user",
                          SummariseUser(user, is_new, !password.empty())};
  HOTLINE_RETURN_IF_ERROR(store_.PutUser(user, &audit));
  // A reset password or a disabled account ends every session of the user.
  const bool end_sessions = !is_new && (!password.empty() || !user.active);
  auto ended = end_sessions ? store_.DeleteUserSessions(user.username, "") : Result<int>(0);
  if (end_sessions) EndCachedSessions(user.username);
  {
    std::lock_guard lock(sessions_mu_);
    sessions_.clear();  // roles may have changed: re-check every session with the store
  }
  return ended.ok() ? Status::Ok() : ended.status();
}

Status HotlineService::DeleteUser(const std::string& username, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
  if (username == actor.username)
    return Status::InvalidArgument("username", "you cannot delete yourself").WithReason(Reasons::kSelfChange);
  const AuditRecord audit{0, clock_.Now(), actor.username, "delete_user", username};
  HOTLINE_RETURN_IF_ERROR(store_.DeleteUser(username, &audit));
  EndCachedSessions(username);
  return Status::Ok();
}

Result<std::vector<AuditRecord>> HotlineService::Audit(int limit, int offset, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
  return store_.ListAudit(limit, offset);
}

Status HotlineService::ReplaceUnits(std::vector<Unit> units, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
  auto tree = UnitTree::Build(units);
  if (!tree.ok()) return tree.status();
  for (const CatalogRule& r : reference()->catalog)
    if (!tree->Find(r.lead))
      return Status::InvalidArgument("units", "unit " + r.lead + " is still used by the catalog")
          .WithReason(Reasons::kStillUsedByCatalog)
          .WithParam("code", r.lead);
  const AuditRecord audit{0, clock_.Now(), actor.username, "replace_units",
                          SummariseUnits(reference()->units.units(), units)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceUnits(units, &audit));
  return LoadReferenceData();
}

Status HotlineService::ReplaceCategories(std::vector<Category> categories, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
  auto tax = Taxonomy::Build(categories);
  if (!tax.ok()) return tax.status();
  for (const CatalogRule& r : reference()->catalog)
    if (!tax->Find(r.category))
      return Status::InvalidArgument("categories", "category " + r.category + " is still used by the catalog")
          .WithReason(Reasons::kStillUsedByCatalog)
          .WithParam("code", r.category);
  const AuditRecord audit{0, clock_.Now(), actor.username, "replace_categories",
                          SummariseCategories(reference()->taxonomy.categories(), categories)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceCategories(categories, &audit));
  return LoadReferenceData();
}

Status HotlineService::ReplaceCatalog(std::vector<CatalogRule> rules, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireAdmin(actor));
  auto ref = reference();
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
  const AuditRecord audit{0, clock_.Now(), actor.username, "replace_catalog", SummariseCatalog(ref->catalog, rules)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceCatalog(rules, &audit));
  return LoadReferenceData();
}

std::string HotlineService::Today() const {
  const UnixSeconds local = clock_.Now() + WorkCalendar::kUtcOffsetSeconds;
  return CivilFromDays(static_cast<int>(local / 86400));
}

Result<std::vector<triage::KbHit>> HotlineService::KbSearch(triage::KbQuery query, const Actor& actor) {
  if (actor.role == Role::kCitizen) {
    query.public_only = true;
    query.today = Today();
  }
  return kb_index_.Search(query);
}

Result<KbEntry> HotlineService::KbGet(const std::string& id, const Actor& actor) {
  auto e = store_.GetKbEntry(id);
  if (!e.ok()) return e.status();
  if (actor.role == Role::kCitizen && (!e->is_public || !KbEntryValidOn(*e, Today())))
    return Status::NotFound("no knowledge-base entry " + id);
  return e;
}

Result<std::vector<KbEntry>> HotlineService::KbList(const Actor& actor) {
  auto all = store_.ListKbEntries();
  if (!all.ok() || actor.role != Role::kCitizen) return all;
  std::vector<KbEntry> visible;
  const std::string today = Today();
  for (KbEntry& e : *all)
    if (e.is_public && KbEntryValidOn(e, today)) visible.push_back(std::move(e));
  return visible;
}

Result<std::vector<KbEntry>> HotlineService::KbVersions(const std::string& id, const Actor& actor) {
  if (actor.role == Role::kCitizen) return RoleNotAllowed(actor, "kb_versions", "history is for staff");
  return store_.KbVersions(id);
}

Result<KbEntry> HotlineService::KbPut(KbEntry entry, int expected_version, const Actor& actor) {
  if (!MayEditKb(actor)) return RoleNotAllowed(actor, "kb_edit", "only admins and supervisors edit the knowledge base");
  auto ref = reference();
  HOTLINE_RETURN_IF_ERROR(ValidateKbEntry(entry, &ref->taxonomy, &ref->units));
  entry.updated_at = clock_.Now();
  entry.updated_by = actor.username;
  auto stored = store_.PutKbEntry(entry, expected_version);
  if (!stored.ok()) return stored.status();
  kb_index_.Upsert(*stored);
  return stored;
}

}  // namespace hotline::api

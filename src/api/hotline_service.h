// HotlineService: the application core behind every interface (REST, Open311,
// CLI import). It owns the reference data in memory (unit tree, taxonomy,
// catalog, calendar), authenticates users, and runs ticket commands through the
// domain state machine and the store. Every method checks the actor's authority:
// unit staff see and act on their own subtree only.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/clock.h"
#include "domain/state_machine.h"
#include "api/live_events.h"
#include "api/login_guard.h"
#include "api/pii_access_log.h"
#include "store/store.h"
#include "triage/intake/intake_assistant.h"
#include "triage/kb/knowledge_index.h"

namespace hotline::api {

struct ReferenceData {
  UnitTree units;
  Taxonomy taxonomy;
  std::vector<CatalogRule> catalog;
  std::unique_ptr<triage::IntakeAssistant> assistant;  // built on the three above
};

// What the intake assistant needs besides the reference data in the store.
struct TriageResources {
  triage::CityGeography geography;  // street centres and polygons
  std::string geojson;              // the polygons as loaded, for maps in the browser (may be empty)
  std::shared_ptr<const triage::DivisionIndex> divisions;  // China's divisions, may be null
  triage::AlertRules alert_rules;
  std::shared_ptr<const triage::Classifier> classifier;  // may be null: no model loaded
};

class HotlineService {
 public:
  HotlineService(Store& store, const Clock& clock, WorkCalendar calendar, Policy policy = {});

  // (Re)loads units, taxonomy, catalog and the knowledge-base index from the store.
  Status LoadReferenceData();
  // Call before LoadReferenceData.
  void SetTriageResources(TriageResources resources) { triage_ = std::move(resources); }
  // The city's map (GeoJSON FeatureCollection), empty when it has none.
  const std::string& CityGeoJson() const { return triage_.geojson; }
  // Installs (or replaces) the category classifier while the server runs.
  void SetClassifier(std::shared_ptr<const triage::Classifier> classifier);
  // Intake suggestions (classifier, locator, router, knowledge base, alerts).
  Result<triage::TriageResult> Triage(const triage::TriageInput& input, const Actor& actor);
  // Synonym groups for knowledge-base search (see KnowledgeIndex::LoadSynonyms).
  Status LoadKbSynonyms(const std::string& text) { return kb_index_.LoadSynonyms(text); }
  std::shared_ptr<const ReferenceData> reference() const;

  // Sessions. A session ends `max_seconds` after login or `idle_seconds` after
  // its last request, at logout, when its user is disabled or deleted, and when
  // the password changes (all sessions on an admin reset; the others when users
  // change their own). Logins are throttled and bounded by a LoginGuard.
  struct SessionOptions {
    UnixSeconds max_seconds = 12 * 3600;
    UnixSeconds idle_seconds = 2 * 3600;
  };
  void SetSessionOptions(SessionOptions options) { session_options_ = options; }
  const SessionOptions& session_options() const { return session_options_; }
  void SetLoginGuard(LoginGuard::Options options) { login_guard_ = std::make_unique<LoginGuard>(options); }
  // `address` is the client's address, for throttling (may be empty).
  Result<std::string> Login(const std::string& username, const std::string& password,
                            const std::string& address = "");
  Result<Actor> Authenticate(const std::string& token);
  Status Logout(const std::string& token);
  // Users change their own password: the current one is checked, the new one must
  // follow the password policy, and every other session of theirs ends.
  Status ChangeOwnPassword(const std::string& token, const std::string& current, const std::string& next,
                           const Actor& actor, const std::string& address = "");
  // Authenticated sessions are remembered this long before the store is asked
  // again (so a disabled user is locked out within this time; logout is immediate).
  static constexpr UnixSeconds kSessionCacheSeconds = 30;

  // Tickets.
  Result<Ticket> Intake(Appeal appeal, const Actor& actor);
  // Applies a command. Who may issue it is checked before its input: a refused actor
  // gets PermissionDenied whatever the input holds.
  Result<Ticket> Command(TicketId id, const std::string& command, const CommandInput& input, const Actor& actor);
  // The checks of Command that need no input: NotFound, PermissionDenied (the
  // ticket's visibility, role, unit scope), Conflict (state). The API runs them when
  // a body cannot be decoded, to answer in the same order as Command.
  Status AuthorizeCommand(TicketId id, const std::string& command, const Actor& actor);
  Result<Ticket> Get(TicketId id, const Actor& actor);
  Result<std::vector<Event>> Events(TicketId id, const Actor& actor);
  Result<TicketPage> List(TicketFilter filter, const Actor& actor);
  std::vector<std::string> AvailableCommands(const Ticket& t, const Actor& actor) const;
  // Counts over the tickets the actor may see (unit staff: their subtree).
  Result<TicketStats> Stats(TicketFilter filter, const Actor& actor);

  // The citizen portal: a ticket found by its number and the query code given at
  // intake. A wrong number or code are both NotFound, so neither can be probed.
  Result<Ticket> PublicLookup(const std::string& number, const std::string& query_code);
  static Actor PortalActor() { return {"portal", Role::kCitizen, ""}; }

  // Knowledge base. Editing is for admins and supervisors; searching for staff;
  // the portal searches public entries valid today.
  Result<std::vector<triage::KbHit>> KbSearch(triage::KbQuery query, const Actor& actor);
  Result<KbEntry> KbGet(const std::string& id, const Actor& actor);
  Result<std::vector<KbEntry>> KbList(const Actor& actor);
  Result<std::vector<KbEntry>> KbVersions(const std::string& id, const Actor& actor);
  Result<KbEntry> KbPut(KbEntry entry, int expected_version, const Actor& actor);
  // Today's date in the city (YYYY-MM-DD).
  std::string Today() const;

  // Personal data: records that `actor` saw the callers' names and phones of
  // `tickets` unmasked (only roles that see them so, only tickets that have
  // any), at `endpoint` from `screen`; admins read the record.
  void RecordPersonalDataViews(const Actor& actor, const std::vector<const Ticket*>& tickets,
                               const std::string& endpoint, const std::string& screen);
  Result<std::vector<PiiAccess>> PersonalDataAccess(PiiAccessFilter filter, const Actor& actor);
  PiiAccessLog& pii_access_log() { return *pii_log_; }

  // Administration (admin role only). Users: the password, when given, is hashed
  // here; never returned. Reference data is replaced whole, validated first (a
  // unit tree without cycles, a taxonomy with consistent levels, a catalog whose
  // codes exist), then reloaded.
  Result<std::vector<User>> ListUsers(const Actor& actor);
  Status SaveUser(User user, const std::string& password, bool is_new, const Actor& actor);
  // Deletes an account (never one's own); its sessions end, its past events keep its name.
  Status DeleteUser(const std::string& username, const Actor& actor);
  Status ReplaceUnits(std::vector<Unit> units, const Actor& actor);
  Status ReplaceCategories(std::vector<Category> categories, const Actor& actor);
  Status ReplaceCatalog(std::vector<CatalogRule> rules, const Actor& actor);
  // The audit trail of these changes, newest first (admin only).
  Result<std::vector<AuditRecord>> Audit(int limit, int offset, const Actor& actor);

  // Attachments (attachments.cc): photos and documents of a ticket, for anyone
  // who may see the ticket. Attach checks the name, type and size (≤ 10 MiB) and
  // writes the file with an "attach" event in one transaction.
  static constexpr std::size_t kMaxAttachmentBytes = 10 << 20;
  // The content types Attach accepts.
  static std::vector<std::string> AttachmentTypes();
  Result<Attachment> Attach(TicketId id, const std::string& name, const std::string& content_type,
                            std::string_view bytes, const Actor& actor);
  Result<std::vector<Attachment>> Attachments(TicketId id, const Actor& actor);
  // The attachment's description and bytes.
  Result<std::pair<Attachment, std::string>> ReadAttachment(TicketId id, const std::string& attachment_id,
                                                             const Actor& actor);

  // Tickets related to one (attachments.cc), those the actor may see: the same
  // caller's other tickets, tickets merged into it or it into, and tickets of the
  // same category leaf and area within 30 days.
  struct RelatedTicket {
    Ticket ticket;
    std::string relation;  // "same_caller", "merged", "similar"
  };
  Result<std::vector<RelatedTicket>> Related(TicketId id, const Actor& actor);

  // Live events (SSE): "ticket" messages for intakes and every command, filtered
  // to what the actor may see; no personal data in them. The subscription ends
  // with the session of `token` (logout, expiry, account disabled or deleted,
  // password changed).
  std::shared_ptr<LiveSubscription> SubscribeLive(const Actor& actor, const std::string& token);
  LiveEvents& live() { return live_; }

  const Policy& policy() const { return policy_; }
  Store& store() { return store_; }
  const Clock& clock() const { return clock_; }

 private:
  Context MakeContext(const ReferenceData& ref) const;

  Store& store_;
  const Clock& clock_;
  WorkCalendar calendar_;
  Policy policy_;
  struct CachedSession {
    Actor actor;
    UnixSeconds ends_at;       // the session's absolute end
    UnixSeconds last_seen_at;  // its last request
    UnixSeconds checked_at;    // when the store was last asked
  };
  Result<Actor> AuthenticateHash(const std::string& token_hash);
  // Forgets cached sessions and closes live streams of a user (or of one token
  // hash), keeping `keep_hash`.
  void EndCachedSessions(const std::string& username, const std::string& keep_hash = "");
  bool LiveSessionValid(const std::string& token_hash, UnixSeconds subscribed_at, UnixSeconds ends_at);
  Status SweepExpiredSessions(UnixSeconds now);
  SessionOptions session_options_;
  std::unique_ptr<LoginGuard> login_guard_ = std::make_unique<LoginGuard>();
  std::mutex sessions_mu_;
  std::unordered_map<std::string, CachedSession> sessions_;  // by token hash
  struct LiveSession {
    std::string token_hash;
    std::string username;
    std::weak_ptr<LiveSubscription> subscription;
  };
  std::vector<LiveSession> live_sessions_;  // under sessions_mu_
  UnixSeconds last_session_sweep_ = 0;      // under sessions_mu_
  void PublishTicket(const Ticket& t, const std::string& command);

  LiveEvents live_;
  std::unique_ptr<PiiAccessLog> pii_log_;
  triage::KnowledgeIndex kb_index_;
  TriageResources triage_;
  mutable std::shared_mutex ref_mu_;
  std::shared_ptr<const ReferenceData> ref_;
};

}  // namespace hotline::api

// HotlineService: the application layer behind every interface (REST, the
// citizen portal, the CLI, later Open311), split by concern. Each part checks
// the actor's authority itself; none knows HTTP or JSON. Interfaces decode a
// request, make one call on one part, and render the result.
//
//   accounts()       logins, sessions, one's own password
//   tickets()        intake, commands, reads, lists, counts, related tickets
//   attachments()    files of a ticket
//   kb()             the knowledge base
//   admin()          users, units, taxonomy, catalog, audit trail
//   portal()         the citizen's side without an account
//   intake_desk()    suggestions at intake
//   live()           live events to the console
//   personal_data()  the record of unmasked views of callers' data
//   time_limits()    the time-limit policies, working hours and calendar years in force
//   deadlines()      the scheduler of deadline notices (warn, overdue)
//   cluster()        what the other servers on the same database change (issue 11)
//   ledger()         the clearing ledger (动态清零) of a month
//
// Build it with app::OpenHotline (one factory for the server, the CLI and tests).
#pragma once

#include <memory>
#include <string>

#include "domain/permissions.h"
#include "service/accounts.h"
#include "service/administration.h"
#include "service/attachments.h"
#include "service/cluster_sync.h"
#include "service/core.h"
#include "service/deadline_scheduler.h"
#include "service/intake_desk.h"
#include "service/knowledge_base.h"
#include "service/ledger.h"
#include "service/live_feed.h"
#include "service/personal_data_record.h"
#include "service/portal.h"
#include "service/tickets.h"
#include "service/time_limits.h"

namespace hotline::service {

class HotlineService {
 public:
  HotlineService(Store& store, const Clock& clock, WorkCalendar calendar, Policy policy = {});

  // Reference data and triage resources (see ServiceCore).
  Status LoadReferenceData() { return core_.LoadReferenceData(); }
  void SetTriageResources(TriageResources resources) { core_.SetTriageResources(std::move(resources)); }
  void SetClassifier(std::shared_ptr<const triage::Classifier> c) { core_.SetClassifier(std::move(c)); }
  std::shared_ptr<const ReferenceData> reference() const { return core_.reference(); }
  const TriageResources& triage_resources() const { return core_.triage_resources(); }
  const Policy& policy() const { return core_.policy(); }

  Accounts& accounts() { return accounts_; }
  Tickets& tickets() { return tickets_; }
  Attachments& attachments() { return attachments_; }
  KnowledgeBase& kb() { return kb_; }
  Administration& admin() { return admin_; }
  Portal& portal() { return portal_; }
  IntakeDesk& intake_desk() { return intake_desk_; }
  LiveFeed& live() { return live_; }
  PersonalDataRecord& personal_data() { return personal_data_; }
  TimeLimits& time_limits() { return time_limits_; }
  DeadlineScheduler& deadlines() { return deadlines_; }
  ClusterSync& cluster() { return cluster_; }
  Ledger& ledger() { return ledger_; }
  // Display names of accounts, for timelines and audit lists.
  UserDirectory& users() { return core_.users(); }

  // OK when the permission table grants `capability` to the actor's role
  // (role_not_allowed otherwise): interfaces ask before they read a request.
  Status Permits(const Actor& actor, Capability capability) const;
  // The service's time (interfaces use it for their own rate limits).
  UnixSeconds Now() const { return core_.Now(); }
  // How many tickets the store holds (for health checks and metrics: a number, no data).
  Result<std::int64_t> TicketCount();

  // A live stream of the tickets `actor` may see, ending with the session of
  // `token` (staff only).
  Result<std::shared_ptr<LiveSubscription>> SubscribeLive(const Actor& actor, const std::string& token);

 private:
  ServiceCore core_;
  LiveFeed live_;
  Accounts accounts_;
  Tickets tickets_;
  Attachments attachments_;
  KnowledgeBase kb_;
  Administration admin_;
  Portal portal_;
  IntakeDesk intake_desk_;
  PersonalDataRecord personal_data_;
  TimeLimits time_limits_;
  Ledger ledger_;
  DeadlineScheduler deadlines_;
  ClusterSync cluster_;  // last: its thread (which uses the others) stops first
};

}  // namespace hotline::service

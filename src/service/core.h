// ServiceCore: what every part of the service shares — the store, the clock, the
// city's work calendar and policy, and the reference data held in memory (unit
// tree, taxonomy, catalog, the intake assistant built on them, the knowledge-base
// index). Reference data is swapped whole under a lock: readers take a
// shared_ptr snapshot and never see half a reload.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "domain/calendar_year.h"
#include "domain/clock.h"
#include "domain/state_machine.h"
#include "domain/time_limit_policy.h"
#include "domain/work_time.h"
#include "store/store.h"
#include "triage/intake/intake_assistant.h"
#include "triage/kb/knowledge_index.h"
#include "service/user_directory.h"

namespace hotline::service {

// The center's time limits (issue 10): its rules, its working time (the holiday
// calendar with its working hours) and the years the calendar covers; where they
// came from (service/time_limits.h).
struct TimeLimitSetup {
  TimeLimitPolicy policy;
  WorkTime work_time;
  std::vector<int> calendar_years;  // ascending
  int version = 0;                  // the store's; 0: the rules and hours are the files'
  std::vector<CalendarDay> calendar_days;  // the calendar's days, by date (when known)
  std::vector<int> uploaded_years;         // years the store replaced, ascending
};

struct ReferenceData {
  UnitTree units;
  Taxonomy taxonomy;
  std::vector<CatalogRule> catalog;
  std::unique_ptr<triage::IntakeAssistant> assistant;  // built on the three above
  // The time limits in force when the data was loaded; null when none are installed
  // (tickets then carry no deadlines: see Context::time_limits).
  std::shared_ptr<const TimeLimitSetup> time_limits;
};

// What the intake assistant needs besides the reference data in the store.
struct TriageResources {
  triage::CityGeography geography;  // street centres and polygons
  std::string geojson;              // the polygons as loaded, for maps in the browser (may be empty)
  std::shared_ptr<const triage::DivisionIndex> divisions;  // China's divisions, may be null
  triage::AlertRules alert_rules;
  std::shared_ptr<const triage::Classifier> classifier;  // may be null: no model loaded
};

class ServiceCore {
 public:
  ServiceCore(Store& store, const Clock& clock, WorkCalendar calendar, Policy policy);

  // (Re)loads units, taxonomy, catalog, routing history and the knowledge-base
  // index from the store, and rebuilds the intake assistant on them.
  Status LoadReferenceData();
  // Call before LoadReferenceData.
  void SetTriageResources(TriageResources resources) { triage_ = std::move(resources); }
  const TriageResources& triage_resources() const { return triage_; }
  // Installs the time limits; they reach commands with the next LoadReferenceData.
  void SetTimeLimits(std::shared_ptr<const TimeLimitSetup> setup);
  // Null until SetTimeLimits.
  std::shared_ptr<const TimeLimitSetup> time_limit_setup() const;
  // Installs (or replaces) the category classifier while the server runs.
  void SetClassifier(std::shared_ptr<const triage::Classifier> classifier);
  // Never null after a successful LoadReferenceData.
  std::shared_ptr<const ReferenceData> reference() const;

  // The state machine's context over `ref`, at the clock's now.
  Context MakeContext(const ReferenceData& ref) const;
  UnixSeconds Now() const { return clock_.Now(); }
  // Today's date in the city (YYYY-MM-DD).
  std::string Today() const;

  Store& store() { return store_; }
  const Clock& clock() const { return clock_; }
  const Policy& policy() const { return policy_; }
  const WorkCalendar& calendar() const { return calendar_; }
  triage::KnowledgeIndex& kb_index() { return kb_index_; }
  // Display names of accounts (username → display_name, cached).
  UserDirectory& users() { return users_; }

 private:
  Store& store_;
  const Clock& clock_;
  WorkCalendar calendar_;
  Policy policy_;
  triage::KnowledgeIndex kb_index_;
  UserDirectory users_;
  TriageResources triage_;
  mutable std::shared_mutex ref_mu_;
  std::shared_ptr<const ReferenceData> ref_;
  std::shared_ptr<const TimeLimitSetup> time_limits_;  // guarded by ref_mu_
};

}  // namespace hotline::service

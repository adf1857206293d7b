#include "service/core.h"

#include <mutex>

namespace hotline::service {

ServiceCore::ServiceCore(Store& store, const Clock& clock, WorkCalendar calendar, Policy policy)
    : store_(store), clock_(clock), calendar_(std::move(calendar)), policy_(policy), users_(store, clock) {}

Status ServiceCore::LoadReferenceData() {
  HOTLINE_ASSIGN_OR_RETURN(auto units, store_.LoadUnits());
  HOTLINE_ASSIGN_OR_RETURN(auto tree, UnitTree::Build(std::move(units)));
  HOTLINE_ASSIGN_OR_RETURN(auto categories, store_.LoadCategories());
  HOTLINE_ASSIGN_OR_RETURN(auto taxonomy, Taxonomy::Build(std::move(categories)));
  HOTLINE_ASSIGN_OR_RETURN(auto catalog, store_.LoadCatalog());
  HOTLINE_ASSIGN_OR_RETURN(auto kb, store_.ListKbEntries());
  for (const KbEntry& e : kb) kb_index_.Upsert(e);  // withdrawn entries are left out by the index
  auto ref = std::make_shared<ReferenceData>(
      ReferenceData{std::move(tree), std::move(taxonomy), std::move(catalog), nullptr, nullptr});
  ref->assistant = std::make_unique<triage::IntakeAssistant>(ref->units, ref->taxonomy, ref->catalog,
                                                             triage_.geography, triage_.alert_rules);
  ref->assistant->SetKnowledgeIndex(&kb_index_);
  ref->assistant->SetDivisionIndex(triage_.divisions.get());
  HOTLINE_ASSIGN_OR_RETURN(auto history, store_.RoutingCounts());
  for (const RoutingCount& c : history) ref->assistant->router().AddHistory(c.unit, c.category, c.dispatched, c.returned);
  std::unique_lock lock(ref_mu_);
  ref->assistant->SetClassifier(triage_.classifier);  // under the lock: SetClassifier may run concurrently
  ref->time_limits = time_limits_;
  ref_ = std::move(ref);
  return Status::Ok();
}

void ServiceCore::SetClassifier(std::shared_ptr<const triage::Classifier> classifier) {
  std::unique_lock lock(ref_mu_);
  triage_.classifier = classifier;
  if (ref_) ref_->assistant->SetClassifier(std::move(classifier));
}

void ServiceCore::SetTimeLimits(std::shared_ptr<const TimeLimitSetup> setup) {
  std::unique_lock lock(ref_mu_);
  time_limits_ = std::move(setup);
}

std::shared_ptr<const TimeLimitSetup> ServiceCore::time_limit_setup() const {
  std::shared_lock lock(ref_mu_);
  return time_limits_;
}

std::shared_ptr<const ReferenceData> ServiceCore::reference() const {
  std::shared_lock lock(ref_mu_);
  return ref_;
}

Context ServiceCore::MakeContext(const ReferenceData& ref) const {
  Context ctx;
  ctx.units = &ref.units;
  ctx.taxonomy = &ref.taxonomy;
  ctx.catalog = &ref.catalog;
  ctx.calendar = &calendar_;
  if (ref.time_limits) {
    ctx.calendar = &ref.time_limits->work_time.calendar();  // with the years an admin uploaded
    ctx.time_limits = &ref.time_limits->policy;
    ctx.work_time = &ref.time_limits->work_time;
  }
  ctx.policy = policy_;
  ctx.now = clock_.Now();
  return ctx;
}

std::string ServiceCore::Today() const {
  const UnixSeconds local = clock_.Now() + WorkCalendar::kUtcOffsetSeconds;
  return CivilFromDays(static_cast<int>(local / 86400));
}

}  // namespace hotline::service

#include "service/personal_data_record.h"

#include "domain/personal_data.h"
#include "service/refusals.h"

namespace hotline::service {

void PersonalDataRecord::RecordViews(const Actor& actor, const std::vector<const Ticket*>& tickets,
                                     const std::string& endpoint, const std::string& screen) {
  if (!SeesPersonalData(actor.role)) return;
  std::vector<PiiAccess> records;
  const UnixSeconds now = core_.Now();
  for (const Ticket* t : tickets)
    if (t && (!t->appeal.caller.name.empty() || !t->appeal.caller.phone.empty()))
      records.push_back({0, now, actor.username, std::string(Name(actor.role)), t->id, endpoint, screen.substr(0, 100)});
  log_->Add(std::move(records));
}

Result<std::vector<PiiAccess>> PersonalDataRecord::Access(PiiAccessFilter filter, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kPersonalDataRecord));
  HOTLINE_RETURN_IF_ERROR(log_->Flush());
  return core_.store().ListPiiAccess(filter);
}

}  // namespace hotline::service

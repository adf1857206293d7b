#include "service/hotline_service.h"

#include "service/refusals.h"

namespace hotline::service {

HotlineService::HotlineService(Store& store, const Clock& clock, WorkCalendar calendar, Policy policy)
    : core_(store, clock, std::move(calendar), policy),
      live_(core_),
      accounts_(core_),
      tickets_(core_, live_),
      attachments_(core_, tickets_, live_),
      kb_(core_),
      admin_(core_, accounts_),
      portal_(core_, tickets_, attachments_),
      intake_desk_(core_),
      personal_data_(core_),
      time_limits_(core_),
      ledger_(core_),
      deadlines_(core_, live_),
      cluster_(core_, live_, accounts_, time_limits_, deadlines_) {
  live_.SetChangeListener([this](const Ticket& t) { deadlines_.Track(t); });
}

Status HotlineService::Permits(const Actor& actor, Capability capability) const {
  return RequireCapability(actor, capability);
}

Result<std::int64_t> HotlineService::TicketCount() { return core_.store().CountTickets(); }

Result<std::shared_ptr<LiveSubscription>> HotlineService::SubscribeLive(const Actor& actor, const std::string& token) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kLiveEvents));
  auto stream = live_.Subscribe(actor);
  accounts_.Watch(stream, actor, token);
  return stream;
}

}  // namespace hotline::service

#include "service/live_feed.h"

#include "domain/permissions.h"

namespace hotline::service {

void LiveFeed::PublishTicket(const Ticket& t, const std::string& command) {
  if (listener_) listener_(t);
  if (!renderer_ || events_.subscribers() == 0) return;
  events_.Publish("ticket", renderer_(t, command), &t);
}

std::shared_ptr<LiveSubscription> LiveFeed::Subscribe(const Actor& actor) {
  return events_.Subscribe([this, actor](const std::string&, const void* subject) {
    const auto* t = static_cast<const Ticket*>(subject);
    return t && AllowsTicket(actor, Capability::kLiveEvents, *t, core_.reference()->units);
  });
}

}  // namespace hotline::service

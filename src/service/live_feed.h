// LiveFeed: tells the console's open streams about every intake and command.
// Each subscriber sees only the tickets its actor may see (unit staff: their
// subtree). The service knows nothing of the wire format: the API installs a
// renderer that turns a ticket and the command that changed it into the
// message's data (and keeps personal data out of it).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "service/core.h"
#include "service/live_events.h"

namespace hotline::service {

class LiveFeed {
 public:
  using Renderer = std::function<std::string(const Ticket& ticket, const std::string& command)>;

  explicit LiveFeed(ServiceCore& core) : core_(core) {}
  // Set once, before the first Publish (without one, nothing is published).
  void SetRenderer(Renderer renderer) { renderer_ = std::move(renderer); }
  // Told of every published change, subscribers or not (the deadline scheduler
  // re-tracks the ticket). Set once, before the first Publish.
  void SetChangeListener(std::function<void(const Ticket&)> listener) { listener_ = std::move(listener); }
  // A "ticket" message for `t`, changed by `command`, to every subscriber that may see it.
  void PublishTicket(const Ticket& t, const std::string& command);
  std::shared_ptr<LiveSubscription> Subscribe(const Actor& actor);
  std::size_t subscribers() const { return events_.subscribers(); }

 private:
  ServiceCore& core_;
  Renderer renderer_;
  std::function<void(const Ticket&)> listener_;
  LiveEvents events_;
};

}  // namespace hotline::service

// Attachments: photos and documents of a ticket, for anyone who may see the
// ticket. Attach checks the name (no control, bidi or path characters), the
// declared type against an allow-list and the bytes against that type, and the
// size (≤ 10 MiB), then writes the file with an "attach" event in one
// transaction.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/core.h"
#include "service/live_feed.h"
#include "service/tickets.h"

namespace hotline::service {

class Attachments {
 public:
  static constexpr std::size_t kMaxBytes = 10 << 20;
  // The content types Attach accepts.
  static std::vector<std::string> AllowedTypes();

  Attachments(ServiceCore& core, Tickets& tickets, LiveFeed& live)
      : core_(core), store_(core.store()), tickets_(tickets), live_(live) {}

  // `holds_query_code`: the actor is the portal, which has checked the ticket's
  // number and query code (Portal::AttachPhoto); the ticket need not be visible
  // to the actor otherwise.
  Result<Attachment> Attach(TicketId id, const std::string& name, const std::string& content_type,
                            std::string_view bytes, const Actor& actor, bool holds_query_code = false);
  Result<std::vector<Attachment>> List(TicketId id, const Actor& actor);
  // The attachment's description and bytes.
  Result<std::pair<Attachment, std::string>> Read(TicketId id, const std::string& attachment_id, const Actor& actor);

 private:
  ServiceCore& core_;
  Store& store_;
  Tickets& tickets_;
  LiveFeed& live_;
};

}  // namespace hotline::service

// Portal: the citizen's side without an account. A citizen submits an appeal
// through the web site or the mini-program (a phone number to reply to is
// required), receives its number and query code, follows it with both, and
// evaluates the reply online. A wrong number and a wrong code are the same
// NotFound, so neither can be probed. The public sees the ticket's steps but not
// internal ones (supervision, escalation, review), and no names or phones.
#pragma once

#include <string>
#include <vector>

#include "service/core.h"
#include "service/tickets.h"

namespace hotline::service {

class Portal {
 public:
  // The actor every portal change is recorded as.
  static Actor PortalActor() { return {"portal", Role::kCitizen, ""}; }

  Portal(ServiceCore& core, Tickets& tickets) : core_(core), tickets_(tickets) {}

  // A ticket as the public sees it: the ticket and the events shown to the citizen.
  struct PublicTicket {
    Ticket ticket;
    std::vector<Event> steps;
    // The reply the public may read: the desk's answer, or a unit's reply once the
    // hotline accepted it on review (empty before).
    std::string reply;
  };
  // The channel must be web or mini_program; the query code and the category are
  // never the citizen's to choose (the area is, from the portal's picker, or is
  // located from the address or point).
  Result<Ticket> Submit(Appeal appeal);
  Result<PublicTicket> Lookup(const std::string& number, const std::string& query_code);
  // The callback evaluation (satisfaction, resolved) given online.
  Result<PublicTicket> Evaluate(const std::string& number, const std::string& query_code, const CommandInput& input);

 private:
  Result<Ticket> Find(const std::string& number, const std::string& query_code);
  Result<PublicTicket> Public(Ticket t);

  ServiceCore& core_;
  Tickets& tickets_;
};

}  // namespace hotline::service

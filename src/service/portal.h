// Portal: the citizen's side without an account. A citizen submits an appeal
// through the web site or the mini-program (a phone number to reply to is
// required), receives its number and query code, follows it with both, and
// evaluates the reply online. A wrong number and a wrong code are the same
// NotFound, so neither can be probed. The public sees the ticket's steps but not
// internal ones (supervision, escalation, review), and no names or phones.
// While the appeal is new (in triage) its holder may add a few photos; anyone
// may ask where an address lies (the intake desk's locator, no personal data).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/attachments.h"
#include "service/core.h"
#include "service/tickets.h"

namespace hotline::service {

class Portal {
 public:
  // The actor every portal change is recorded as.
  static Actor PortalActor() { return {"portal", Role::kCitizen, ""}; }

  // Photos a citizen may add to an appeal: how many, how large, which types.
  static constexpr std::size_t kMaxPhotos = 3;
  static constexpr std::size_t kMaxPhotoBytes = 5 << 20;
  static std::vector<std::string> PhotoTypes();

  Portal(ServiceCore& core, Tickets& tickets, Attachments& attachments)
      : core_(core), tickets_(tickets), attachments_(attachments) {}

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

  // Where an address lies: the most specific area the locator recognises in it
  // (community, street or district: its code and name) and, when known, a point
  // for the map (the centre of that area's street). NotFound when it names no
  // area of the city; an empty or overlong address is an InvalidArgument.
  struct Place {
    std::string code, name;
    std::optional<double> lat, lon;
  };
  Result<Place> Locate(const std::string& address);

  // A photo (JPEG or PNG, ≤ kMaxPhotoBytes, the bytes matching the type) added
  // by the holder of the number and query code while the ticket is in triage,
  // at most kMaxPhotos of them; recorded as the portal's "attach" event, so staff
  // see it among the ticket's attachments. A wrong number or code is NotFound;
  // a ticket past triage is a Conflict (state_not_allowed).
  Result<Attachment> AttachPhoto(const std::string& number, const std::string& query_code, const std::string& name,
                                 const std::string& content_type, std::string_view bytes);

 private:
  Result<Ticket> Find(const std::string& number, const std::string& query_code);
  Result<PublicTicket> Public(Ticket t);

  ServiceCore& core_;
  Tickets& tickets_;
  Attachments& attachments_;
};

}  // namespace hotline::service

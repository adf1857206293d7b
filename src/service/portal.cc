#include "service/portal.h"

#include <algorithm>
#include <set>

#include "domain/ticket_number.h"
#include "text/normalize.h"

namespace hotline::service {
namespace {

// Steps that concern the hotline's own oversight, not the citizen.
// Steps between the hotline and the units that the public does not follow: supervision,
// corrections, reviews, and a reply still travelling up the units (逐级审核).
bool Internal(const Event& e) {
  static const std::set<std::string, std::less<>> kInternal = {
      "supervise", "answer-supervision", "close-supervision", "instruct", "escalate", "review", "edit",
      "accept-reply", "reject-reply", "attach", "anonymise", "warn", "overdue",
      "co-sign", "co-reply", "whistle", "add-co-units"};  // co-handling inside the units
  return kInternal.count(e.command) > 0 || (e.command == "reply" && e.to != TicketState::kReplied);
}

}  // namespace

std::vector<std::string> Portal::PhotoTypes() { return {"image/jpeg", "image/png"}; }

Result<Ticket> Portal::Submit(Appeal appeal) {
  if (appeal.channel != Channel::kWeb && appeal.channel != Channel::kMiniProgram)
    return Status::InvalidArgument("channel", "channel must be web or mini_program").WithReason(Reasons::kInvalidValue);
  if (appeal.caller.phone.empty())
    return Status::InvalidArgument("caller.phone", "a phone number is required to reply to you")
        .WithReason(Reasons::kRequired);
  if (appeal.caller.phone.size() < 7)
    return Status::InvalidArgument("caller.phone", "caller.phone is too short").WithReason(Reasons::kInvalidValue);
  appeal.query_code.clear();
  appeal.category.clear();
  return tickets_.Intake(std::move(appeal), PortalActor());
}

Result<Ticket> Portal::Find(const std::string& number, const std::string& query_code) {
  const Status not_found = Status::NotFound("no ticket with this number and query code");
  auto id = TicketIdFromNumber(number);
  if (!id || query_code.empty()) return not_found;
  auto t = core_.store().GetTicket(*id);
  if (!t.ok()) return t.status().code() == StatusCode::kNotFound ? not_found : t.status();
  // The prefix was checked (in any case) by TicketIdFromNumber; the date and id must match.
  if (TicketNumber(*t).substr(2) != number.substr(2) || t->appeal.query_code != query_code) return not_found;
  return t;
}

Result<Portal::PublicTicket> Portal::Public(Ticket t) {
  HOTLINE_ASSIGN_OR_RETURN(auto events, core_.store().GetEvents(t.id));
  std::erase_if(events, Internal);
  const bool reviewed = t.state == TicketState::kToCallback || t.state == TicketState::kUnsatisfied ||
                        (IsTerminal(t.state) && t.state != TicketState::kMerged);
  std::string reply = reviewed ? t.reply_content : std::string();
  return PublicTicket{std::move(t), std::move(events), std::move(reply)};
}

Result<Portal::PublicTicket> Portal::Lookup(const std::string& number, const std::string& query_code) {
  HOTLINE_ASSIGN_OR_RETURN(Ticket t, Find(number, query_code));
  return Public(std::move(t));
}

Result<Portal::PublicTicket> Portal::Evaluate(const std::string& number, const std::string& query_code,
                                              const CommandInput& input) {
  HOTLINE_ASSIGN_OR_RETURN(Ticket t, Find(number, query_code));
  HOTLINE_ASSIGN_OR_RETURN(Ticket updated,
                           tickets_.Command(t.id, "callback", input, PortalActor(), /*holds_query_code=*/true));
  return Public(std::move(updated));
}

}  // namespace hotline::service

namespace hotline::service {

Result<Portal::Place> Portal::Locate(const std::string& address) {
  constexpr std::size_t kMaxAddressBytes = 600;  // 200 characters of Chinese
  if (address.empty())
    return Status::InvalidArgument("address", "an address is required").WithReason(Reasons::kRequired);
  if (address.size() > kMaxAddressBytes)
    return Status::InvalidArgument("address", "the address is too long")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxAddressBytes);
  auto ref = core_.reference();
  auto loc = ref->assistant->locator().FromAddress(text::NormalizeText(address));
  if (!loc || loc->area.empty()) return Status::NotFound("no area of the city is recognised in this address");
  const Unit* unit = ref->units.Find(loc->area);
  Place place{loc->area, unit ? unit->name : loc->area, std::nullopt, std::nullopt};
  const std::string& street = loc->street;
  if (!street.empty()) {
    const auto& centers = core_.triage_resources().geography.centers;
    auto c = std::find_if(centers.begin(), centers.end(), [&](const triage::StreetCenter& s) { return s.code == street; });
    if (c != centers.end()) {
      place.lat = c->lat;
      place.lon = c->lon;
    }
  }
  return place;
}

Result<Attachment> Portal::AttachPhoto(const std::string& number, const std::string& query_code,
                                       const std::string& name, const std::string& content_type,
                                       std::string_view bytes) {
  HOTLINE_ASSIGN_OR_RETURN(Ticket t, Find(number, query_code));  // the holder's, before anything else
  if (t.state != TicketState::kTriage)
    return Status::Conflict("photos can be added only while the appeal waits to be handled (in triage)")
        .WithReason(Reasons::kStateNotAllowed);
  const std::string type = content_type.substr(0, content_type.find(';'));
  const auto types = PhotoTypes();
  if (std::find(types.begin(), types.end(), type) == types.end())
    return Status::InvalidArgument("content_type", "only JPEG and PNG photos are accepted, not '" + type + "'")
        .WithReason(Reasons::kUnsupportedType)
        .WithParam("type", type);
  if (bytes.size() > kMaxPhotoBytes)
    return Status::InvalidArgument("size", "a photo may be at most " + std::to_string(kMaxPhotoBytes >> 20) + " MiB")
        .WithReason(Reasons::kTooLarge)
        .WithParam("max", kMaxPhotoBytes);
  HOTLINE_ASSIGN_OR_RETURN(auto existing, core_.store().ListAttachments(t.id));
  const auto mine = std::count_if(existing.begin(), existing.end(),
                                  [](const Attachment& a) { return a.uploaded_by == PortalActor().username; });
  if (static_cast<std::size_t>(mine) >= kMaxPhotos)
    return Status::InvalidArgument("photos", "at most " + std::to_string(kMaxPhotos) + " photos per appeal")
        .WithReason(Reasons::kTooMany)
        .WithParam("max", kMaxPhotos);
  // The file's own checks (name, signature, empty) are the staff upload's.
  return attachments_.Attach(t.id, name, type, bytes, PortalActor(), /*holds_query_code=*/true);
}

}  // namespace hotline::service

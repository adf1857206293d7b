#include "service/portal.h"

#include "domain/ticket_number.h"

namespace hotline::service {
namespace {

// Steps that concern the hotline's own oversight, not the citizen.
// Steps between the hotline and the units that the public does not follow: supervision,
// corrections, reviews, and a reply still travelling up the units (逐级审核).
bool Internal(const Event& e) {
  return e.command == "supervise" || e.command == "escalate" || e.command == "review" || e.command == "edit" ||
         e.command == "accept-reply" || e.command == "reject-reply" ||
         (e.command == "reply" && e.to != TicketState::kReplied);
}

}  // namespace

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

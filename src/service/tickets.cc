#include "service/tickets.h"

#include "domain/command_fields.h"
#include "domain/state_machine.h"
#include "domain/ticket_number.h"
#include "service/audit_summary.h"
#include "service/credentials.h"
#include "service/refusals.h"
#include "text/normalize.h"

namespace hotline::service {

Result<Ticket> Tickets::Intake(Appeal appeal, const Actor& actor) {
  auto ref = core_.reference();
  if (appeal.query_code.empty()) appeal.query_code = RandomDigits(6);
  if (appeal.area.empty()) {  // where it is, from the point the portal sent or the address
    std::optional<triage::Location> loc;
    if (appeal.location) loc = ref->assistant->locator().FromPoint(appeal.location->lat, appeal.location->lon);
    if (!loc && !appeal.address.empty()) loc = ref->assistant->locator().FromAddress(text::NormalizeText(appeal.address));
    if (loc) appeal.area = loc->area;
  }
  HOTLINE_ASSIGN_OR_RETURN(Transition tr, hotline::Intake(appeal, actor, core_.MakeContext(*ref)));
  auto created = store_.CreateTicket(tr);
  if (created.ok()) live_.PublishTicket(*created, "intake");
  return created;
}

Result<Ticket> Tickets::Command(TicketId id, const std::string& command, const CommandInput& input,
                                const Actor& actor, bool holds_query_code) {
  auto ref = core_.reference();
  HOTLINE_ASSIGN_OR_RETURN(CommandTraits traits, CommandTraitsOf(command));
  if (traits.entry != CommandEntry::kRequest || traits.precheck != CommandPreCheck::kNone)
    HOTLINE_RETURN_IF_ERROR(AuthorizeCommand(id, command, actor));  // authority before input
  if (traits.entry == CommandEntry::kUpload)  // only with the file: Attachments::Attach()
    return Status::InvalidArgument("command", command + " comes as an upload to the ticket's attachments")
        .WithReason(Reasons::kInvalidValue);
  if (traits.entry == CommandEntry::kRetention)  // with the intake event's redaction: app::AnonymiseClosedTickets()
    return Status::InvalidArgument("command", command + " runs as `hotline anonymise` (retention), not per request")
        .WithReason(Reasons::kInvalidValue);
  if (traits.entry == CommandEntry::kScheduler)  // the deadline scheduler's notices: service::DeadlineScheduler
    return Status::InvalidArgument("command", command + " is given by the deadline scheduler, not per request")
        .WithReason(Reasons::kInvalidValue);
  if (traits.precheck == CommandPreCheck::kKbEntryUsable && !input.kb_entry.empty()) {
    auto entry = store_.GetKbEntry(input.kb_entry);
    if (!entry.ok() || !entry->active)
      return Status::InvalidArgument("kb_entry", "unknown or withdrawn knowledge-base entry " + input.kb_entry)
          .WithReason(Reasons::kUnknownKbEntry)
          .WithParam("id", input.kb_entry);
  }
  // Commands that close a ticket at the desk read a category: without the
  // operator's, the ticket keeps the top suggested one (statistics count it).
  auto reads = CommandReads(command);
  const bool keeps_category = reads.ok() && reads->Has(InputField::kCategory) && input.category.empty();
  std::string returned_by;
  auto change = [&](const Ticket& current) -> Result<Transition> {
    HOTLINE_RETURN_IF_ERROR(RequireTicket(actor, Capability::kTicketRead, current, ref->units, holds_query_code));
    returned_by = current.lead_unit;
    if (keeps_category && current.appeal.category.empty()) {
      CommandInput with_category = input;
      with_category.category = ref->assistant->TopCategory(current.appeal.content);
      return Apply(current, command, with_category, actor, core_.MakeContext(*ref));
    }
    return Apply(current, command, input, actor, core_.MakeContext(*ref));
  };
  // merge: the main ticket is checked in the transaction that merges, so two
  // merges sent at once (A into B, B into A) cannot both find the other open.
  auto merge_change = [&](const Ticket& current, const Ticket* main) -> Result<Transition> {
    HOTLINE_ASSIGN_OR_RETURN(Transition tr, change(current));
    if (!main || !AllowsTicket(actor, Capability::kTicketRead, *main, ref->units))
      return Status::InvalidArgument("main_ticket", "main ticket " + std::to_string(input.main_ticket) +
                                                        " does not exist or is not visible");
    HOTLINE_RETURN_IF_ERROR(CheckMergeTarget(current, *main));
    return tr;
  };
  auto updated = command == "merge" ? store_.UpdateTicketWith(id, input.main_ticket, merge_change)
                                    : store_.UpdateTicket(id, change);
  if (updated.ok()) live_.PublishTicket(*updated, command);
  // The router learns which units take and which send back each kind of ticket.
  if (updated.ok() && !updated->appeal.category.empty()) {
    if (command == "dispatch") ref->assistant->router().RecordDispatch(input.unit, updated->appeal.category);
    if (command == "return") ref->assistant->router().RecordReturn(returned_by, updated->appeal.category);
  }
  if (updated.ok() && command == "decide-joint-review" && input.catalog_change.value_or(false))
    HOTLINE_RETURN_IF_ERROR(AddCatalogException(*updated, actor));
  return updated;
}

Status Tickets::AddCatalogException(const Ticket& t, const Actor& actor) {
  if (t.joint_reviews.empty()) return Status::Internal("a joint-review decision without its record");
  const JointReview& decision = t.joint_reviews.back();
  auto ref = core_.reference();
  const std::vector<CatalogRule> rules =
      WithRule(ref->catalog, ExceptionRule(t.appeal.category, t.appeal.area, t.appeal.enterprise, decision.lead_unit,
                                           decision.co_units));
  const AuditRecord audit{0, core_.Now(), actor.username, "joint_review_catalog",
                          "联席会议 " + TicketNumber(t) + ": " + SummariseCatalog(ref->catalog, rules)};
  HOTLINE_RETURN_IF_ERROR(store_.ReplaceCatalog(rules, &audit));
  return core_.LoadReferenceData();
}

Status Tickets::AuthorizeCommand(TicketId id, const std::string& command, const Actor& actor) {
  HOTLINE_ASSIGN_OR_RETURN(Ticket t, Get(id, actor));
  return CheckCommandAllowed(t, command, actor, core_.MakeContext(*core_.reference()));
}

Result<Ticket> Tickets::GetFor(TicketId id, const Actor& actor, Capability capability) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, capability));  // before the store is asked
  HOTLINE_ASSIGN_OR_RETURN(Ticket t, store_.GetTicket(id));
  HOTLINE_RETURN_IF_ERROR(RequireTicket(actor, capability, t, core_.reference()->units));
  return t;
}

namespace {

// The units whose tickets a list or count covers for the actor: all (empty), the
// actor's subtree, or a refusal — the permission table's scope of `capability`.
Status ScopeFilter(const Actor& actor, Capability capability, const UnitTree& units, TicketFilter& filter) {
  switch (ScopeOf(actor, capability)) {
    case AccessScope::kAll: return Status::Ok();
    case AccessScope::kUnitSubtree: filter.visible_units = units.Subtree(actor.unit); return Status::Ok();
    default: return RoleNotAllowed(actor, std::string(Name(capability)), "not for role " + std::string(Name(actor.role)));
  }
}

}  // namespace

Result<std::vector<Event>> Tickets::Events(TicketId id, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(Get(id, actor).status());
  return store_.GetEvents(id);
}

Result<TicketPage> Tickets::List(TicketFilter filter, const Actor& actor) {
  // Masked numbers must not be recoverable by guessing: only roles that see
  // callers' phones may filter by one.
  HOTLINE_RETURN_IF_ERROR(ScopeFilter(actor, Capability::kTicketList, core_.reference()->units, filter));
  if (!filter.caller_phone.empty()) HOTLINE_RETURN_IF_ERROR(MaySearchByPhone(actor));
  ResolveFilter(filter, actor);
  return store_.ListTickets(filter);
}

void Tickets::ResolveFilter(TicketFilter& filter, const Actor& actor) const {
  if (filter.intake_by_actor) filter.intake_by = actor.username;
  filter.now = core_.Now();
  if (filter.near_due_only) {
    const auto limits = core_.time_limit_setup();  // the calendar with the years an admin uploaded
    const WorkCalendar& calendar = limits ? limits->work_time.calendar() : core_.calendar();
    filter.due_before = calendar.AddWorkingDays(filter.now, core_.policy().near_due_working_days);
  }
}

Status Tickets::MaySearchByPhone(const Actor& actor) const {
  if (Allows(actor.role, Capability::kSearchByPhone)) return Status::Ok();
  return Status::PermissionDenied("role " + std::string(Name(actor.role)) + " may not search by phone number")
      .WithReason(Reasons::kPersonalDataNotAllowed)
      .WithParam("role", std::string(Name(actor.role)));
}

Result<TicketStats> Tickets::Stats(TicketFilter filter, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(ScopeFilter(actor, Capability::kStats, core_.reference()->units, filter));
  ResolveFilter(filter, actor);
  return store_.Stats(filter);
}

std::vector<std::string> Tickets::AvailableCommands(const Ticket& t, const Actor& actor) const {
  auto ref = core_.reference();
  return hotline::AvailableCommands(t, actor, core_.MakeContext(*ref));
}

TicketRead Tickets::Describe(Ticket t, const Actor& actor) const {
  auto commands = AvailableCommands(t, actor);
  std::string intake_by_name = t.intake_by.empty() ? std::string() : core_.users().DisplayName(t.intake_by);
  return {std::move(t), std::move(commands), core_.Now(), std::move(intake_by_name)};
}

}  // namespace hotline::service

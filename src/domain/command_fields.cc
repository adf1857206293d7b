#include "domain/command_fields.h"

#include <array>
#include <utility>

namespace hotline {
namespace {

// InputFields keeps one bit per field in 64 bits.
static_assert(static_cast<int>(InputField::kCatalogChange) < 64, "InputFields is full: widen its bits");

constexpr std::array<std::pair<InputField, std::string_view>, 38> kNames = {{
    {InputField::kUnit, "unit"},
    {InputField::kCoUnits, "co_units"},
    {InputField::kReason, "reason"},
    {InputField::kContent, "content"},
    {InputField::kResult, "result"},
    {InputField::kSatisfaction, "satisfaction"},
    {InputField::kResolved, "resolved"},
    {InputField::kApprove, "approve"},
    {InputField::kAccept, "accept"},
    {InputField::kUnreachable, "unreachable"},
    {InputField::kDays, "days"},
    {InputField::kLevel, "level"},
    {InputField::kNumber, "number"},
    {InputField::kKbEntry, "kb_entry"},
    {InputField::kMainTicket, "main_ticket"},
    {InputField::kAttachment, "attachment"},
    {InputField::kDissatisfaction, "dissatisfaction"},
    {InputField::kCategory, "category"},
    {InputField::kContactMethod, "contact_method"},
    {InputField::kContactedAt, "contacted_at"},
    {InputField::kHandler, "handler"},
    {InputField::kHandlerPhone, "handler_phone"},
    {InputField::kReturnKind, "return_kind"},
    {InputField::kSuggestedUnit, "suggested_unit"},
    {InputField::kArea, "area"},
    {InputField::kUrgent, "urgent"},
    {InputField::kUrgency, "urgency"},
    {InputField::kDeadline, "deadline"},
    {InputField::kAssignee, "assignee"},
    {InputField::kInstructions, "instructions"},
    {InputField::kNote, "note"},
    {InputField::kDueAt, "due_at"},
    {InputField::kTo, "to"},
    {InputField::kToUnit, "to_unit"},
    {InputField::kLeadUnit, "lead_unit"},
    {InputField::kParticipants, "participants"},
    {InputField::kMinutes, "minutes"},
    {InputField::kCatalogChange, "catalog_change"},
}};

}  // namespace

std::string_view Name(InputField f) {
  for (const auto& [field, name] : kNames)
    if (field == f) return name;
  return "";
}

std::optional<InputField> ParseInputField(std::string_view name) {
  for (const auto& [field, n] : kNames)
    if (n == name) return field;
  return std::nullopt;
}

CommandInput KeepFields(CommandInput in, InputFields keep) {
  CommandInput out;
  if (keep.Has(InputField::kUnit)) out.unit = std::move(in.unit);
  if (keep.Has(InputField::kCoUnits)) out.co_units = std::move(in.co_units);
  if (keep.Has(InputField::kReason)) out.reason = std::move(in.reason);
  if (keep.Has(InputField::kContent)) out.content = std::move(in.content);
  if (keep.Has(InputField::kResult)) out.result = in.result;
  if (keep.Has(InputField::kSatisfaction)) out.satisfaction = in.satisfaction;
  if (keep.Has(InputField::kResolved)) out.resolved = in.resolved;
  if (keep.Has(InputField::kApprove)) out.approve = in.approve;
  if (keep.Has(InputField::kAccept)) out.accept = in.accept;
  if (keep.Has(InputField::kUnreachable)) out.unreachable = in.unreachable;
  if (keep.Has(InputField::kDays)) out.days = in.days;
  if (keep.Has(InputField::kLevel)) out.level = in.level;
  if (keep.Has(InputField::kNumber)) out.number = std::move(in.number);
  if (keep.Has(InputField::kKbEntry)) out.kb_entry = std::move(in.kb_entry);
  if (keep.Has(InputField::kMainTicket)) out.main_ticket = in.main_ticket;
  if (keep.Has(InputField::kAttachment)) out.attachment = std::move(in.attachment);
  if (keep.Has(InputField::kDissatisfaction)) out.dissatisfaction = in.dissatisfaction;
  if (keep.Has(InputField::kCategory)) out.category = std::move(in.category);
  if (keep.Has(InputField::kContactMethod)) out.contact_method = in.contact_method;
  if (keep.Has(InputField::kContactedAt)) out.contacted_at = in.contacted_at;
  if (keep.Has(InputField::kHandler)) out.handler = std::move(in.handler);
  if (keep.Has(InputField::kHandlerPhone)) out.handler_phone = std::move(in.handler_phone);
  if (keep.Has(InputField::kReturnKind)) out.return_kind = in.return_kind;
  if (keep.Has(InputField::kSuggestedUnit)) out.suggested_unit = std::move(in.suggested_unit);
  if (keep.Has(InputField::kArea)) out.area = std::move(in.area);
  if (keep.Has(InputField::kUrgent)) out.urgent = in.urgent;
  if (keep.Has(InputField::kUrgency)) out.urgency = in.urgency;
  if (keep.Has(InputField::kDeadline)) out.deadline = in.deadline;
  if (keep.Has(InputField::kAssignee)) out.assignee = std::move(in.assignee);
  if (keep.Has(InputField::kInstructions)) out.instructions = std::move(in.instructions);
  if (keep.Has(InputField::kNote)) out.note = std::move(in.note);
  if (keep.Has(InputField::kTo)) out.to = std::move(in.to);
  if (keep.Has(InputField::kToUnit)) out.to_unit = std::move(in.to_unit);
  if (keep.Has(InputField::kLeadUnit)) out.lead_unit = std::move(in.lead_unit);
  if (keep.Has(InputField::kParticipants)) out.participants = std::move(in.participants);
  if (keep.Has(InputField::kMinutes)) out.minutes = std::move(in.minutes);
  if (keep.Has(InputField::kCatalogChange)) out.catalog_change = in.catalog_change;
  out.due_at = in.due_at;
  out.co_due_at = in.co_due_at;
  out.deadlines = std::move(in.deadlines);
  return out;
}

}  // namespace hotline

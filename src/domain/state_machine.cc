#include "domain/state_machine.h"

#include <algorithm>

#include <initializer_list>

#include "domain/co_tasks.h"
#include "domain/command_fields.h"
#include "domain/deadline_tracking.h"
#include "domain/free_text.h"
#include "domain/limits.h"
#include "domain/permissions.h"
#include "domain/supervision.h"

namespace hotline {
namespace {

using S = TicketState;
using R = Role;
using F = InputField;

constexpr std::size_t kMaxContent = kMaxContentBytes;
constexpr std::size_t kMaxReason = kMaxReasonBytes;

// Which unit the actor must belong to (unit staff only; other roles are not scoped):
// kLeadUnit: the ticket's lead unit lies within the actor's unit; kCoUnit: one of
// its co-units does; kWhistled: the unit its whistle called in does.
using Scope = UnitScope;

using Effect = Status (*)(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx);

// A role of the row that may issue the command only in some of its states.
struct RoleLimit {
  R role;
  std::initializer_list<S> only_in;
};

// A condition on the ticket beyond its state.
enum class Condition {
  kNone, kExtensionPending, kNoExtensionPending, kReplyAwaiting, kNoReplyAwaiting, kPaused, kNotPaused,
  kSupervisionUnanswered,  // an open supervision waits for the unit's answer
  kSupervisionOpen,        // an open supervision (answered or not)
};

struct CommandSpec {
  std::string_view name;
  std::initializer_list<S> from;
  std::initializer_list<R> roles;  // admin may always act
  Scope scope;
  InputFields reads;  // the input fields the effect reads: the only ones accepted and recorded
  Effect effect;
  CommandEntry entry = CommandEntry::kRequest;  // how it is issued; only requests show as buttons
  CommandPreCheck precheck = CommandPreCheck::kNone;  // made by the service before the transaction
  std::string_view content_field = "content";  // what `content` is called in errors
  std::initializer_list<RoleLimit> limits = {};
  // What else the ticket must hold besides its state (a Conflict otherwise, and no button).
  Condition condition = Condition::kNone;
};

bool Contains(std::initializer_list<S> list, S s) { return std::find(list.begin(), list.end(), s) != list.end(); }
bool Contains(std::initializer_list<R> list, R r) { return std::find(list.begin(), list.end(), r) != list.end(); }

Status RequireText(const std::string& value, const char* field, std::size_t max) {
  if (value.empty()) return Status::Required(field);
  if (value.size() > max)
    return Status::InvalidArgument(field, std::string(field) + " is longer than " + std::to_string(max) + " bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", max);
  return Status::Ok();
}

Status RequireLevel(int level, const Context& ctx) {
  if (level < 1 || level > ctx.policy.max_level)
    return Status::InvalidArgument("level", "level must be 1.." + std::to_string(ctx.policy.max_level))
        .WithReason(Reasons::kInvalidValue)
        .WithParam("min", 1)
        .WithParam("max", ctx.policy.max_level);
  return Status::Ok();
}

// Checks `value` like RequireText when it is given; empty is fine.
Status OptionalText(const std::string& value, const char* field, std::size_t max) {
  return value.empty() ? Status::Ok() : RequireText(value, field, max);
}

Status CheckUnitCode(const std::string& code, const char* field, const Context& ctx) {
  if (ctx.units && !ctx.units->Find(code))
    return Status::InvalidArgument(field, "unknown unit " + code).WithReason(Reasons::kUnknownUnit).WithParam("code", code);
  return Status::Ok();
}

// 0 normal, 1 high (important, a company appeal, supervised), 2 urgent (urgent, escalated).
int PriorityOf(const Ticket& t) {
  if (IsUrgent(t.appeal) || t.escalation_level > 0) return 2;
  if (t.appeal.urgency == Urgency::kImportant || t.appeal.enterprise || t.supervision_level > 0 || t.whistle)
    return 1;
  return 0;
}

// Forgets the ticket's reply (and one waiting for a unit's acceptance).
void ClearReply(Ticket& t) {
  t.reply_content.clear();
  t.reply_result.reset();
  t.reply_unit.clear();
  t.reply_contact.reset();
  t.reply_contacted_at = 0;
  t.reply_handler.clear();
  t.reply_handler_phone.clear();
  t.reply_awaiting = false;
  t.reply_from.clear();
}

UnixSeconds HandlingDeadline(const Ticket& t, const Context& ctx) {
  if (ctx.time_limits && ctx.work_time) {
    const ChosenLimits limits = ctx.time_limits->Lookup(FactsOf(t.appeal));
    return ctx.work_time->DueAt(ctx.now, LimitOf(limits, DeadlineKind::kHandle));
  }
  const int days = t.appeal.enterprise ? ctx.policy.enterprise_handling_days
                                       : ctx.policy.handling_days[static_cast<int>(t.appeal.type)];
  return ctx.calendar ? ctx.calendar->AddWorkingDays(ctx.now, days) : ctx.now + days * 86400;
}

// Sets a new deadline, or takes the one recorded in the event when replaying.
void SetDeadline(Ticket& t, CommandInput& in, UnixSeconds computed) {
  if (in.due_at == 0) in.due_at = computed;
  t.due_at = in.due_at;
}

Status ValidateUnits(const CommandInput& in, const Context& ctx) {
  if (in.unit.empty()) return Status::Required("unit");
  if (!ctx.units->Find(in.unit))
    return Status::InvalidArgument("unit", "unknown unit " + in.unit)
        .WithReason(Reasons::kUnknownUnit)
        .WithParam("code", in.unit);
  for (const std::string& co : in.co_units) {
    if (!ctx.units->Find(co))
      return Status::InvalidArgument("co_units", "unknown unit " + co)
          .WithReason(Reasons::kUnknownUnit)
          .WithParam("code", co);
    if (co == in.unit)
      return Status::InvalidArgument("co_units", "the lead unit cannot also be a co-handler")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("code", co);
  }
  return Status::Ok();
}

// --- effects, one per command ------------------------------------------------

Status ToDispatch(Ticket& t, CommandInput&, const Actor&, const Context&) {
  t.state = S::kToDispatch;
  return Status::Ok();
}

// A ticket closed at the desk keeps a category, so statistics count it: the one
// the command names (the operator's choice, or the service's top suggestion),
// else the appeal's own.
Status KeepCategory(Ticket& t, const CommandInput& in, const Context& ctx) {
  if (in.category.empty()) return Status::Ok();
  if (ctx.taxonomy && !ctx.taxonomy->Find(in.category))
    return Status::InvalidArgument("category", "unknown category " + in.category)
        .WithReason(Reasons::kUnknownCategory)
        .WithParam("code", in.category);
  t.appeal.category = in.category;
  return Status::Ok();
}

Status AnswerDirectly(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxContent));
  HOTLINE_RETURN_IF_ERROR(KeepCategory(t, in, ctx));
  t.reply_content = in.content;
  t.reply_result = ReplyResult::kExplained;
  t.kb_entry = in.kb_entry;
  t.state = S::kAnsweredDirectly;
  t.closed_at = ctx.now;
  return Status::Ok();
}

Status OutOfScope(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  HOTLINE_RETURN_IF_ERROR(KeepCategory(t, in, ctx));
  t.reply_content = in.reason;
  t.state = S::kOutOfScope;
  t.closed_at = ctx.now;
  return Status::Ok();
}

Status TransferEmergency(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  static const char* kNumbers[] = {"110", "119", "120", "122"};
  if (std::none_of(std::begin(kNumbers), std::end(kNumbers), [&](const char* n) { return in.number == n; }))
    return Status::InvalidArgument("number", "number must be one of 110, 119, 120, 122")
        .WithReason(Reasons::kInvalidValue);
  HOTLINE_RETURN_IF_ERROR(KeepCategory(t, in, ctx));
  t.emergency_number = in.number;
  t.state = S::kTransferred;
  t.closed_at = ctx.now;
  return Status::Ok();
}

Status Merge(Ticket& t, CommandInput& in, const Actor&, const Context&) {
  if (in.main_ticket <= 0) return Status::Required("main_ticket");
  if (in.main_ticket == t.id)
    return Status::InvalidArgument("main_ticket", "a ticket cannot be merged into itself")
        .WithReason(Reasons::kInvalidValue);
  t.main_ticket = in.main_ticket;
  t.state = S::kMerged;
  return Status::Ok();
}

// Whether the dispatch catalog's rule for the ticket's appeal names `unit` (lead or co-handler).
bool CatalogNames(const Ticket& t, const std::string& unit, const Context& ctx) {
  if (!ctx.catalog || !ctx.taxonomy || t.appeal.category.empty()) return false;
  auto rule = MatchCatalog(*ctx.catalog, *ctx.taxonomy, *ctx.units, t.appeal.category, t.appeal.area,
                           t.appeal.enterprise);
  return rule && (rule->lead == unit || std::find(rule->co_units.begin(), rule->co_units.end(), unit) !=
                                            rule->co_units.end());
}

// 二次派单: a unit sends the ticket further down its own subtree. Co-handlers see the
// caller's details, so a unit may name only units below it, co-handlers the ticket
// already has, or those the catalog names for the appeal.
Status CheckRedispatch(const Ticket& t, const CommandInput& in, const Actor& actor, const Context& ctx) {
  if (in.unit == actor.unit || !ctx.units->IsWithin(in.unit, actor.unit))
    return Status::InvalidArgument("unit", "a unit may dispatch only to units below it")
        .WithReason(Reasons::kOutsideUnitScope)
        .WithParam("unit", actor.unit);
  for (const std::string& co : in.co_units) {
    const bool kept = std::find(t.co_units.begin(), t.co_units.end(), co) != t.co_units.end();
    if (!ctx.units->IsWithin(co, actor.unit) && !kept && !CatalogNames(t, co, ctx))
      return Status::InvalidArgument("co_units", "unit " + actor.unit + " may not name " + co +
                                                     " as a co-handler: only units below it or those the "
                                                     "dispatch catalog names for this appeal")
          .WithReason(Reasons::kOutsideUnitScope)
          .WithParam("unit", co);
  }
  return Status::Ok();
}

// Drops the units of the return chain that lie within `unit` (they are bypassed
// when `unit` acts on the ticket itself): the chain then ends above `unit`.
void TrimChainTo(Ticket& t, const std::string& unit, const Context& ctx) {
  while (!t.dispatch_chain.empty() && ctx.units && ctx.units->IsWithin(t.dispatch_chain.back(), unit))
    t.dispatch_chain.pop_back();
}

void EndPause(Ticket& t) {
  t.paused_at = 0;
  t.pause_reason.reset();
}

// When the new co-units' opinions are due: the rules' reply limit from now, else
// Policy::co_reply_working_days (0 without a calendar). Computed once, recorded in
// the event (co_due_at) and taken from there on replay, like due_at.
void SetCoTasks(Ticket& t, CommandInput& in, const std::vector<std::string>& co_units, const Context& ctx) {
  const bool adds = std::any_of(co_units.begin(), co_units.end(), [&](const std::string& u) {
    return std::none_of(t.co_tasks.begin(), t.co_tasks.end(), [&](const CoTask& c) { return c.unit == u; });
  });
  if (adds && in.co_due_at == 0) {
    if (ctx.time_limits && ctx.work_time)
      in.co_due_at = ctx.work_time->DueAt(ctx.now, LimitOf(ctx.time_limits->Lookup(FactsOf(t.appeal)), DeadlineKind::kReply));
    else if (ctx.calendar)
      in.co_due_at = ctx.calendar->AddWorkingDays(ctx.now, ctx.policy.co_reply_working_days);
  }
  t.co_units = co_units;
  t.co_tasks = CarryCoTasks(t.co_tasks, co_units, ctx.now, in.co_due_at);
}

// The hotline sends the ticket to `unit` (with `co_units`): every clock starts afresh.
void HotlineDispatch(Ticket& t, CommandInput& in, const std::string& unit, const std::vector<std::string>& co_units,
                     const Context& ctx) {
  t.dispatch_chain.clear();
  EndPause(t);
  SetDeadline(t, in, HandlingDeadline(t, ctx));
  t.dispatched_at = ctx.now;
  t.lead_unit = unit;
  SetCoTasks(t, in, co_units, ctx);
  t.state = S::kDispatched;
}

Status Dispatch(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(ValidateUnits(in, ctx));
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.content, "content", kMaxReason));
  t.dispatch_note = in.content;  // 派单意见, for the unit that receives it
  if (t.reply_awaiting) ClearReply(t);  // sent elsewhere: the reply waiting here lapses
  if (actor.role != R::kUnitStaff) {
    HotlineDispatch(t, in, in.unit, in.co_units, ctx);
    return Status::Ok();
  }
  HOTLINE_RETURN_IF_ERROR(CheckRedispatch(t, in, actor, ctx));
  // A return goes back to the unit that dispatched, the actor's — also when it
  // redirects a ticket a unit below it had sent on (the units bypassed leave the chain).
  TrimChainTo(t, actor.unit, ctx);
  t.dispatch_chain.push_back(actor.unit);
  t.lead_unit = in.unit;
  SetCoTasks(t, in, in.co_units, ctx);
  t.state = S::kDispatched;
  return Status::Ok();
}

Status Sign(Ticket& t, CommandInput&, const Actor&, const Context&) {
  t.state = S::kInProgress;
  return Status::Ok();
}

Status Return(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  // Back to the unit that dispatched it down to the returning unit (a unit above the
  // lead returning on its behalf skips the units between).
  if (actor.role == R::kUnitStaff) TrimChainTo(t, actor.unit, ctx);
  if (!in.suggested_unit.empty()) {
    HOTLINE_RETURN_IF_ERROR(CheckUnitCode(in.suggested_unit, "suggested_unit", ctx));
    if (in.suggested_unit == t.lead_unit)
      return Status::InvalidArgument("suggested_unit", "the suggested unit is the one returning the ticket")
          .WithReason(Reasons::kInvalidValue);
  }
  t.returned_by = actor.role == R::kUnitStaff ? actor.unit : t.lead_unit;
  t.return_reason = in.reason;
  t.return_kind = in.return_kind;
  t.return_suggested_unit = in.suggested_unit;
  if (t.reply_awaiting) ClearReply(t);
  if (!t.dispatch_chain.empty()) {
    t.lead_unit = t.dispatch_chain.back();
    t.dispatch_chain.pop_back();
    t.state = S::kInProgress;
    return Status::Ok();
  }
  ++t.return_count;
  t.lead_unit.clear();
  t.co_units.clear();
  t.co_tasks.clear();
  t.state = S::kToDispatch;
  if (t.return_count >= ctx.policy.joint_review_after_returns) {  // ownership unclear: 联席会议 by rule
    t.state = S::kJointReview;
    JointReview review;
    review.reason = in.reason;
    review.sent_at = ctx.now;
    t.joint_reviews.push_back(std::move(review));
  }
  return Status::Ok();
}

Status RequestExtension(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  if (in.days < 1 || in.days > ctx.policy.max_extension_days)
    return Status::InvalidArgument("days", "days must be 1.." + std::to_string(ctx.policy.max_extension_days))
        .WithReason(Reasons::kInvalidValue)
        .WithParam("min", 1)
        .WithParam("max", ctx.policy.max_extension_days);
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  t.extension_pending = true;
  t.extension_days = in.days;
  t.extension_reason = in.reason;
  return Status::Ok();
}

Status DecideExtension(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  if (!in.approve.has_value())
    return Status::InvalidArgument("approve", "approve (true/false) is required").WithReason(Reasons::kRequired);
  if (!in.reason.empty()) HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));  // why, when given
  if (*in.approve) {
    const UnixSeconds base = std::max(t.due_at, ctx.now);
    SetDeadline(t, in, ctx.calendar ? ctx.calendar->AddWorkingDays(base, t.extension_days)
                                    : base + t.extension_days * 86400);
  }
  t.extension_pending = false;
  t.extension_days = 0;
  t.extension_reason.clear();
  return Status::Ok();
}

// The reply form's details: how and when the citizen was reached, who handled it.
Status CheckReplyDetails(const Ticket& t, const CommandInput& in, const Context& ctx) {
  if (in.contacted_at != 0) {
    if (in.contact_method == ContactMethod::kNotContacted)
      return Status::InvalidArgument("contacted_at", "a citizen not contacted has no contact time")
          .WithReason(Reasons::kInvalidValue);
    // Five minutes either way for the clocks of browsers and server to disagree.
    constexpr UnixSeconds kSkew = 300;
    if (in.contacted_at < t.created_at - kSkew || in.contacted_at > ctx.now + kSkew)
      return Status::InvalidArgument("contacted_at", "contacted_at must lie between the intake and now")
          .WithReason(Reasons::kInvalidValue);
  }
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.handler, "handler", kMaxCallerNameBytes));
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.handler_phone, "handler_phone", kMaxCallerPhoneBytes));
  for (char c : in.handler_phone)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' '))
      return Status::InvalidArgument("handler_phone", "handler_phone may hold digits, spaces, + and - only")
          .WithReason(Reasons::kInvalidValue);
  return Status::Ok();
}

// The reply travels one level up: the unit that dispatched the ticket down becomes
// the lead again and must accept the reply or send it back to `from`.
void PassReplyUp(Ticket& t, const std::string& from) {
  t.reply_from = from;
  t.reply_awaiting = true;
  t.lead_unit = t.dispatch_chain.back();
  t.dispatch_chain.pop_back();
  t.state = S::kInProgress;
}

Status Reply(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxContent));
  if (!in.result)
    return Status::InvalidArgument("result", "result must be resolved, explained or cannot_resolve")
        .WithReason(Reasons::kRequired);
  HOTLINE_RETURN_IF_ERROR(CheckReplyDetails(t, in, ctx));
  t.reply_content = in.content;
  t.reply_result = in.result;
  t.reply_unit = actor.role == R::kUnitStaff ? actor.unit : t.lead_unit;
  t.reply_contact = in.contact_method;
  t.reply_contacted_at = in.contacted_at;
  t.reply_handler = in.handler;
  t.reply_handler_phone = in.handler_phone;
  t.extension_pending = false;  // a reply answers the appeal: a pending request lapses
  t.extension_days = 0;
  t.extension_reason.clear();
  // A unit above the lead replying on its behalf answers for the units between.
  if (actor.role == R::kUnitStaff) TrimChainTo(t, actor.unit, ctx);
  if (!t.dispatch_chain.empty()) {
    PassReplyUp(t, t.reply_unit);  // 逐级审核: first to the unit that dispatched it
    return Status::Ok();
  }
  t.state = S::kReplied;
  return Status::Ok();
}

// The dispatching unit takes a lower unit's reply as its own: on up to the unit
// that dispatched to it, or, at the top of the chain, to the hotline's review.
Status AcceptReply(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.reason, "reason", kMaxReason));
  const std::string self = t.lead_unit;
  if (actor.role == R::kUnitStaff) TrimChainTo(t, actor.unit, ctx);
  if (!t.dispatch_chain.empty()) {
    PassReplyUp(t, self);
    return Status::Ok();
  }
  t.reply_awaiting = false;
  t.reply_from.clear();
  t.state = S::kReplied;
  return Status::Ok();
}

// The dispatching unit sends a lower unit's reply back to where it came from,
// which handles the ticket again (and answers to this unit once more).
Status RejectReply(Ticket& t, CommandInput& in, const Actor&, const Context&) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  const std::string back_to = t.reply_from;
  t.dispatch_chain.push_back(t.lead_unit);
  t.lead_unit = back_to;
  ClearReply(t);
  t.state = S::kInProgress;
  return Status::Ok();
}

Status Review(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  if (!in.accept.has_value())
    return Status::InvalidArgument("accept", "accept (true/false) is required").WithReason(Reasons::kRequired);
  if (*in.accept && t.appeal.no_callback) {  // 诉求人提出无需回访: closed on the accepted reply
    t.state = S::kClosed;
    t.closed_at = ctx.now;
  } else if (*in.accept) {
    t.state = S::kToCallback;
  } else {
    HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
    t.state = S::kInProgress;
  }
  return Status::Ok();
}

Status Callback(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  if (in.unreachable) {
    if (in.satisfaction || in.resolved || in.dissatisfaction)
      return Status::InvalidArgument("unreachable", "an unreachable callback records no evaluation")
          .WithReason(Reasons::kInvalidValue);
    if (!in.content.empty()) HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxReason));
    ++t.callback_attempts;
    return Status::Ok();
  }
  if (!in.satisfaction)
    return Status::InvalidArgument("satisfaction", "satisfaction must be satisfied, basically_satisfied or unsatisfied")
        .WithReason(Reasons::kRequired);
  if (!in.resolved.has_value())
    return Status::InvalidArgument("resolved", "resolved (true/false) is required").WithReason(Reasons::kRequired);
  // The callback agent asks why; a citizen evaluating online may leave it out.
  if (*in.satisfaction == Satisfaction::kUnsatisfied && !in.dissatisfaction && actor.role != R::kCitizen)
    return Status::InvalidArgument("dissatisfaction",
                                   "an unsatisfied citizen's reason is required: unresolved, attitude, off_topic, "
                                   "slow, no_contact or other")
        .WithReason(Reasons::kRequired);
  if (*in.satisfaction == Satisfaction::kSatisfied && in.dissatisfaction)
    return Status::InvalidArgument("dissatisfaction", "a satisfied citizen has no reason of dissatisfaction")
        .WithReason(Reasons::kInvalidValue);
  if (!in.content.empty()) HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxReason));
  ++t.callback_attempts;
  t.satisfaction = in.satisfaction;
  t.resolved = in.resolved;
  t.dissatisfaction = in.dissatisfaction;
  t.callback_comment = in.content;
  // Unsatisfied or unresolved never closes the ticket: the supervisor decides
  // (reopen for 二次办理, or close with a recorded reason).
  if (*in.satisfaction == Satisfaction::kUnsatisfied || !*in.resolved) {
    t.state = S::kUnsatisfied;
  } else {
    t.state = S::kClosed;
    t.closed_at = ctx.now;
  }
  return Status::Ok();
}

Status Reopen(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  ++t.reopen_count;
  ClearReply(t);
  t.satisfaction.reset();
  t.resolved.reset();
  t.dissatisfaction.reset();
  t.callback_comment.clear();
  t.callback_attempts = 0;
  SetDeadline(t, in, HandlingDeadline(t, ctx));
  t.state = S::kInProgress;
  return Status::Ok();
}

Status Close(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  if (t.state == S::kToCallback && t.callback_attempts < ctx.policy.close_after_unreachable)
    return Status::Conflict("the citizen must be tried " + std::to_string(ctx.policy.close_after_unreachable) +
                            " times before closing without a callback")
        .WithReason(Reasons::kCallbackAttemptsRequired)
        .WithParam("attempts", ctx.policy.close_after_unreachable);
  t.state = S::kClosed;
  t.closed_at = ctx.now;
  return Status::Ok();
}

// A file joins the ticket (the store keeps its bytes in the same transaction).
Status Attach(Ticket&, CommandInput& in, const Actor&, const Context&) {
  if (in.attachment.empty())
    return Status::InvalidArgument("attachment", "attachment id is required").WithReason(Reasons::kRequired);
  return RequireText(in.content, "name", kMaxFileNameBytes);
}

// Removes the caller's name, phone, address and point after the retention
// period; the area, category and everything statistics read stay.
Status Anonymise(Ticket& t, CommandInput&, const Actor&, const Context&) {
  t.appeal.caller = {};
  t.appeal.address.clear();
  t.appeal.location.reset();
  return Status::Ok();
}

// The highest supervision level the actor may open or close: a supervisor's unit's
// tier (supervision.h); the center's supervisors, admin and `system` every level.
int TierOf(const Actor& actor, const Context& ctx) {
  if (actor.role != R::kSupervisor || !ctx.units) return ctx.policy.max_level;
  return std::min(SupervisionTier(actor.unit, *ctx.units), ctx.policy.max_level);
}

void RefreshSupervisionLevel(Ticket& t) {
  t.supervision_level = OpenSupervisionLevel(t);
  t.priority = PriorityOf(t);
}

// Opens a supervision record at `level` by the actor (its id is this event's seq);
// the caller fills in what the unit must do.
Supervision& OpenSupervision(Ticket& t, int level, const Actor& actor, const Context& ctx) {
  Supervision s;
  s.id = t.version + 1;
  s.level = level;
  s.by = actor.username;
  s.unit = actor.role == R::kSupervisor ? actor.unit : "";
  s.opened_at = ctx.now;
  t.supervisions.push_back(std::move(s));
  return t.supervisions.back();
}

// 督办: a new supervision at `level` (at most the supervisor's tier), naming who
// follows the case, what the unit must do and, optionally, by when it answers.
Status Supervise(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireLevel(in.level, ctx));
  if (const int tier = TierOf(actor, ctx); in.level > tier)
    return Status::InvalidArgument("level", "a supervisor of " + actor.unit + " supervises at levels up to " +
                                                std::to_string(tier))
        .WithReason(Reasons::kLevelAboveTier)
        .WithParam("max", tier);
  HOTLINE_RETURN_IF_ERROR(RequireText(in.instructions, "instructions", kMaxReason));
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.assignee, "assignee", kMaxCallerNameBytes));
  if (in.due_at < 0 || (in.due_at != 0 && in.due_at <= ctx.now))
    return Status::InvalidArgument("due_at", "due_at must be a time after now (seconds since 1970)")
        .WithReason(Reasons::kInvalidValue);
  Supervision& s = OpenSupervision(t, in.level, actor, ctx);
  s.assignee = in.assignee;
  s.instructions = in.instructions;
  s.due_at = in.due_at;
  RefreshSupervisionLevel(t);
  return Status::Ok();
}

// 批示: a leader's instruction on the case, recorded by a supervisor and tracked like
// a city-level supervision until the unit answers it and a supervisor closes it.
Status Instruct(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxReason));
  Supervision& s = OpenSupervision(t, ctx.policy.max_level, actor, ctx);
  s.instruction = true;
  s.instructions = in.content;
  RefreshSupervisionLevel(t);
  return Status::Ok();
}

// The lead unit answers every open supervision still waiting for it.
Status AnswerSupervision(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxReason));
  for (Supervision& s : t.supervisions)
    if (IsOpen(s) && !s.answered_at) {
      s.answered_at = ctx.now;
      s.answered_by = actor.username;
      s.answer = in.content;
    }
  return Status::Ok();
}

// 销号: closes the open supervisions at or below the actor's tier, each answered by
// the unit first (unless the ticket is already finished).
Status CloseSupervision(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.note, "note", kMaxReason));
  const int tier = TierOf(actor, ctx);
  int closable = 0;
  for (const Supervision& s : t.supervisions) {
    if (!IsOpen(s) || s.level > tier) continue;
    if (!s.answered_at && !IsTerminal(t.state))
      return Status::Conflict("the unit has not answered the supervision yet").WithReason(Reasons::kSupervisionUnanswered);
    ++closable;
  }
  if (closable == 0)
    return Status::PermissionDenied("a supervisor of " + actor.unit + " closes supervisions up to level " +
                                    std::to_string(tier))
        .WithReason(Reasons::kLevelAboveTier)
        .WithParam("max", tier);
  for (Supervision& s : t.supervisions)
    if (IsOpen(s) && s.level <= tier) {
      s.closed_at = ctx.now;
      s.closed_by = actor.username;
      s.close_note = in.note;
    }
  RefreshSupervisionLevel(t);
  return Status::Ok();
}

// 提级: the case goes up to a higher authority (named in `to`, e.g. 区政府), at a level.
Status Escalate(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireLevel(in.level, ctx));
  HOTLINE_RETURN_IF_ERROR(RequireText(in.to, "to", kMaxReferenceNameBytes));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(in.to, "to"));
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  t.escalated_to = in.to;
  t.escalation_level = in.level;
  t.priority = PriorityOf(t);
  return Status::Ok();
}

// 修正: the dispatcher corrects what triage recorded — category, area, urgency —
// before or while the ticket is handled; the event keeps the old values' successors.
Status Edit(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  if (in.category.empty() && in.area.empty() && !in.urgent.has_value() && !in.urgency.has_value())
    return Status::InvalidArgument("category", "edit changes at least one of category, area and urgency")
        .WithReason(Reasons::kRequired);
  if (in.urgent.has_value() && in.urgency.has_value() && *in.urgent != (*in.urgency == Urgency::kUrgent))
    return Status::InvalidArgument("urgency", "urgency and urgent disagree").WithReason(Reasons::kInvalidValue);
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.reason, "reason", kMaxReason));
  HOTLINE_RETURN_IF_ERROR(KeepCategory(t, in, ctx));
  if (!in.area.empty()) {
    HOTLINE_RETURN_IF_ERROR(CheckUnitCode(in.area, "area", ctx));
    t.appeal.area = in.area;
  }
  if (in.urgency) {
    t.appeal.urgency = *in.urgency;
  } else if (in.urgent) {
    t.appeal.urgency = *in.urgent ? Urgency::kUrgent : Urgency::kNormal;
  }
  t.priority = PriorityOf(t);
  return Status::Ok();
}

// The unit records how and when it reached the citizen (2110: within 2 hours);
// the contact deadline is met at that time. What was said is in the event.
Status Contact(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  if (!in.contact_method || *in.contact_method == ContactMethod::kNotContacted)
    return Status::InvalidArgument("contact_method", "contact_method must say how the citizen was reached")
        .WithReason(Reasons::kRequired);
  HOTLINE_RETURN_IF_ERROR(CheckReplyDetails(t, in, ctx));
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.content, "content", kMaxReason));
  return Status::Ok();
}

// The unit stops the ticket's clock: a reason from the list, what it waits for in
// `content`. deadline_tracking.h says what happens to each deadline.
Status Pause(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  const std::optional<PauseReason> reason = ParsePauseReason(in.reason);
  if (!reason) {
    std::string names;
    for (std::string_view n : PauseReasonNames()) names += (names.empty() ? "" : ", ") + std::string(n);
    return Status::InvalidArgument("reason", "reason must be one of " + names)
        .WithReason(in.reason.empty() ? Reasons::kRequired : Reasons::kInvalidValue)
        .WithParam("allowed", names);
  }
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.content, "content", kMaxReason));
  t.paused_at = ctx.now;
  t.pause_reason = *reason;
  return Status::Ok();
}

// The clock runs again. The handling deadline keeps what it had left at the pause,
// in its limit's unit (without time-limit rules: the natural time paused is added).
Status Resume(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.content, "content", kMaxReason));
  UnixSeconds due = t.due_at;
  if (t.due_at && ctx.time_limits && ctx.work_time) {
    const LimitUnit unit = LimitOf(ctx.time_limits->Lookup(FactsOf(t.appeal)), DeadlineKind::kHandle).unit;
    due = ResumedDue(t.due_at, t.paused_at, ctx.now, unit, *ctx.work_time);
  } else if (t.due_at) {
    due = t.due_at + std::max<UnixSeconds>(0, ctx.now - t.paused_at);
  }
  SetDeadline(t, in, due);
  EndPause(t);
  return Status::Ok();
}

// The scheduler's notices (service/deadline_scheduler.h), by the actor `system`:
// `warn` once a deadline's warn_at has passed while it is still pending, `overdue`
// once its due instant has passed without it being met. Each is given once per
// deadline (deadline_tracking.h marks it); a notice that no longer applies (met,
// paused, moved, already given) is a Conflict, which the scheduler skips.
Result<const Deadline*> NoticeDeadline(const Ticket& t, const CommandInput& in) {
  if (!in.deadline) return Status::Required("deadline");
  const Deadline* d = FindDeadline(t.deadlines, *in.deadline);
  if (!d)
    return Status::Conflict("the ticket has no " + std::string(Name(*in.deadline)) + " deadline")
        .WithReason(Reasons::kDeadlineNotDue);
  return d;
}

Status Warn(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_ASSIGN_OR_RETURN(const Deadline* d, NoticeDeadline(t, in));
  if (d->state != DeadlineState::kPending || d->warned || d->warn_at == 0 || d->warn_at > ctx.now ||
      (d->due_at && d->due_at <= ctx.now))
    return Status::Conflict("no warning is due for the " + std::string(Name(d->kind)) + " deadline")
        .WithReason(Reasons::kDeadlineNotDue);
  return Status::Ok();
}

// An overdue handling deadline opens a supervision by rule (Policy::auto_supervision_level)
// unless one at that level or higher is open.
Status Overdue(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_ASSIGN_OR_RETURN(const Deadline* d, NoticeDeadline(t, in));
  const bool running = d->state == DeadlineState::kPending || d->state == DeadlineState::kOverdue;
  if (!running || d->overdue_announced || d->due_at == 0 || d->due_at > ctx.now)
    return Status::Conflict("the " + std::string(Name(d->kind)) + " deadline is not overdue")
        .WithReason(Reasons::kDeadlineNotDue);
  if (d->kind == DeadlineKind::kHandle && ctx.policy.auto_supervision_level > 0 &&
      t.supervision_level < ctx.policy.auto_supervision_level) {
    // No instructions: the console words a supervision by `system` (办理超期，自动督办).
    OpenSupervision(t, std::min(ctx.policy.auto_supervision_level, ctx.policy.max_level), actor, ctx);
    RefreshSupervisionLevel(t);
  }
  return Status::Ok();
}

// A co-unit's opinion is late (co_tasks.h): every co-task past its due time
// without an opinion is announced once; the unit's staff see it live.
Status CoOverdue(Ticket& t, CommandInput&, const Actor&, const Context& ctx) {
  int announced = 0;
  for (CoTask& c : t.co_tasks)
    if (c.due_at != 0 && c.due_at <= ctx.now && c.replied_at == 0 && !c.overdue_announced) {
      c.overdue_announced = true;
      ++announced;
    }
  if (announced == 0)
    return Status::Conflict("no co-unit's opinion is overdue").WithReason(Reasons::kDeadlineNotDue);
  return Status::Ok();
}

// 催办: the citizen asks again about an open ticket (from 来电弹屏); the units see
// how often and when last. What the citizen said is in the event.
Status Urge(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.content, "content", kMaxReason));
  ++t.urge_count;
  t.last_urged_at = ctx.now;
  return Status::Ok();
}

// 补充: the citizen adds information to an open ticket instead of a new appeal; the
// text stays in the event, which the handling unit reads in the timeline.
Status Supplement(Ticket& t, CommandInput& in, const Actor&, const Context&) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxContent));
  ++t.supplement_count;
  return Status::Ok();
}

// --- co-handlers, 吹哨 and 联席会议 (issue 10) -----------------------------------

// The co-tasks the actor answers for that wait for `step` (its unit's; admin: all).
Result<std::vector<std::size_t>> ActorCoTasks(const Ticket& t, CoTaskStep step, const Actor& actor,
                                              const Context& ctx) {
  const std::string unit = actor.role == R::kUnitStaff ? actor.unit : "";
  std::vector<std::size_t> pending = PendingCoTasks(t, step, unit, *ctx.units);
  if (pending.empty())
    return Status::Conflict(step == CoTaskStep::kSign ? "no co-handler task waits for a signature"
                                                      : "no co-handler task waits for an opinion")
        .WithReason(Reasons::kNoCoTask);
  return pending;
}

// A co-unit signs for its part of the work.
Status CoSign(Ticket& t, CommandInput&, const Actor& actor, const Context& ctx) {
  HOTLINE_ASSIGN_OR_RETURN(std::vector<std::size_t> pending, ActorCoTasks(t, CoTaskStep::kSign, actor, ctx));
  for (std::size_t i : pending) {
    t.co_tasks[i].signed_at = ctx.now;
    t.co_tasks[i].signed_by = actor.username;
  }
  return Status::Ok();
}

// A co-unit gives its opinion (协办意见) to the lead unit; it signs with it if it had not.
Status CoReply(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.content, "content", kMaxContent));
  HOTLINE_ASSIGN_OR_RETURN(std::vector<std::size_t> pending, ActorCoTasks(t, CoTaskStep::kReply, actor, ctx));
  for (std::size_t i : pending) {
    CoTask& task = t.co_tasks[i];
    if (!task.signed_at) {
      task.signed_at = ctx.now;
      task.signed_by = actor.username;
    }
    task.replied_at = ctx.now;
    task.replied_by = actor.username;
    task.reply = in.content;
  }
  return Status::Ok();
}

// Checks a list of co-units: known, not the lead, no repeats.
Status CheckCoUnits(const std::vector<std::string>& co_units, const std::string& lead, const char* field,
                    const Context& ctx) {
  for (std::size_t i = 0; i < co_units.size(); ++i) {
    HOTLINE_RETURN_IF_ERROR(CheckUnitCode(co_units[i], field, ctx));
    if (co_units[i] == lead)
      return Status::InvalidArgument(field, "the lead unit cannot also be a co-handler")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("code", co_units[i]);
    if (std::find(co_units.begin(), co_units.begin() + static_cast<std::ptrdiff_t>(i), co_units[i]) !=
        co_units.begin() + static_cast<std::ptrdiff_t>(i))
      return Status::InvalidArgument(field, co_units[i] + " is named twice")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("code", co_units[i]);
  }
  return Status::Ok();
}

// 吹哨报到: the lead unit (a street) calls in a unit above it (its district), which
// then coordinates and may add co-units.
Status BlowWhistle(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  if (in.to_unit.empty()) return Status::Required("to_unit");
  HOTLINE_RETURN_IF_ERROR(CheckUnitCode(in.to_unit, "to_unit", ctx));
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  const std::string from = actor.role == R::kUnitStaff ? actor.unit : t.lead_unit;
  if (in.to_unit == from || !ctx.units->IsWithin(from, in.to_unit))
    return Status::InvalidArgument("to_unit", "a whistle calls in a unit above " + from)
        .WithReason(Reasons::kInvalidValue)
        .WithParam("unit", from);
  t.whistle = Whistle{from, in.to_unit, in.reason, actor.username, ctx.now};
  t.priority = PriorityOf(t);
  return Status::Ok();
}

// The unit a whistle called in adds co-units (each with its own task).
Status AddCoUnits(Ticket& t, CommandInput& in, const Actor&, const Context& ctx) {
  if (in.co_units.empty()) return Status::Required("co_units");
  HOTLINE_RETURN_IF_ERROR(CheckCoUnits(in.co_units, t.lead_unit, "co_units", ctx));
  HOTLINE_RETURN_IF_ERROR(OptionalText(in.content, "content", kMaxReason));
  std::vector<std::string> co_units = t.co_units;
  for (const std::string& u : in.co_units) {
    if (std::find(co_units.begin(), co_units.end(), u) != co_units.end())
      return Status::InvalidArgument("co_units", u + " is already a co-handler")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("code", u);
    co_units.push_back(u);
  }
  SetCoTasks(t, in, co_units, ctx);
  return Status::Ok();
}

// A dispatcher (ownership dispute) or the lead unit (a long-running case) sends the
// ticket to 联席会议 directly; the units' clocks stop (deadline_tracking.h).
Status ToJointReview(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  HOTLINE_RETURN_IF_ERROR(RequireText(in.reason, "reason", kMaxReason));
  JointReview review;
  review.sent_by = actor.username;
  review.reason = in.reason;
  review.sent_at = ctx.now;
  t.joint_reviews.push_back(std::move(review));
  if (t.reply_awaiting) ClearReply(t);
  t.lead_unit.clear();
  t.co_units.clear();
  t.co_tasks.clear();
  t.dispatch_chain.clear();
  t.state = S::kJointReview;
  return Status::Ok();
}

// The meeting's decision: who leads, who helps, who was there, the minutes; the
// ticket goes to the decided units with fresh clocks. With catalog_change the
// service also adds the decision to the dispatch catalog as an exception rule
// (catalog.h ExceptionRuleFor), which needs the appeal's category.
Status DecideJointReview(Ticket& t, CommandInput& in, const Actor& actor, const Context& ctx) {
  if (in.lead_unit.empty()) return Status::Required("lead_unit");
  HOTLINE_RETURN_IF_ERROR(CheckUnitCode(in.lead_unit, "lead_unit", ctx));
  HOTLINE_RETURN_IF_ERROR(CheckCoUnits(in.co_units, in.lead_unit, "co_units", ctx));
  if (in.participants.empty()) return Status::Required("participants");
  if (in.participants.size() > kMaxParticipants)
    return Status::InvalidArgument("participants", "at most " + std::to_string(kMaxParticipants) + " participants")
        .WithReason(Reasons::kTooMany)
        .WithParam("max", kMaxParticipants);
  for (const std::string& p : in.participants) {
    HOTLINE_RETURN_IF_ERROR(RequireText(p, "participants", kMaxReferenceNameBytes));
    HOTLINE_RETURN_IF_ERROR(CheckFreeText(p, "participants"));
  }
  HOTLINE_RETURN_IF_ERROR(RequireText(in.minutes, "minutes", kMaxContent));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(in.minutes, "minutes"));
  const bool catalog_change = in.catalog_change.value_or(false);
  if (catalog_change && t.appeal.category.empty())
    return Status::InvalidArgument("catalog_change", "the appeal has no category for a catalog rule: edit it first")
        .WithReason(Reasons::kInvalidValue);
  if (t.joint_reviews.empty() || t.joint_reviews.back().decided_at)  // sent before reviews were recorded
    t.joint_reviews.push_back(JointReview{});
  JointReview& review = t.joint_reviews.back();
  review.decided_at = ctx.now;
  review.decided_by = actor.username;
  review.lead_unit = in.lead_unit;
  review.co_units = in.co_units;
  review.participants = in.participants;
  review.minutes = in.minutes;
  review.catalog_change = catalog_change;
  t.dispatch_note = in.minutes;
  HotlineDispatch(t, in, in.lead_unit, in.co_units, ctx);
  return Status::Ok();
}

// --- the command table ---------------------------------------------------------

constexpr std::initializer_list<S> kOpen = {S::kTriage,     S::kToDispatch, S::kJointReview, S::kDispatched,
                                            S::kInProgress, S::kReplied,    S::kToCallback,  S::kUnsatisfied};

// States in which a lead unit exists, open or finished (answer-supervision).
constexpr std::initializer_list<S> kHandledOrFinished = {S::kDispatched, S::kInProgress, S::kReplied,
                                                         S::kToCallback, S::kUnsatisfied, S::kClosed};
constexpr std::initializer_list<S> kAnyState = {
    S::kTriage,     S::kAnsweredDirectly, S::kOutOfScope, S::kTransferred, S::kMerged, S::kToDispatch,
    S::kJointReview, S::kDispatched,     S::kInProgress, S::kReplied,     S::kToCallback, S::kUnsatisfied,
    S::kClosed};

const CommandSpec kCommands[] = {
    {"to-dispatch", {S::kTriage}, {R::kOperator}, Scope::kNone, {}, ToDispatch},
    {"answer-directly", {S::kTriage}, {R::kOperator}, Scope::kNone, {F::kContent, F::kKbEntry, F::kCategory},
     AnswerDirectly,
     CommandEntry::kRequest, CommandPreCheck::kKbEntryUsable},
    {"out-of-scope", {S::kTriage}, {R::kOperator}, Scope::kNone, {F::kReason, F::kCategory}, OutOfScope},
    {"transfer-emergency", {S::kTriage, S::kToDispatch}, {R::kOperator, R::kDispatcher}, Scope::kNone,
     {F::kNumber, F::kCategory}, TransferEmergency},
    {"merge", {S::kTriage, S::kToDispatch}, {R::kOperator, R::kDispatcher}, Scope::kNone, {F::kMainTicket}, Merge},
    {"dispatch",
     {S::kTriage, S::kToDispatch, S::kJointReview, S::kDispatched, S::kInProgress},
     {R::kOperator, R::kDispatcher, R::kSupervisor, R::kUnitStaff},
     Scope::kLeadUnit,
     {F::kUnit, F::kCoUnits, F::kContent},
     Dispatch,
     CommandEntry::kRequest,
     CommandPreCheck::kNone,
     "content",
     {{R::kOperator, {S::kTriage}}}},  // an operator dispatches only at intake
    {"sign", {S::kDispatched}, {R::kUnitStaff}, Scope::kLeadUnit, {}, Sign},
    {"return", {S::kDispatched, S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit,
     {F::kReason, F::kReturnKind, F::kSuggestedUnit}, Return},
    {"request-extension", {S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit, {F::kDays, F::kReason},
     RequestExtension, CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kNoExtensionPending},
    {"decide-extension", {S::kDispatched, S::kInProgress, S::kReplied}, {R::kSupervisor}, Scope::kNone,
     {F::kApprove, F::kReason}, DecideExtension, CommandEntry::kRequest, CommandPreCheck::kNone, "content", {},
     Condition::kExtensionPending},
    {"reply", {S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit,
     {F::kContent, F::kResult, F::kContactMethod, F::kContactedAt, F::kHandler, F::kHandlerPhone}, Reply,
     CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kNoReplyAwaiting},
    {"contact", {S::kDispatched, S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit,
     {F::kContactMethod, F::kContactedAt, F::kContent}, Contact},
    // The clock stops while the unit waits for the citizen, an extension decision or a third party.
    {"pause", {S::kDispatched, S::kInProgress}, {R::kUnitStaff, R::kSupervisor}, Scope::kLeadUnit,
     {F::kReason, F::kContent}, Pause, CommandEntry::kRequest, CommandPreCheck::kNone, "content", {},
     Condition::kNotPaused},
    {"resume", {S::kDispatched, S::kInProgress}, {R::kUnitStaff, R::kSupervisor}, Scope::kLeadUnit, {F::kContent},
     Resume, CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kPaused},
    // 逐级审核: the unit that dispatched down decides on the reply that came up.
    {"accept-reply", {S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit, {F::kReason}, AcceptReply,
     CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kReplyAwaiting},
    {"reject-reply", {S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit, {F::kReason}, RejectReply,
     CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kReplyAwaiting},
    {"review", {S::kReplied}, {R::kDispatcher, R::kSupervisor, R::kCallbackAgent}, Scope::kNone,
     {F::kAccept, F::kReason}, Review},
    // The citizen evaluates online through the portal (the API checks the query code).
    {"callback", {S::kToCallback}, {R::kCallbackAgent, R::kSupervisor, R::kCitizen}, Scope::kNone,
     {F::kUnreachable, F::kSatisfaction, F::kResolved, F::kDissatisfaction, F::kContent}, Callback,
     CommandEntry::kRequest, CommandPreCheck::kNone, "content"},
    // An unsatisfied or unresolved callback is the supervisor's: 二次办理 (reopen) or a
    // close with its reason; the callback agent closes only after unanswered calls.
    {"reopen", {S::kUnsatisfied}, {R::kSupervisor}, Scope::kNone, {F::kReason}, Reopen},
    {"close", {S::kUnsatisfied, S::kToCallback}, {R::kCallbackAgent, R::kSupervisor}, Scope::kNone, {F::kReason},
     Close, CommandEntry::kRequest, CommandPreCheck::kNone, "content", {{R::kCallbackAgent, {S::kToCallback}}}},
    {"edit",
     {S::kTriage, S::kToDispatch, S::kJointReview, S::kDispatched, S::kInProgress},
     {R::kOperator, R::kDispatcher, R::kSupervisor},
     Scope::kNone,
     {F::kCategory, F::kArea, F::kUrgent, F::kUrgency, F::kReason},
     Edit,
     CommandEntry::kRequest,
     CommandPreCheck::kNone,
     "content",
     {{R::kOperator, {S::kTriage}}}},  // an operator corrects only at intake
    // From 来电弹屏: the caller's open ticket, instead of a new one.
    {"urge", kOpen, {R::kOperator, R::kDispatcher, R::kSupervisor}, Scope::kNone, {F::kContent}, Urge},
    {"supplement", kOpen, {R::kOperator, R::kDispatcher}, Scope::kNone, {F::kContent}, Supplement},
    // Three-level supervision (supervision.h): a supervisor opens one, the lead unit
    // answers it, a supervisor of at least its level closes it (销号), after the ticket too.
    {"supervise", kOpen, {R::kSupervisor}, Scope::kNone, {F::kLevel, F::kAssignee, F::kInstructions, F::kDueAt},
     Supervise},
    {"answer-supervision", kHandledOrFinished, {R::kUnitStaff}, Scope::kLeadUnit, {F::kContent}, AnswerSupervision,
     CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kSupervisionUnanswered},
    {"close-supervision", kAnyState, {R::kSupervisor}, Scope::kNone, {F::kNote}, CloseSupervision,
     CommandEntry::kRequest, CommandPreCheck::kNone, "content", {}, Condition::kSupervisionOpen},
    {"escalate", kOpen, {R::kSupervisor, R::kDispatcher}, Scope::kNone, {F::kLevel, F::kTo, F::kReason}, Escalate},
    // 领导批示: recorded by the center's supervisors (a district's supervisor records only its own leaders'
    // instructions on its own tickets, like any of its commands).
    {"instruct", kOpen, {R::kSupervisor}, Scope::kNone, {F::kContent}, Instruct},
    // Unit staff may attach to any ticket they can see (co-handlers too: the service checks visibility);
    // the citizen adds photos through the portal (which checks the query code and that it is in triage).
    {"attach", kOpen, {R::kOperator, R::kDispatcher, R::kUnitStaff, R::kSupervisor, R::kCallbackAgent, R::kCitizen},
     Scope::kNone,
     {F::kAttachment, F::kContent}, Attach, CommandEntry::kUpload, CommandPreCheck::kNone, "name"},
    // Co-handlers (协办): each co-unit signs for its part and gives its opinion by its own deadline.
    {"co-sign", {S::kDispatched, S::kInProgress}, {R::kUnitStaff}, Scope::kCoUnit, {}, CoSign},
    {"co-reply", {S::kDispatched, S::kInProgress}, {R::kUnitStaff}, Scope::kCoUnit, {F::kContent}, CoReply},
    // 吹哨报到: the lead street calls in its district, which may then add co-units.
    {"whistle", {S::kDispatched, S::kInProgress}, {R::kUnitStaff}, Scope::kLeadUnit, {F::kToUnit, F::kReason},
     BlowWhistle},
    {"add-co-units", {S::kDispatched, S::kInProgress}, {R::kUnitStaff}, Scope::kWhistled, {F::kCoUnits, F::kContent},
     AddCoUnits},
    // 联席会议: besides the automatic route after N returns, a dispatcher (ownership dispute)
    // or the lead unit (a long-running case) sends the ticket there; the meeting decides.
    {"to-joint-review", {S::kToDispatch, S::kDispatched, S::kInProgress}, {R::kDispatcher, R::kUnitStaff},
     Scope::kLeadUnit, {F::kReason}, ToJointReview},
    {"decide-joint-review", {S::kJointReview}, {R::kDispatcher, R::kSupervisor}, Scope::kNone,
     {F::kLeadUnit, F::kCoUnits, F::kParticipants, F::kMinutes, F::kCatalogChange}, DecideJointReview,
     CommandEntry::kRequest, CommandPreCheck::kNone, "minutes"},
    // The scheduler's notices (actor `system`, which acts as admin): never per request.
    {"warn", kOpen, {}, Scope::kNone, {F::kDeadline}, Warn, CommandEntry::kScheduler},
    {"overdue", kOpen, {}, Scope::kNone, {F::kDeadline}, Overdue, CommandEntry::kScheduler},
    {"co-overdue", {S::kDispatched, S::kInProgress}, {}, Scope::kNone, {}, CoOverdue, CommandEntry::kScheduler},
    // Retention: only `hotline anonymise` (the store redacts the intake event in the same transaction).
    {"anonymise", {S::kClosed, S::kAnsweredDirectly, S::kOutOfScope, S::kTransferred, S::kMerged}, {R::kAdmin},
     Scope::kNone, {}, Anonymise, CommandEntry::kRetention},
};

const CommandSpec* FindCommand(std::string_view name) {
  for (const CommandSpec& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

Status CheckAuthority(const CommandSpec& spec, const Ticket& t, const Actor& actor, const Context& ctx) {
  if (actor.role == R::kAdmin) return Status::Ok();
  if (!Contains(spec.roles, actor.role))
    return Status::PermissionDenied("role " + std::string(Name(actor.role)) + " may not " + std::string(spec.name))
        .WithReason(Reasons::kRoleNotAllowed)
        .WithParam("role", std::string(Name(actor.role)))
        .WithParam("command", std::string(spec.name));
  if (actor.role == R::kUnitStaff && spec.scope == Scope::kLeadUnit) {
    if (t.lead_unit.empty() || !ctx.units->IsWithin(t.lead_unit, actor.unit))
      return Status::PermissionDenied("ticket is not handled by unit " + actor.unit)
          .WithReason(Reasons::kOutsideUnitScope)
          .WithParam("unit", actor.unit);
  }
  if (actor.role == R::kUnitStaff && spec.scope == Scope::kCoUnit && !IsCoHandler(t, actor.unit, *ctx.units))
    return Status::PermissionDenied("unit " + actor.unit + " is not a co-handler of the ticket")
        .WithReason(Reasons::kOutsideUnitScope)
        .WithParam("unit", actor.unit);
  if (actor.role == R::kUnitStaff && spec.scope == Scope::kWhistled &&
      !(t.whistle && ctx.units->IsWithin(t.whistle->to_unit, actor.unit)))
    return Status::PermissionDenied("no whistle of the ticket called in unit " + actor.unit)
        .WithReason(Reasons::kOutsideUnitScope)
        .WithParam("unit", actor.unit);
  if (actor.role == R::kSupervisor && ctx.units && !SupervisesTicket(t, actor.unit, *ctx.units))
    return Status::PermissionDenied("ticket is outside the supervision of unit " + actor.unit)
        .WithReason(Reasons::kOutsideUnitScope)
        .WithParam("unit", actor.unit);
  for (const RoleLimit& limit : spec.limits)
    if (limit.role == actor.role && !Contains(limit.only_in, t.state))
      return Status::PermissionDenied("role " + std::string(Name(actor.role)) + " may " + std::string(spec.name) +
                                      " only in state " + std::string(Name(*limit.only_in.begin())))
          .WithReason(Reasons::kRoleNotAllowed)
          .WithParam("role", std::string(Name(actor.role)))
          .WithParam("command", std::string(spec.name));
  return Status::Ok();
}

Status CheckState(const CommandSpec& spec, const Ticket& ticket) {
  if (!Contains(spec.from, ticket.state))
    return Status::Conflict(std::string(spec.name) + " is not allowed in state " + std::string(Name(ticket.state)))
        .WithReason(Reasons::kStateNotAllowed)
        .WithParam("command", std::string(spec.name))
        .WithParam("state", std::string(Name(ticket.state)));
  if (spec.condition == Condition::kExtensionPending && !ticket.extension_pending)
    return Status::Conflict("no extension request is pending").WithReason(Reasons::kNoExtensionPending);
  if (spec.condition == Condition::kNoExtensionPending && ticket.extension_pending)
    return Status::Conflict("an extension request is already pending").WithReason(Reasons::kExtensionPending);
  if (spec.condition == Condition::kReplyAwaiting && !ticket.reply_awaiting)
    return Status::Conflict("no reply of a unit below is waiting for acceptance")
        .WithReason(Reasons::kNoReplyAwaiting);
  if (spec.condition == Condition::kPaused && !ticket.paused_at)
    return Status::Conflict("the ticket's clock is not paused").WithReason(Reasons::kNotPaused);
  if (spec.condition == Condition::kNotPaused && ticket.paused_at)
    return Status::Conflict("the ticket's clock is already paused").WithReason(Reasons::kPaused);
  if (spec.condition == Condition::kSupervisionUnanswered && UnansweredSupervisions(ticket) == 0)
    return Status::Conflict("no supervision waits for the unit's answer").WithReason(Reasons::kNoOpenSupervision);
  if (spec.condition == Condition::kSupervisionOpen && OpenSupervisionLevel(ticket) == 0)
    return Status::Conflict("the ticket has no open supervision").WithReason(Reasons::kNoOpenSupervision);
  if (spec.condition == Condition::kNoReplyAwaiting && ticket.reply_awaiting)
    return Status::Conflict("a reply of a unit below is waiting: accept it or send it back first")
        .WithReason(Reasons::kReplyAwaiting);
  return Status::Ok();
}

// Live: a command issued now (authority checked, deadlines computed). Replay: a
// recorded event (authority not checked again, deadlines taken from the record).
enum class Mode { kLive, kReplay };

Result<Transition> ApplySpec(const CommandSpec& spec, const Ticket& ticket, CommandInput input, const Actor& actor,
                             const Context& ctx, Mode mode) {
  if (mode == Mode::kLive) HOTLINE_RETURN_IF_ERROR(CheckAuthority(spec, ticket, actor, ctx));
  HOTLINE_RETURN_IF_ERROR(CheckState(spec, ticket));
  input = KeepFields(std::move(input), spec.reads);  // the event records what the command read, nothing else
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(input.reason, "reason"));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(input.content, std::string(spec.content_field).c_str()));
  Ticket next = ticket;
  HOTLINE_RETURN_IF_ERROR(spec.effect(next, input, actor, ctx));
  // A pause belongs to the unit's handling: it ends when the ticket leaves the unit.
  if (next.paused_at && next.state != S::kDispatched && next.state != S::kInProgress) EndPause(next);
  if (mode == Mode::kReplay) {
    if (input.deadlines) next.deadlines = *input.deadlines;
  } else if (ctx.time_limits && ctx.work_time) {
    input.deadlines.reset();
    std::vector<Deadline> tracked = TrackDeadlines(ticket, next, spec.name, input, actor, ctx.now,
                                                   DeadlineRules{*ctx.time_limits, *ctx.work_time, ctx.policy.warn_share});
    if (tracked != ticket.deadlines) {
      next.deadlines = tracked;
      input.deadlines = std::move(tracked);
    }
  }
  next.updated_at = ctx.now;
  next.version = ticket.version + 1;
  Event e;
  e.ticket_id = ticket.id;
  e.seq = next.version;
  e.at = ctx.now;
  e.actor = actor;
  e.command = std::string(spec.name);
  e.from = ticket.state;
  e.to = next.state;
  e.input = std::move(input);
  return Transition{std::move(next), std::move(e)};
}

}  // namespace

Result<Transition> Intake(const Appeal& appeal, const Actor& actor, const Context& ctx) {
  if (!Allows(actor.role, Capability::kIntake))  // the permission table (permissions.cc)
    return Status::PermissionDenied("role " + std::string(Name(actor.role)) + " may not record appeals")
        .WithReason(Reasons::kRoleNotAllowed)
        .WithParam("role", std::string(Name(actor.role)))
        .WithParam("command", "intake");
  HOTLINE_RETURN_IF_ERROR(RequireText(appeal.content, "content", kMaxContent));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(appeal.content, "content"));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(appeal.caller.name, "caller.name"));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(appeal.caller.phone, "caller.phone"));
  HOTLINE_RETURN_IF_ERROR(CheckFreeText(appeal.address, "address"));
  auto too_long = [](const char* field, std::size_t max) {
    return Status::InvalidArgument(field, std::string(field) + " is too long")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", max);
  };
  if (appeal.caller.name.size() > kMaxCallerNameBytes) return too_long("caller.name", kMaxCallerNameBytes);
  if (appeal.caller.phone.size() > kMaxCallerPhoneBytes) return too_long("caller.phone", kMaxCallerPhoneBytes);
  if (appeal.address.size() > kMaxAddressBytes) return too_long("address", kMaxAddressBytes);
  if (!appeal.category.empty() && ctx.taxonomy && !ctx.taxonomy->Find(appeal.category))
    return Status::InvalidArgument("category", "unknown category " + appeal.category)
        .WithReason(Reasons::kUnknownCategory)
        .WithParam("code", appeal.category);
  if (!appeal.area.empty() && ctx.units && !ctx.units->Find(appeal.area))
    return Status::InvalidArgument("area", "unknown unit " + appeal.area)
        .WithReason(Reasons::kUnknownUnit)
        .WithParam("code", appeal.area);
  if (appeal.location) {
    const GeoPoint& p = *appeal.location;
    if (!(p.lat >= -90 && p.lat <= 90))
      return Status::InvalidArgument("location.lat", "lat must be -90..90").WithReason(Reasons::kInvalidValue);
    if (!(p.lon >= -180 && p.lon <= 180))
      return Status::InvalidArgument("location.lon", "lon must be -180..180").WithReason(Reasons::kInvalidValue);
  }
  Ticket t;
  t.appeal = appeal;
  t.state = S::kTriage;
  t.priority = PriorityOf(t);
  t.intake_by = actor.username;
  t.created_at = t.updated_at = ctx.now;
  t.version = 1;
  Event e;
  e.seq = 1;
  e.at = ctx.now;
  e.actor = actor;
  e.command = "intake";
  e.from = e.to = S::kTriage;
  e.appeal = appeal;
  return Transition{std::move(t), std::move(e)};
}

Result<Transition> Apply(const Ticket& ticket, std::string_view command, const CommandInput& input,
                         const Actor& actor, const Context& ctx) {
  const CommandSpec* spec = FindCommand(command);
  if (!spec) return Status::NotFound("unknown command " + std::string(command));
  return ApplySpec(*spec, ticket, input, actor, ctx, Mode::kLive);
}

Result<CommandTraits> CommandTraitsOf(std::string_view command) {
  const CommandSpec* spec = FindCommand(command);
  if (!spec) return Status::NotFound("unknown command " + std::string(command));
  return CommandTraits{spec->entry, spec->precheck};
}

Result<InputFields> CommandReads(std::string_view command) {
  const CommandSpec* spec = FindCommand(command);
  if (!spec) return Status::NotFound("unknown command " + std::string(command));
  return spec->reads;
}

Status CheckCommandAllowed(const Ticket& ticket, std::string_view command, const Actor& actor, const Context& ctx) {
  const CommandSpec* spec = FindCommand(command);
  if (!spec) return Status::NotFound("unknown command " + std::string(command));
  HOTLINE_RETURN_IF_ERROR(CheckAuthority(*spec, ticket, actor, ctx));
  return CheckState(*spec, ticket);
}

Status CheckMergeTarget(const Ticket& sub, const Ticket& main) {
  const std::string which = "main ticket " + std::to_string(main.id);
  if (main.main_ticket == sub.id)
    return Status::Conflict(which + " is merged into this ticket; merging back would make a cycle");
  if (main.state == S::kMerged) return Status::Conflict(which + " is itself merged into another ticket");
  if (IsTerminal(main.state))
    return Status::Conflict(which + " is finished (" + std::string(Name(main.state)) + ")");
  return Status::Ok();
}

Result<Ticket> Replay(const std::vector<Event>& events, const Context& base) {
  if (events.empty() || events.front().command != "intake" || !events.front().appeal)
    return Status::InvalidArgument("events", "a ticket's history must start with its intake event");
  Context ctx = base;
  ctx.now = events.front().at;
  Context no_taxonomy = ctx;  // categories may have been retired since; intake is history
  no_taxonomy.taxonomy = nullptr;
  no_taxonomy.units = nullptr;
  HOTLINE_ASSIGN_OR_RETURN(auto first, Intake(*events.front().appeal, events.front().actor, no_taxonomy));
  Ticket t = std::move(first.ticket);
  t.id = events.front().ticket_id;
  for (std::size_t i = 1; i < events.size(); ++i) {
    const Event& e = events[i];
    const CommandSpec* spec = FindCommand(e.command);
    if (!spec) return Status::InvalidArgument("events", "unknown command in history: " + e.command);
    ctx.now = e.at;
    HOTLINE_ASSIGN_OR_RETURN(auto next, ApplySpec(*spec, t, e.input, e.actor, ctx, Mode::kReplay));
    t = std::move(next.ticket);
  }
  return t;
}

bool CanSee(const Ticket& ticket, const Actor& actor, const UnitTree& units) {
  if (actor.role == R::kSupervisor) return SupervisesTicket(ticket, actor.unit, units);
  if (actor.role != R::kUnitStaff) return true;
  if (!ticket.lead_unit.empty() && units.IsWithin(ticket.lead_unit, actor.unit)) return true;
  for (const std::string& co : ticket.co_units)
    if (units.IsWithin(co, actor.unit)) return true;
  for (const std::string& u : ticket.dispatch_chain)
    if (units.IsWithin(u, actor.unit)) return true;
  // The unit that wrote the reply keeps sight of it while it is reviewed above, and after.
  return !ticket.reply_unit.empty() && units.IsWithin(ticket.reply_unit, actor.unit);
}

std::vector<std::string> AvailableCommands(const Ticket& ticket, const Actor& actor, const Context& ctx) {
  std::vector<std::string> out;
  for (const CommandSpec& spec : kCommands)
    if (spec.entry == CommandEntry::kRequest && CheckState(spec, ticket).ok() &&
        CheckAuthority(spec, ticket, actor, ctx).ok())
      out.emplace_back(spec.name);
  return out;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> out;
  for (const CommandSpec& spec : kCommands) out.emplace_back(spec.name);
  return out;
}

std::vector<CommandAuthority> CommandTable() {
  std::vector<CommandAuthority> out;
  for (const CommandSpec& spec : kCommands) {
    CommandAuthority a;
    a.name = std::string(spec.name);
    a.from = {spec.from.begin(), spec.from.end()};
    a.roles = {spec.roles.begin(), spec.roles.end()};
    a.unit_scope = spec.scope;
    for (const RoleLimit& limit : spec.limits) a.role_states.push_back({limit.role, {limit.only_in.begin(), limit.only_in.end()}});
    if (spec.condition == Condition::kExtensionPending) a.extension_pending = true;
    if (spec.condition == Condition::kNoExtensionPending) a.extension_pending = false;
    if (spec.condition == Condition::kReplyAwaiting) a.reply_awaiting = true;
    if (spec.condition == Condition::kNoReplyAwaiting) a.reply_awaiting = false;
    if (spec.condition == Condition::kPaused) a.paused = true;
    if (spec.condition == Condition::kNotPaused) a.paused = false;
    if (spec.condition == Condition::kSupervisionUnanswered) a.supervision = "unanswered";
    if (spec.condition == Condition::kSupervisionOpen) a.supervision = "open";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace hotline

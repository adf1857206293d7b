#include "api/views.h"

#include <cstdio>

#include "domain/permissions.h"
#include "domain/co_tasks.h"
#include "domain/supervision.h"
#include "store/codec.h"

namespace hotline::api {

using nlohmann::json;

json FormatTime(UnixSeconds t) {
  if (t == 0) return nullptr;
  const UnixSeconds local = t + WorkCalendar::kUtcOffsetSeconds;
  const int day = static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  const UnixSeconds sec = local - static_cast<UnixSeconds>(day) * 86400;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00", CivilFromDays(day).c_str(), static_cast<int>(sec / 3600),
                static_cast<int>(sec % 3600 / 60), static_cast<int>(sec % 60));
  return buf;
}

namespace {

json UnitRef(const std::string& code, const ReferenceData& ref) {
  if (code.empty()) return nullptr;
  const Unit* u = ref.units.Find(code);
  return json{{"code", code}, {"name", u ? u->name : code}};
}

template <typename E>
json OptName(const std::optional<E>& v) {
  return v ? json(std::string(Name(*v))) : json(nullptr);
}

// Who sent the ticket back last, why (text and reason from the list) and to whom it should go.
json LastReturnView(const Ticket& t, const ReferenceData& ref) {
  if (t.returned_by.empty()) return nullptr;
  return {{"unit", UnitRef(t.returned_by, ref)},
          {"reason", t.return_reason},
          {"kind", OptName(t.return_kind)},
          {"suggested_unit", UnitRef(t.return_suggested_unit, ref)}};
}

// The unit's reply with the reply form's details; `awaiting` while the unit that
// dispatched it down (the lead now) has not accepted it, `from` the unit it came up from.
json ReplyView(const Ticket& t, const ReferenceData& ref) {
  if (t.reply_content.empty()) return nullptr;
  return {{"content", t.reply_content},
          {"result", OptName(t.reply_result)},
          {"unit", UnitRef(t.reply_unit, ref)},
          {"contact_method", OptName(t.reply_contact)},
          {"contacted_at", FormatTime(t.reply_contacted_at)},
          {"handler", t.reply_handler.empty() ? json(nullptr) : json(t.reply_handler)},
          {"handler_phone", t.reply_handler_phone.empty() ? json(nullptr) : json(t.reply_handler_phone)},
          {"awaiting", t.reply_awaiting},
          {"from", UnitRef(t.reply_from, ref)}};
}

// The deadlines as of `now`: a pending one whose due instant has passed shows as
// overdue even before a transition or the scheduler records it.
json DeadlinesView(const std::vector<Deadline>& list, UnixSeconds now) {
  json out = json::array();
  for (const Deadline& d : list) {
    const bool late = d.state == DeadlineState::kPending && d.due_at != 0 && d.due_at < now;
    out.push_back({{"kind", Name(d.kind)},
                   {"due_at", FormatTime(d.due_at)},
                   {"state", Name(late ? DeadlineState::kOverdue : d.state)},
                   {"met_at", FormatTime(d.met_at)},
                   {"warn_at", FormatTime(d.warn_at)},
                   {"warned", d.warned},
                   {"overdue_announced", d.overdue_announced}});
  }
  return out;
}

// Every supervision, oldest first: `state` open (waiting for the unit's answer),
// answered (waiting for 销号) or closed; `overdue` when an open one's answer is late.
json SupervisionsView(const std::vector<Supervision>& list, UnixSeconds now, const ReferenceData& ref) {
  json out = json::array();
  for (const Supervision& s : list) {
    const char* state = !IsOpen(s) ? "closed" : s.answered_at ? "answered" : "open";
    auto text = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
    out.push_back({{"id", s.id},
                   {"instruction", s.instruction},
                   {"level", s.level},
                   {"state", state},
                   {"by", s.by},
                   {"unit", UnitRef(s.unit, ref)},
                   {"assignee", text(s.assignee)},
                   {"instructions", text(s.instructions)},
                   {"opened_at", FormatTime(s.opened_at)},
                   {"due_at", FormatTime(s.due_at)},
                   {"overdue", IsOpen(s) && !s.answered_at && s.due_at != 0 && s.due_at < now},
                   {"answered_at", FormatTime(s.answered_at)},
                   {"answered_by", text(s.answered_by)},
                   {"answer", text(s.answer)},
                   {"closed_at", FormatTime(s.closed_at)},
                   {"closed_by", text(s.closed_by)},
                   {"close_note", text(s.close_note)}});
  }
  return out;
}

// Each co-unit's task: its unit, when it signed and answered, its opinion, and a
// state as of `now` (co_tasks.h: pending, signed, replied, overdue).
json CoTasksView(const std::vector<CoTask>& list, UnixSeconds now, const ReferenceData& ref) {
  json out = json::array();
  auto text = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  for (const CoTask& c : list)
    out.push_back({{"unit", UnitRef(c.unit, ref)},
                   {"state", CoTaskState(c, now)},
                   {"assigned_at", FormatTime(c.assigned_at)},
                   {"due_at", FormatTime(c.due_at)},
                   {"signed_at", FormatTime(c.signed_at)},
                   {"signed_by", text(c.signed_by)},
                   {"replied_at", FormatTime(c.replied_at)},
                   {"replied_by", text(c.replied_by)},
                   {"reply", text(c.reply)}});
  return out;
}

json WhistleView(const std::optional<Whistle>& w, const ReferenceData& ref) {
  if (!w) return nullptr;
  return {{"from_unit", UnitRef(w->from_unit, ref)}, {"to_unit", UnitRef(w->to_unit, ref)},
          {"reason", w->reason}, {"by", w->by}, {"at", FormatTime(w->at)}};
}

// Every time the ticket went to 联席会议: who sent it and why (sent_by null: by
// rule after N returns), and the decision once taken.
json JointReviewsView(const std::vector<JointReview>& list, const ReferenceData& ref) {
  json out = json::array();
  for (const JointReview& r : list) {
    json co = json::array();
    for (const std::string& u : r.co_units) co.push_back(UnitRef(u, ref));
    const bool decided = r.decided_at != 0;
    out.push_back({{"sent_by", r.sent_by.empty() ? json(nullptr) : json(r.sent_by)},
                   {"reason", r.reason},
                   {"sent_at", FormatTime(r.sent_at)},
                   {"decided_at", FormatTime(r.decided_at)},
                   {"decided_by", decided ? json(r.decided_by) : json(nullptr)},
                   {"lead_unit", decided ? UnitRef(r.lead_unit, ref) : json(nullptr)},
                   {"co_units", co},
                   {"participants", r.participants},
                   {"minutes", decided ? json(r.minutes) : json(nullptr)},
                   {"catalog_change", r.catalog_change}});
  }
  return out;
}

}  // namespace

json TicketView(const service::TicketRead& read, const Actor& viewer, const ReferenceData& ref) {
  const Ticket& t = read.ticket;
  const UnixSeconds now = read.as_of;
  const std::vector<std::string>& available_commands = read.commands;
  const bool pii = SeesPersonalData(viewer.role);
  const Appeal& a = t.appeal;
  json co = json::array();
  for (const auto& c : t.co_units) co.push_back(UnitRef(c, ref));
  const bool open = !IsTerminal(t.state);
  const std::string supervision_state = SupervisionStateOf(t);
  json j = {
      {"id", t.id},
      {"number", TicketNumber(t)},
      {"state", Name(t.state)},
      {"channel", Name(a.channel)},
      {"appeal_type", Name(a.type)},
      {"content", a.content},
      {"caller", {{"name", pii ? a.caller.name : MaskName(a.caller.name)},
                  {"phone", pii ? a.caller.phone : MaskPhone(a.caller.phone)}}},
      {"address", a.address},
      {"location", a.location ? json{{"lat", a.location->lat}, {"lon", a.location->lon}} : json(nullptr)},
      {"enterprise", a.enterprise},
      {"no_callback", a.no_callback},
      {"urgency", Name(a.urgency)},
      {"urgent", IsUrgent(a)},
      {"category", a.category.empty() ? json(nullptr)
                                      : json{{"code", a.category}, {"name", ref.taxonomy.FullName(a.category)}}},
      {"area", UnitRef(a.area, ref)},
      {"priority", t.priority},
      {"intake_by", t.intake_by},
      {"intake_by_name", t.intake_by.empty() ? json(nullptr) : json(read.intake_by_name)},
      {"lead_unit", UnitRef(t.lead_unit, ref)},
      {"co_units", co},
      {"dispatch_chain", t.dispatch_chain},
      {"return_count", t.return_count},
      {"reopen_count", t.reopen_count},
      {"callback_attempts", t.callback_attempts},
      {"urge_count", t.urge_count},
      {"last_urged_at", FormatTime(t.last_urged_at)},
      {"supplement_count", t.supplement_count},
      {"extension", {{"pending", t.extension_pending}, {"days", t.extension_days}, {"reason", t.extension_reason}}},
      {"last_return", LastReturnView(t, ref)},
      {"dispatch_note", t.dispatch_note.empty() ? json(nullptr) : json(t.dispatch_note)},
      {"reply", ReplyView(t, ref)},
      {"satisfaction", t.satisfaction ? json(Name(*t.satisfaction)) : json(nullptr)},
      {"resolved", t.resolved ? json(*t.resolved) : json(nullptr)},
      {"dissatisfaction", t.dissatisfaction ? json(Name(*t.dissatisfaction)) : json(nullptr)},
      {"callback_comment", t.callback_comment.empty() ? json(nullptr) : json(t.callback_comment)},
      {"kb_entry", t.kb_entry.empty() ? json(nullptr) : json(t.kb_entry)},
      {"emergency_number", t.emergency_number.empty() ? json(nullptr) : json(t.emergency_number)},
      {"main_ticket", t.main_ticket ? json(t.main_ticket) : json(nullptr)},
      {"supervision_level", t.supervision_level},
      {"supervision", supervision_state.empty() ? json(nullptr) : json(supervision_state)},
      {"supervisions", SupervisionsView(t.supervisions, now, ref)},
      {"escalation_level", t.escalation_level},
      {"escalated_to", t.escalated_to.empty() ? json(nullptr) : json(t.escalated_to)},
      {"co_tasks", CoTasksView(t.co_tasks, now, ref)},
      {"whistle", WhistleView(t.whistle, ref)},
      {"joint_reviews", JointReviewsView(t.joint_reviews, ref)},
      {"created_at", FormatTime(t.created_at)},
      {"updated_at", FormatTime(t.updated_at)},
      {"dispatched_at", FormatTime(t.dispatched_at)},
      {"due_at", FormatTime(t.due_at)},
      {"closed_at", FormatTime(t.closed_at)},
      {"deadlines", DeadlinesView(t.deadlines, now)},
      {"paused", t.paused_at ? json{{"since", FormatTime(t.paused_at)},
                                    {"reason", t.pause_reason ? json(Name(*t.pause_reason)) : json(nullptr)}}
                             : json(nullptr)},
      {"overdue", open && !t.paused_at && t.due_at > 0 && t.due_at < now && t.state != TicketState::kReplied &&
                      t.state != TicketState::kToCallback && t.state != TicketState::kUnsatisfied},
      {"version", t.version},
      {"available_commands", available_commands},
  };
  if (ScopeOf(viewer.role, Capability::kQueryCode) == AccessScope::kAll) j["query_code"] = a.query_code;
  return j;
}

json EventView(const Event& e, const std::string& actor_name) {
  json j = {{"seq", e.seq},
            {"at", FormatTime(e.at)},
            {"actor", {{"username", e.actor.username},
                       {"display_name", actor_name.empty() ? e.actor.username : actor_name},
                       {"role", Name(e.actor.role)},
                       {"unit", e.actor.unit}}},
            {"command", e.command},
            {"from", Name(e.from)},
            {"to", Name(e.to)},
            {"input", EncodeCommandInput(e.input)}};
  return j;
}

json UnitView(const Unit& u) {
  return {{"code", u.code}, {"name", u.name}, {"kind", Name(u.kind)},
          {"parent", u.parent.empty() ? json(nullptr) : json(u.parent)}};
}

json CategoryView(const Category& c) {
  return {{"code", c.code}, {"name", c.name}, {"level", c.level},
          {"parent", c.parent.empty() ? json(nullptr) : json(c.parent)}};
}

json LiveTicketView(const Ticket& t, const std::string& command) {
  return {{"id", t.id},
          {"number", TicketNumber(t)},
          {"command", command},
          {"state", Name(t.state)},
          {"channel", Name(t.appeal.channel)},
          {"appeal_type", Name(t.appeal.type)},
          {"category", t.appeal.category},
          {"area", t.appeal.area},
          {"lead_unit", t.lead_unit},
          {"location", t.appeal.location ? json{{"lat", t.appeal.location->lat}, {"lon", t.appeal.location->lon}}
                                         : json(nullptr)},
          {"created_at", FormatTime(t.created_at)},
          {"updated_at", FormatTime(t.updated_at)}};
}

}  // namespace hotline::api

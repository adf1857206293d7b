#include "store/codec.h"


#include "domain/state_machine.h"
#include "domain/limits.h"
#include "domain/supervision.h"
#include "domain/ticket_number.h"
#include "store/json_fields.h"

namespace hotline {
namespace {

using json = nlohmann::json;
using namespace json_fields;

// Reads an enum by wire name; an unknown name is an error naming the field.
template <typename E, typename Parse>
Status ReadEnum(const json& obj, const char* key, Parse parse, std::optional<E>& out) {
  std::string s;
  HOTLINE_RETURN_IF_ERROR(ReadString(obj, key, s, 64));
  if (s.empty()) return Status::Ok();
  auto v = parse(s);
  if (!v)
    return Status::InvalidArgument(key, std::string(key) + ": unknown value '" + s + "'")
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", s);
  out = *v;
  return Status::Ok();
}

template <typename E>
json OptName(const std::optional<E>& v) {
  return v ? json(std::string(Name(*v))) : json(nullptr);
}

// A stored optional enum: absent, null or (from a newer release) unknown → none.
template <typename Parse>
auto StoredOptional(const json& obj, const char* key, Parse parse) -> decltype(parse(std::string())) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return parse(it->get<std::string>());
}

}  // namespace

json EncodeDeadlines(const std::vector<Deadline>& list) {
  json out = json::array();
  for (const Deadline& d : list) {
    json item = {{"kind", Name(d.kind)}, {"due_at", d.due_at}, {"state", Name(d.state)}, {"met_at", d.met_at}};
    // The scheduler's marks, only when set (older records have none).
    if (d.warn_at) item["warn_at"] = d.warn_at;
    if (d.warned) item["warned"] = true;
    if (d.overdue_announced) item["overdue_announced"] = true;
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::vector<Deadline>> DecodeDeadlines(const json& j) {
  if (!j.is_array())
    return Status::InvalidArgument("deadlines", "deadlines must be an array").WithReason(Reasons::kInvalidValue);
  std::vector<Deadline> out;
  for (const json& item : j) {
    HOTLINE_RETURN_IF_ERROR(RequireObject(item, "deadlines"));
    std::optional<DeadlineKind> kind;
    std::optional<DeadlineState> state;
    HOTLINE_RETURN_IF_ERROR(ReadEnum(item, "kind", ParseDeadlineKind, kind));
    HOTLINE_RETURN_IF_ERROR(ReadEnum(item, "state", ParseDeadlineState, state));
    if (!kind) return Status::Required("deadlines.kind");
    if (!state) return Status::Required("deadlines.state");
    Deadline d{*kind, 0, *state, 0};
    HOTLINE_RETURN_IF_ERROR(ReadInt(item, "due_at", d.due_at));
    HOTLINE_RETURN_IF_ERROR(ReadInt(item, "met_at", d.met_at));
    HOTLINE_RETURN_IF_ERROR(ReadInt(item, "warn_at", d.warn_at));
    std::optional<bool> warned, announced;
    HOTLINE_RETURN_IF_ERROR(ReadBool(item, "warned", warned));
    HOTLINE_RETURN_IF_ERROR(ReadBool(item, "overdue_announced", announced));
    d.warned = warned.value_or(false);
    d.overdue_announced = announced.value_or(false);
    out.push_back(d);
  }
  return out;
}

namespace {

json EncodeSupervisions(const std::vector<Supervision>& list) {
  json out = json::array();
  for (const Supervision& s : list)
    out.push_back({{"id", s.id}, {"instruction", s.instruction}, {"level", s.level}, {"by", s.by}, {"unit", s.unit}, {"assignee", s.assignee},
                   {"instructions", s.instructions}, {"opened_at", s.opened_at}, {"due_at", s.due_at},
                   {"answered_at", s.answered_at}, {"answered_by", s.answered_by}, {"answer", s.answer},
                   {"closed_at", s.closed_at}, {"closed_by", s.closed_by}, {"close_note", s.close_note}});
  return out;
}

// Stored documents only (written by EncodeSupervisions): a malformed one throws.
std::vector<Supervision> DecodeSupervisions(const json& j) {
  std::vector<Supervision> out;
  for (const json& item : j) {
    Supervision s;
    s.id = item.at("id").get<int>();
    s.instruction = item.value("instruction", false);
    s.level = item.at("level").get<int>();
    s.by = item.at("by").get<std::string>();
    s.unit = item.at("unit").get<std::string>();
    s.assignee = item.at("assignee").get<std::string>();
    s.instructions = item.at("instructions").get<std::string>();
    s.opened_at = item.at("opened_at").get<UnixSeconds>();
    s.due_at = item.at("due_at").get<UnixSeconds>();
    s.answered_at = item.at("answered_at").get<UnixSeconds>();
    s.answered_by = item.at("answered_by").get<std::string>();
    s.answer = item.at("answer").get<std::string>();
    s.closed_at = item.at("closed_at").get<UnixSeconds>();
    s.closed_by = item.at("closed_by").get<std::string>();
    s.close_note = item.at("close_note").get<std::string>();
    out.push_back(std::move(s));
  }
  return out;
}

json EncodeCoTasks(const std::vector<CoTask>& list) {
  json out = json::array();
  for (const CoTask& c : list)
    out.push_back({{"unit", c.unit}, {"assigned_at", c.assigned_at}, {"due_at", c.due_at},
                   {"signed_at", c.signed_at}, {"signed_by", c.signed_by}, {"replied_at", c.replied_at},
                   {"replied_by", c.replied_by}, {"reply", c.reply}, {"overdue_announced", c.overdue_announced}});
  return out;
}

// Stored documents only (written by EncodeCoTasks): a malformed one throws.
std::vector<CoTask> DecodeCoTasks(const json& j) {
  std::vector<CoTask> out;
  for (const json& item : j)
    out.push_back(CoTask{item.at("unit").get<std::string>(), item.at("assigned_at").get<UnixSeconds>(),
                         item.at("due_at").get<UnixSeconds>(), item.at("signed_at").get<UnixSeconds>(),
                         item.at("signed_by").get<std::string>(), item.at("replied_at").get<UnixSeconds>(),
                         item.at("replied_by").get<std::string>(), item.at("reply").get<std::string>(),
                         item.value("overdue_announced", false)});  // absent in documents written before it
  return out;
}

json EncodeWhistle(const std::optional<Whistle>& w) {
  if (!w) return nullptr;
  return {{"from_unit", w->from_unit}, {"to_unit", w->to_unit}, {"reason", w->reason}, {"by", w->by}, {"at", w->at}};
}

std::optional<Whistle> DecodeWhistle(const json& j) {
  if (j.is_null()) return std::nullopt;
  return Whistle{j.at("from_unit").get<std::string>(), j.at("to_unit").get<std::string>(),
                 j.at("reason").get<std::string>(), j.at("by").get<std::string>(), j.at("at").get<UnixSeconds>()};
}

json EncodeJointReviews(const std::vector<JointReview>& list) {
  json out = json::array();
  for (const JointReview& r : list)
    out.push_back({{"sent_by", r.sent_by}, {"reason", r.reason}, {"sent_at", r.sent_at},
                   {"decided_at", r.decided_at}, {"decided_by", r.decided_by}, {"lead_unit", r.lead_unit},
                   {"co_units", r.co_units}, {"participants", r.participants}, {"minutes", r.minutes},
                   {"catalog_change", r.catalog_change}});
  return out;
}

std::vector<JointReview> DecodeJointReviews(const json& j) {
  std::vector<JointReview> out;
  for (const json& item : j) {
    JointReview r;
    r.sent_by = item.at("sent_by").get<std::string>();
    r.reason = item.at("reason").get<std::string>();
    r.sent_at = item.at("sent_at").get<UnixSeconds>();
    r.decided_at = item.at("decided_at").get<UnixSeconds>();
    r.decided_by = item.at("decided_by").get<std::string>();
    r.lead_unit = item.at("lead_unit").get<std::string>();
    r.co_units = item.at("co_units").get<std::vector<std::string>>();
    r.participants = item.at("participants").get<std::vector<std::string>>();
    r.minutes = item.at("minutes").get<std::string>();
    r.catalog_change = item.at("catalog_change").get<bool>();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

json EncodeAppeal(const Appeal& a) {
  json j = {{"channel", Name(a.channel)},
            {"appeal_type", Name(a.type)},
            {"content", a.content},
            {"caller", {{"name", a.caller.name}, {"phone", a.caller.phone}}},
            {"address", a.address},
            {"enterprise", a.enterprise},
            {"no_callback", a.no_callback},
            {"urgency", Name(a.urgency)},
            {"category", a.category},
            {"area", a.area},
            {"query_code", a.query_code}};
  j["location"] = a.location ? json{{"lat", a.location->lat}, {"lon", a.location->lon}} : json(nullptr);
  return j;
}

Result<Appeal> DecodeAppeal(const json& j) {
  HOTLINE_RETURN_IF_ERROR(RequireObject(j, ""));
  Appeal a;
  std::optional<Channel> channel;
  std::optional<AppealType> type;
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "channel", ParseChannel, channel));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "appeal_type", ParseAppealType, type));
  if (!channel) return Status::Required("channel");
  if (!type) return Status::Required("appeal_type");
  a.channel = *channel;
  a.type = *type;
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "content", a.content, kMaxContentBytes));
  if (a.content.empty()) return Status::Required("content");
  if (auto it = j.find("caller"); it != j.end() && !it->is_null()) {
    HOTLINE_RETURN_IF_ERROR(RequireObject(*it, "caller"));
    HOTLINE_RETURN_IF_ERROR(ReadString(*it, "name", a.caller.name, kMaxCallerNameBytes, "caller"));
    HOTLINE_RETURN_IF_ERROR(ReadString(*it, "phone", a.caller.phone, kMaxCallerPhoneBytes, "caller"));
  }
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "address", a.address, kMaxAddressBytes));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "enterprise", a.enterprise));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "no_callback", a.no_callback));
  // Records before issue 10 carry a bool `urgent` instead of the urgency.
  std::optional<Urgency> urgency;
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "urgency", ParseUrgency, urgency));
  bool urgent = false;
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "urgent", urgent));
  a.urgency = urgency.value_or(urgent ? Urgency::kUrgent : Urgency::kNormal);
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "category", a.category, 32));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "area", a.area, 64));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "query_code", a.query_code, 32));
  if (auto it = j.find("location"); it != j.end() && !it->is_null()) {
    HOTLINE_RETURN_IF_ERROR(RequireObject(*it, "location"));
    if (!it->contains("lat")) return Status::Required("location.lat");
    if (!it->contains("lon")) return Status::Required("location.lon");
    GeoPoint p;
    HOTLINE_RETURN_IF_ERROR(ReadDouble(*it, "lat", p.lat, "location"));
    HOTLINE_RETURN_IF_ERROR(ReadDouble(*it, "lon", p.lon, "location"));
    a.location = p;
  }
  return a;
}

json EncodeCommandInput(const CommandInput& in) {
  json j = json::object();
  if (!in.unit.empty()) j["unit"] = in.unit;
  if (!in.co_units.empty()) j["co_units"] = in.co_units;
  if (!in.reason.empty()) j["reason"] = in.reason;
  if (!in.content.empty()) j["content"] = in.content;
  if (in.result) j["result"] = Name(*in.result);
  if (in.satisfaction) j["satisfaction"] = Name(*in.satisfaction);
  if (in.dissatisfaction) j["dissatisfaction"] = Name(*in.dissatisfaction);
  if (in.resolved) j["resolved"] = *in.resolved;
  if (in.approve) j["approve"] = *in.approve;
  if (in.accept) j["accept"] = *in.accept;
  if (in.unreachable) j["unreachable"] = true;
  if (in.days) j["days"] = in.days;
  if (in.level) j["level"] = in.level;
  if (!in.number.empty()) j["number"] = in.number;
  if (!in.kb_entry.empty()) j["kb_entry"] = in.kb_entry;
  if (in.main_ticket) j["main_ticket"] = in.main_ticket;
  if (!in.attachment.empty()) j["attachment"] = in.attachment;
  if (!in.category.empty()) j["category"] = in.category;
  if (in.contact_method) j["contact_method"] = Name(*in.contact_method);
  if (in.contacted_at) j["contacted_at"] = in.contacted_at;
  if (!in.handler.empty()) j["handler"] = in.handler;
  if (!in.handler_phone.empty()) j["handler_phone"] = in.handler_phone;
  if (in.return_kind) j["return_kind"] = Name(*in.return_kind);
  if (!in.suggested_unit.empty()) j["suggested_unit"] = in.suggested_unit;
  if (!in.area.empty()) j["area"] = in.area;
  if (in.urgent) j["urgent"] = *in.urgent;
  if (in.urgency) j["urgency"] = Name(*in.urgency);
  if (in.deadline) j["deadline"] = Name(*in.deadline);
  if (!in.assignee.empty()) j["assignee"] = in.assignee;
  if (!in.instructions.empty()) j["instructions"] = in.instructions;
  if (!in.note.empty()) j["note"] = in.note;
  if (!in.to.empty()) j["to"] = in.to;
  if (!in.to_unit.empty()) j["to_unit"] = in.to_unit;
  if (!in.lead_unit.empty()) j["lead_unit"] = in.lead_unit;
  if (!in.participants.empty()) j["participants"] = in.participants;
  if (!in.minutes.empty()) j["minutes"] = in.minutes;
  if (in.catalog_change) j["catalog_change"] = *in.catalog_change;
  if (in.due_at) j["due_at"] = in.due_at;
  if (in.co_due_at) j["co_due_at"] = in.co_due_at;
  if (in.deadlines) j["deadlines"] = EncodeDeadlines(*in.deadlines);
  return j;
}

Result<CommandInput> DecodeCommandInput(const json& j) {
  HOTLINE_RETURN_IF_ERROR(RequireObject(j, ""));
  CommandInput in;
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "unit", in.unit, 64));
  HOTLINE_RETURN_IF_ERROR(ReadStringList(j, "co_units", in.co_units));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "reason", in.reason, 2000));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "content", in.content, 20000));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "result", ParseReplyResult, in.result));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "satisfaction", ParseSatisfaction, in.satisfaction));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "dissatisfaction", ParseDissatisfaction, in.dissatisfaction));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "resolved", in.resolved));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "approve", in.approve));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "accept", in.accept));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "unreachable", in.unreachable));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "contact_method", ParseContactMethod, in.contact_method));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "return_kind", ParseReturnKind, in.return_kind));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "urgent", in.urgent));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "urgency", ParseUrgency, in.urgency));
  HOTLINE_RETURN_IF_ERROR(ReadEnum(j, "deadline", ParseDeadlineKind, in.deadline));
  if (auto it = j.find("deadlines"); it != j.end()) {
    HOTLINE_ASSIGN_OR_RETURN(auto list, DecodeDeadlines(*it));
    in.deadlines = std::move(list);
  }
  std::int64_t days = 0, level = 0, due_at = 0;
  HOTLINE_RETURN_IF_ERROR(ReadInt(j, "days", days));
  HOTLINE_RETURN_IF_ERROR(ReadInt(j, "level", level));
  HOTLINE_RETURN_IF_ERROR(ReadInt(j, "main_ticket", in.main_ticket));
  HOTLINE_RETURN_IF_ERROR(ReadInt(j, "due_at", due_at));
  HOTLINE_RETURN_IF_ERROR(ReadInt(j, "contacted_at", in.contacted_at));
  if (in.contacted_at < 0)
    return Status::InvalidArgument("contacted_at", "contacted_at must be a time in seconds since 1970")
        .WithReason(Reasons::kInvalidValue);
  if (days < 0 || days > 365)
    return Status::InvalidArgument("days", "days must be 1..365").WithReason(Reasons::kInvalidValue);
  if (level < 0 || level > 9)
    return Status::InvalidArgument("level", "level must be 1..9").WithReason(Reasons::kInvalidValue);
  in.days = static_cast<int>(days);
  in.level = static_cast<int>(level);
  in.due_at = due_at;
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "number", in.number, 8));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "kb_entry", in.kb_entry, 64));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "attachment", in.attachment, 64));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "category", in.category, kMaxCategoryCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "handler", in.handler, kMaxCallerNameBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "handler_phone", in.handler_phone, kMaxCallerPhoneBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "suggested_unit", in.suggested_unit, kMaxUnitCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "area", in.area, kMaxUnitCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "assignee", in.assignee, kMaxCallerNameBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "instructions", in.instructions, 2000));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "note", in.note, 2000));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "to", in.to, kMaxReferenceNameBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "to_unit", in.to_unit, kMaxUnitCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "lead_unit", in.lead_unit, kMaxUnitCodeBytes));
  HOTLINE_RETURN_IF_ERROR(ReadStringList(j, "participants", in.participants));
  HOTLINE_RETURN_IF_ERROR(ReadString(j, "minutes", in.minutes, kMaxContentBytes));
  HOTLINE_RETURN_IF_ERROR(ReadBool(j, "catalog_change", in.catalog_change));
  HOTLINE_RETURN_IF_ERROR(ReadInt(j, "co_due_at", in.co_due_at));
  if (in.co_due_at < 0)
    return Status::InvalidArgument("co_due_at", "co_due_at must be a time in seconds since 1970")
        .WithReason(Reasons::kInvalidValue);
  return in;
}

Result<CommandInput> DecodeCommandRequest(const json& body, std::string_view command) {
  HOTLINE_ASSIGN_OR_RETURN(auto reads, CommandReads(command));
  HOTLINE_RETURN_IF_ERROR(RequireObject(body, ""));
  for (const auto& [key, value] : body.items()) {
    auto field = ParseInputField(key);
    if (!field || !reads.Has(*field))
      return Status::InvalidArgument(key, "field " + key + " is not accepted by command " + std::string(command));
  }
  // 并单 by what users see: main_ticket may be the ticket number (LC20261123000042,
  // any case) as well as the id; the number names the id inside it, as in q=.
  if (auto main = body.find("main_ticket"); main != body.end() && main->is_string()) {
    const std::string number = main->get<std::string>();
    auto id = TicketIdFromNumber(number);
    if (!id)
      return Status::InvalidArgument("main_ticket", "main_ticket must be a ticket number like LC20261123000042 or an id")
          .WithReason(Reasons::kInvalidValue)
          .WithParam("value", main->get<std::string>());
    json copy = body;
    copy["main_ticket"] = *id;
    return DecodeCommandInput(copy);
  }
  return DecodeCommandInput(body);
}

json EncodeTicket(const Ticket& t) {
  json j = {{"id", t.id},
            {"appeal", EncodeAppeal(t.appeal)},
            {"state", Name(t.state)},
            {"priority", t.priority},
            {"intake_by", t.intake_by},
            {"lead_unit", t.lead_unit},
            {"co_units", t.co_units},
            {"co_tasks", EncodeCoTasks(t.co_tasks)},
            {"dispatch_chain", t.dispatch_chain},
            {"return_count", t.return_count},
            {"reopen_count", t.reopen_count},
            {"callback_attempts", t.callback_attempts},
            {"urge_count", t.urge_count},
            {"last_urged_at", t.last_urged_at},
            {"supplement_count", t.supplement_count},
            {"extension_pending", t.extension_pending},
            {"extension_days", t.extension_days},
            {"extension_reason", t.extension_reason},
            {"returned_by", t.returned_by},
            {"return_reason", t.return_reason},
            {"return_kind", OptName(t.return_kind)},
            {"return_suggested_unit", t.return_suggested_unit},
            {"dispatch_note", t.dispatch_note},
            {"reply_unit", t.reply_unit},
            {"reply_contact", OptName(t.reply_contact)},
            {"reply_contacted_at", t.reply_contacted_at},
            {"reply_handler", t.reply_handler},
            {"reply_handler_phone", t.reply_handler_phone},
            {"reply_awaiting", t.reply_awaiting},
            {"reply_from", t.reply_from},
            {"dissatisfaction", OptName(t.dissatisfaction)},
            {"callback_comment", t.callback_comment},
            {"reply_content", t.reply_content},
            {"reply_result", OptName(t.reply_result)},
            {"satisfaction", OptName(t.satisfaction)},
            {"resolved", t.resolved ? json(*t.resolved) : json(nullptr)},
            {"kb_entry", t.kb_entry},
            {"emergency_number", t.emergency_number},
            {"main_ticket", t.main_ticket},
            {"supervision_level", t.supervision_level},
            {"supervisions", EncodeSupervisions(t.supervisions)},
            // Derived (supervision.h), for the `supervision=` filter in SQL.
            {"supervision_state", SupervisionStateOf(t)},
            {"escalation_level", t.escalation_level},
            {"escalated_to", t.escalated_to},
            {"whistle", EncodeWhistle(t.whistle)},
            {"joint_reviews", EncodeJointReviews(t.joint_reviews)},
            {"created_at", t.created_at},
            {"updated_at", t.updated_at},
            {"dispatched_at", t.dispatched_at},
            {"due_at", t.due_at},
            {"closed_at", t.closed_at},
            {"paused_at", t.paused_at},
            {"pause_reason", t.pause_reason ? json(Name(*t.pause_reason)) : json(nullptr)},
            {"deadlines", EncodeDeadlines(t.deadlines)},
            {"version", t.version}};
  return j;
}

Result<Ticket> DecodeTicket(const json& j) {
  try {
    Ticket t;
    t.id = j.at("id").get<TicketId>();
    HOTLINE_ASSIGN_OR_RETURN(t.appeal, DecodeAppeal(j.at("appeal")));
    auto state = ParseTicketState(j.at("state").get<std::string>());
    if (!state) return Status::Internal("stored ticket has an unknown state");
    t.state = *state;
    t.priority = j.at("priority").get<int>();
    t.lead_unit = j.at("lead_unit").get<std::string>();
    t.co_units = j.at("co_units").get<std::vector<std::string>>();
    t.dispatch_chain = j.at("dispatch_chain").get<std::vector<std::string>>();
    t.return_count = j.at("return_count").get<int>();
    t.reopen_count = j.at("reopen_count").get<int>();
    t.callback_attempts = j.at("callback_attempts").get<int>();
    t.extension_pending = j.at("extension_pending").get<bool>();
    t.extension_days = j.at("extension_days").get<int>();
    // Fields added after the first release: absent from older documents.
    t.extension_reason = j.value("extension_reason", std::string());
    t.intake_by = j.value("intake_by", std::string());
    t.returned_by = j.value("returned_by", std::string());
    t.return_reason = j.value("return_reason", std::string());
    t.callback_comment = j.value("callback_comment", std::string());
    t.return_suggested_unit = j.value("return_suggested_unit", std::string());
    t.dispatch_note = j.value("dispatch_note", std::string());
    t.urge_count = j.value("urge_count", 0);
    t.last_urged_at = j.value("last_urged_at", UnixSeconds{0});
    t.supplement_count = j.value("supplement_count", 0);
    t.reply_unit = j.value("reply_unit", std::string());
    t.reply_contacted_at = j.value("reply_contacted_at", UnixSeconds{0});
    t.reply_handler = j.value("reply_handler", std::string());
    t.reply_handler_phone = j.value("reply_handler_phone", std::string());
    t.reply_awaiting = j.value("reply_awaiting", false);
    t.reply_from = j.value("reply_from", std::string());
    t.return_kind = StoredOptional(j, "return_kind", ParseReturnKind);
    t.reply_contact = StoredOptional(j, "reply_contact", ParseContactMethod);
    t.dissatisfaction = StoredOptional(j, "dissatisfaction", ParseDissatisfaction);
    t.paused_at = j.value("paused_at", UnixSeconds{0});
    t.pause_reason = StoredOptional(j, "pause_reason", ParsePauseReason);
    t.reply_content = j.at("reply_content").get<std::string>();
    if (!j.at("reply_result").is_null()) t.reply_result = ParseReplyResult(j["reply_result"].get<std::string>());
    if (!j.at("satisfaction").is_null()) t.satisfaction = ParseSatisfaction(j["satisfaction"].get<std::string>());
    if (!j.at("resolved").is_null()) t.resolved = j["resolved"].get<bool>();
    t.kb_entry = j.at("kb_entry").get<std::string>();
    t.emergency_number = j.at("emergency_number").get<std::string>();
    t.main_ticket = j.at("main_ticket").get<TicketId>();
    t.supervision_level = j.at("supervision_level").get<int>();
    t.escalation_level = j.at("escalation_level").get<int>();
    if (auto it = j.find("supervisions"); it != j.end()) t.supervisions = DecodeSupervisions(*it);
    t.escalated_to = j.value("escalated_to", std::string());
    if (auto it = j.find("co_tasks"); it != j.end()) t.co_tasks = DecodeCoTasks(*it);
    if (auto it = j.find("whistle"); it != j.end()) t.whistle = DecodeWhistle(*it);
    if (auto it = j.find("joint_reviews"); it != j.end()) t.joint_reviews = DecodeJointReviews(*it);
    t.created_at = j.at("created_at").get<UnixSeconds>();
    t.updated_at = j.at("updated_at").get<UnixSeconds>();
    t.dispatched_at = j.at("dispatched_at").get<UnixSeconds>();
    t.due_at = j.at("due_at").get<UnixSeconds>();
    t.closed_at = j.at("closed_at").get<UnixSeconds>();
    if (auto it = j.find("deadlines"); it != j.end()) {
      HOTLINE_ASSIGN_OR_RETURN(t.deadlines, DecodeDeadlines(*it));
    }
    t.version = j.at("version").get<int>();
    return t;
  } catch (const json::exception& e) {
    return Status::Internal(std::string("stored ticket is malformed: ") + e.what());
  }
}

json EncodeEvent(const Event& e) {
  json j = {{"ticket_id", e.ticket_id},
            {"seq", e.seq},
            {"at", e.at},
            {"actor", {{"username", e.actor.username}, {"role", Name(e.actor.role)}, {"unit", e.actor.unit}}},
            {"command", e.command},
            {"from", Name(e.from)},
            {"to", Name(e.to)},
            {"input", EncodeCommandInput(e.input)}};
  if (e.appeal) j["appeal"] = EncodeAppeal(*e.appeal);
  return j;
}

}  // namespace hotline

// Appeal, Ticket, Actor and Event: the data a ticket carries through its life.
// Plain values with no behaviour; the state machine (state_machine.h) is the only
// code that changes a Ticket, and it does so by producing an Event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/time_limit.h"
#include "domain/vocabulary.h"

namespace hotline {

using TicketId = std::int64_t;

struct Caller {
  std::string name;
  std::string phone;
};

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// What the citizen or company asked for, as recorded at intake.
struct Appeal {
  Channel channel = Channel::kPhone;
  AppealType type = AppealType::kConsultation;
  std::string content;
  Caller caller;
  std::string address;
  std::optional<GeoPoint> location;
  bool enterprise = false;   // company appeal: 2110 time limits and 四优先
  Urgency urgency = Urgency::kNormal;  // 紧急/重要/一般: at intake, or changed by the dispatcher (edit)
  bool no_callback = false;  // 诉求人提出无需回访: an accepted reply closes the ticket without a callback
  std::string category;      // taxonomy code, may be empty until triage
  std::string area;          // unit code of the district/street the appeal is located in, may be empty
  std::string query_code;    // secret the citizen uses to track the ticket on the portal
};

inline bool IsUrgent(const Appeal& a) { return a.urgency == Urgency::kUrgent; }

// One of a ticket's deadlines (issue 10; deadline_tracking.h says when each starts,
// is met, falls overdue or is cancelled).
struct Deadline {
  DeadlineKind kind = DeadlineKind::kSign;
  UnixSeconds due_at = 0;  // 0: not started yet (callback, until a reply is accepted)
  DeadlineState state = DeadlineState::kPending;
  UnixSeconds met_at = 0;  // set when met
  // The scheduler's notices (service/deadline_scheduler.h): it warns at warn_at (a
  // share of the deadline's time used, Policy::warn_share; 0: no warning) and
  // announces the deadline overdue once; each notice is an event, and these flags
  // keep a restarted scheduler from giving it twice.
  UnixSeconds warn_at = 0;
  bool warned = false;
  bool overdue_announced = false;
  bool operator==(const Deadline&) const = default;
};

// One supervision (督办) of a ticket, issue 10. A supervisor opens it at a level
// (1 街镇, 2 区县, 3 市: never above the tier of the supervisor's own unit,
// supervision.h), naming who follows the case (专人盯办) and what the unit must do
// by when; the lead unit answers it; a supervisor of at least its level closes it
// (销号). An overdue handling deadline opens one by rule (by `system`). A ticket
// may carry several over its life; the open ones set Ticket::supervision_level.
struct Supervision {
  int id = 0;                 // the seq of the event that opened it
  // A leader's instruction (批示, `instruct`) is tracked like a supervision at the
  // city level: the unit answers it, a supervisor closes it.
  bool instruction = false;
  int level = 1;
  std::string by;             // username of who opened it ("system" by rule)
  std::string unit;           // the supervisor's unit (empty: the city's hotline center)
  std::string assignee;       // 专人盯办: who follows the case (free text, a name or username)
  std::string instructions;   // what the unit must do
  UnixSeconds opened_at = 0;
  UnixSeconds due_at = 0;     // the unit's answer is due (0: no date set)
  UnixSeconds answered_at = 0;
  std::string answered_by;    // username of the unit staff who answered
  std::string answer;
  UnixSeconds closed_at = 0;  // 销号
  std::string closed_by;
  std::string close_note;
  bool operator==(const Supervision&) const = default;
};

// A co-handler's own task (协办, issue 10): each co-unit signs for its part and
// gives its opinion (`co-sign`, `co-reply`) by its own deadline; the lead unit's
// reply and the review show which co-units answered. A dispatch keeps the task of
// a co-unit it names again and starts one for each new co-unit.
struct CoTask {
  std::string unit;
  UnixSeconds assigned_at = 0;
  UnixSeconds due_at = 0;      // the opinion is due (0: no date, without a calendar)
  UnixSeconds signed_at = 0;
  std::string signed_by;
  UnixSeconds replied_at = 0;
  std::string replied_by;
  std::string reply;
  bool overdue_announced = false;  // the scheduler's co-overdue notice was given (deadline_notices.h)
  bool operator==(const CoTask&) const = default;
};

// 吹哨报到 (issue 10): the lead street calls its district in; the district then
// coordinates and may add co-units (`add-co-units`).
struct Whistle {
  std::string from_unit;  // the unit that blew the whistle
  std::string to_unit;    // the unit above it that was called in
  std::string reason;
  std::string by;
  UnixSeconds at = 0;
  bool operator==(const Whistle&) const = default;
};

// 联席会议 (issue 10): why a ticket went to joint review and what the meeting decided.
struct JointReview {
  std::string sent_by;          // who sent it there ("" : automatically after N returns)
  std::string reason;
  UnixSeconds sent_at = 0;
  UnixSeconds decided_at = 0;   // 0 while undecided
  std::string decided_by;
  std::string lead_unit;
  std::vector<std::string> co_units;
  std::vector<std::string> participants;  // the units or people at the meeting
  std::string minutes;
  bool catalog_change = false;  // the decision was added to the dispatch catalog as an exception rule
  bool operator==(const JointReview&) const = default;
};

// Who performs a command.
struct Actor {
  std::string username;
  Role role = Role::kOperator;
  std::string unit;  // unit code for unit staff; empty otherwise
};

struct Ticket {
  TicketId id = 0;
  Appeal appeal;
  TicketState state = TicketState::kTriage;
  int priority = 0;  // 0 normal, 1 high (enterprise, supervised), 2 urgent
  std::string intake_by;  // username of who recorded the appeal (an operator, or the portal's channel account)
  std::string lead_unit;
  std::vector<std::string> co_units;
  std::vector<CoTask> co_tasks;             // one per co-unit, in co_units' order
  std::vector<std::string> dispatch_chain;  // units that dispatched further down, outermost first
  int return_count = 0;
  int reopen_count = 0;
  int callback_attempts = 0;
  int urge_count = 0;                // 催办: how often the citizen called again about it
  UnixSeconds last_urged_at = 0;
  int supplement_count = 0;          // 补充: information the citizen added later (text in the events)
  bool extension_pending = false;
  int extension_days = 0;            // the days asked for, while a request is pending
  std::string extension_reason;      // why, while a request is pending
  std::string returned_by;           // the unit that last sent the ticket back (empty: never)
  std::string return_reason;         // and why
  std::optional<ReturnKind> return_kind;  // the reason from the list
  std::string return_suggested_unit;      // the unit the returning unit thinks is right (may be empty)
  std::string dispatch_note;         // 派单意见 of the last dispatch
  std::string reply_content;
  std::optional<ReplyResult> reply_result;
  std::string reply_unit;            // the unit that wrote the reply
  std::optional<ContactMethod> reply_contact;  // how the citizen was reached
  UnixSeconds reply_contacted_at = 0;          // and when (0: not given)
  std::string reply_handler;                   // 承办人, and their phone
  std::string reply_handler_phone;
  // 逐级审核: a reply written by a unit that got the ticket by second-level dispatch
  // waits for the unit that dispatched it (now the lead again) to accept it (up to
  // the next dispatcher, or to the hotline's review) or send it back to `reply_from`.
  bool reply_awaiting = false;
  std::string reply_from;            // the unit the awaiting reply came up from
  std::optional<Satisfaction> satisfaction;
  std::optional<bool> resolved;
  std::optional<Dissatisfaction> dissatisfaction;  // why the citizen was unsatisfied (callback)
  std::string callback_comment;  // 回访意见: what the citizen said at the callback
  std::string kb_entry;          // knowledge-base entry that answered it directly
  std::string emergency_number;  // 110/119/120/122 when transferred
  TicketId main_ticket = 0;      // set on a merged sub-ticket
  int supervision_level = 0;     // 督办: the highest level among the open supervisions (0 none, 1..3)
  std::vector<Supervision> supervisions;  // every supervision, open and closed, oldest first
  int escalation_level = 0;      // 提级: 0 none, 1..3
  std::string escalated_to;      // 提级: the higher authority it went to
  std::optional<Whistle> whistle;            // 吹哨: the last call to a unit above
  std::vector<JointReview> joint_reviews;    // every time it went to 联席会议, oldest first
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  UnixSeconds dispatched_at = 0;
  UnixSeconds due_at = 0;        // handling deadline (the handle deadline's due); 0 while not dispatched
  UnixSeconds closed_at = 0;
  // A stopped clock (pause): since when and why; 0 / unset while the clock runs.
  UnixSeconds paused_at = 0;
  std::optional<PauseReason> pause_reason;
  // sign, contact, reply, handle, callback — empty until the hotline first dispatches it
  // (and in a context without time-limit rules).
  std::vector<Deadline> deadlines;
  int version = 0;               // number of events applied
};

// The arguments of a command. Which fields a command reads is stated in the
// command table (state_machine.cc, see command_fields.h); the rest are dropped
// before the command runs and never recorded.
struct CommandInput {
  std::string unit;
  std::vector<std::string> co_units;
  std::string reason;  // free text; for pause a PauseReason name (what is awaited goes in `content`)
  std::string content;
  std::optional<ReplyResult> result;
  std::optional<Satisfaction> satisfaction;
  std::optional<bool> resolved;
  std::optional<Dissatisfaction> dissatisfaction;  // callback, when not satisfied
  std::optional<bool> approve;  // decide-extension
  std::optional<bool> accept;   // review
  std::optional<ContactMethod> contact_method;  // reply: how the citizen was reached
  UnixSeconds contacted_at = 0;                 // reply: when
  std::string handler;                          // reply: 承办人
  std::string handler_phone;                    // reply: their phone
  std::optional<ReturnKind> return_kind;        // return: the reason from the list
  std::string suggested_unit;                   // return: the unit that should handle it
  std::string area;                             // edit: the corrected area (unit code)
  std::optional<bool> urgent;                   // edit: mark urgent (true) or normal (false)
  std::optional<Urgency> urgency;               // edit: the new urgency (agrees with `urgent` when both given)
  bool unreachable = false;     // callback
  int days = 0;                 // request-extension
  int level = 0;                // supervise, escalate
  std::string assignee;         // supervise: 专人盯办
  std::string instructions;     // supervise: what the unit must do
  std::string note;             // close-supervision: 销号 note
  std::string to;               // escalate: the higher authority (e.g. 区政府)
  std::string to_unit;          // whistle: the unit above called in
  std::string lead_unit;        // decide-joint-review: the decided lead unit (co_units: the co-units)
  std::vector<std::string> participants;  // decide-joint-review
  std::string minutes;          // decide-joint-review: 会议纪要
  std::optional<bool> catalog_change;     // decide-joint-review: add the decision to the dispatch catalog
  std::string number;           // transfer-emergency: 110/119/120/122
  std::string kb_entry;         // answer-directly
  TicketId main_ticket = 0;     // merge
  std::string attachment;       // attach: the stored file's id (`content` is its name)
  // answer-directly, out-of-scope, transfer-emergency: the category the ticket is
  // closed with (a taxonomy code); empty keeps the appeal's. edit: the corrected one.
  std::string category;
  std::optional<DeadlineKind> deadline;  // warn, overdue (the scheduler): which deadline
  // Filled by the state machine, not by callers: the deadline it computed, and the
  // ticket's deadlines when the command changed them, so that replaying the event
  // never depends on today's calendar or rules. The one exception: supervise, which
  // computes no deadline, reads `due_at` from its caller as the date the unit's
  // answer is due.
  UnixSeconds due_at = 0;
  UnixSeconds co_due_at = 0;  // filled like due_at: the new co-tasks' deadline
  std::optional<std::vector<Deadline>> deadlines;
};

// One immutable record of a change. `seq` counts from 1 per ticket.
struct Event {
  TicketId ticket_id = 0;
  int seq = 0;
  UnixSeconds at = 0;
  Actor actor;
  std::string command;  // "intake" for the first event
  TicketState from = TicketState::kTriage;
  TicketState to = TicketState::kTriage;
  CommandInput input;
  std::optional<Appeal> appeal;  // set on the intake event only
};

}  // namespace hotline

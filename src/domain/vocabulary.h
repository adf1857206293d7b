// The closed vocabularies of an appeal and a ticket (DESIGN.md §2), each with a
// stable lower-case wire name used in the API, the store and the event log.
// Parse*() returns std::nullopt for an unknown name; Name() never fails.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hotline {

enum class Channel { kPhone, kWeb, kMiniProgram, kSms, kMailbox, kGridMember, kApi, kOpen311 };
enum class AppealType { kConsultation, kHelp, kComplaint, kReport, kSuggestion, kPraise };
enum class TicketState {
  kTriage,            // recorded, waiting for the operator's outcome
  kAnsweredDirectly,  // 直办: answered at once from the knowledge base
  kOutOfScope,        // 超出职责范围: explained, not dispatched
  kTransferred,       // 紧急转接 to 110/119/120/122
  kMerged,            // 并单: a sub-ticket of a main ticket
  kToDispatch,        // waiting for a dispatcher
  kJointReview,       // 联席会议: returned too often, ownership unclear
  kDispatched,        // sent to a unit, not yet signed for
  kInProgress,        // signed for, being handled
  kReplied,           // the unit replied; the hotline reviews the reply
  kToCallback,        // reply accepted; waiting for the callback
  kUnsatisfied,       // callback found the citizen unsatisfied; reopen or close
  kClosed,
};
enum class Role { kOperator, kDispatcher, kUnitStaff, kSupervisor, kCallbackAgent, kAnalyst, kAdmin, kCitizen };
enum class ReplyResult { kResolved, kExplained, kCannotResolve };
enum class Satisfaction { kSatisfied, kBasicallySatisfied, kUnsatisfied };
// Why a citizen was not satisfied, as the callback agent records it (不满意原因);
// the assessment counts these.
enum class Dissatisfaction { kUnresolved, kAttitude, kOffTopic, kSlow, kNoContact, kOther };
// How the unit reached the citizen before replying (the reply form's 联系方式).
enum class ContactMethod { kPhone, kVisit, kSms, kOnline, kNotContacted };
// Why a unit sends a ticket back (退回原因), chosen from a list; the text says more.
enum class ReturnKind { kNotOurDuty, kOutsideArea, kNeedsInformation, kOther };
enum class UnitKind { kCity, kDistrict, kStreet, kCommunity, kDepartment };

std::string_view Name(Channel v);
std::string_view Name(AppealType v);
std::string_view Name(TicketState v);
std::string_view Name(Role v);
std::string_view Name(ReplyResult v);
std::string_view Name(Satisfaction v);
std::string_view Name(Dissatisfaction v);
std::string_view Name(ContactMethod v);
std::string_view Name(ReturnKind v);
std::string_view Name(UnitKind v);

std::optional<Channel> ParseChannel(std::string_view s);
std::optional<AppealType> ParseAppealType(std::string_view s);
std::optional<TicketState> ParseTicketState(std::string_view s);
std::optional<Role> ParseRole(std::string_view s);
std::optional<ReplyResult> ParseReplyResult(std::string_view s);
std::optional<Satisfaction> ParseSatisfaction(std::string_view s);
std::optional<Dissatisfaction> ParseDissatisfaction(std::string_view s);
std::optional<ContactMethod> ParseContactMethod(std::string_view s);
std::optional<ReturnKind> ParseReturnKind(std::string_view s);
std::optional<UnitKind> ParseUnitKind(std::string_view s);

// Every wire name of a vocabulary, in declaration order (for validation messages).
std::vector<std::string_view> ChannelNames();
std::vector<std::string_view> AppealTypeNames();
std::vector<std::string_view> TicketStateNames();
std::vector<std::string_view> DissatisfactionNames();

// True for states no command leaves (closed, answered directly, out of scope, transferred, merged).
bool IsTerminal(TicketState s);

}  // namespace hotline

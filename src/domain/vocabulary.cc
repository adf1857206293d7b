#include "domain/vocabulary.h"

#include "domain/name_table.h"

namespace hotline {
namespace {

constexpr NameTable<Channel, 8> kChannels{{
    {Channel::kPhone, "phone"}, {Channel::kWeb, "web"}, {Channel::kMiniProgram, "mini_program"},
    {Channel::kSms, "sms"}, {Channel::kMailbox, "mailbox"}, {Channel::kGridMember, "grid_member"},
    {Channel::kApi, "api"}, {Channel::kOpen311, "open311"},
}};
constexpr NameTable<AppealType, 6> kAppealTypes{{
    {AppealType::kConsultation, "consultation"}, {AppealType::kHelp, "help"},
    {AppealType::kComplaint, "complaint"}, {AppealType::kReport, "report"},
    {AppealType::kSuggestion, "suggestion"}, {AppealType::kPraise, "praise"},
}};
constexpr NameTable<TicketState, 13> kStates{{
    {TicketState::kTriage, "triage"}, {TicketState::kAnsweredDirectly, "answered_directly"},
    {TicketState::kOutOfScope, "out_of_scope"}, {TicketState::kTransferred, "transferred"},
    {TicketState::kMerged, "merged"}, {TicketState::kToDispatch, "to_dispatch"},
    {TicketState::kJointReview, "joint_review"}, {TicketState::kDispatched, "dispatched"},
    {TicketState::kInProgress, "in_progress"}, {TicketState::kReplied, "replied"},
    {TicketState::kToCallback, "to_callback"}, {TicketState::kUnsatisfied, "unsatisfied"},
    {TicketState::kClosed, "closed"},
}};
constexpr NameTable<Role, 8> kRoles{{
    {Role::kOperator, "operator"}, {Role::kDispatcher, "dispatcher"}, {Role::kUnitStaff, "unit"},
    {Role::kSupervisor, "supervisor"}, {Role::kCallbackAgent, "callback"}, {Role::kAnalyst, "analyst"},
    {Role::kAdmin, "admin"}, {Role::kCitizen, "citizen"},
}};
constexpr NameTable<ReplyResult, 3> kReplyResults{{
    {ReplyResult::kResolved, "resolved"}, {ReplyResult::kExplained, "explained"},
    {ReplyResult::kCannotResolve, "cannot_resolve"},
}};
constexpr NameTable<Satisfaction, 3> kSatisfactions{{
    {Satisfaction::kSatisfied, "satisfied"}, {Satisfaction::kBasicallySatisfied, "basically_satisfied"},
    {Satisfaction::kUnsatisfied, "unsatisfied"},
}};
constexpr NameTable<Dissatisfaction, 6> kDissatisfactions{{
    {Dissatisfaction::kUnresolved, "unresolved"}, {Dissatisfaction::kAttitude, "attitude"},
    {Dissatisfaction::kOffTopic, "off_topic"},     {Dissatisfaction::kSlow, "slow"},
    {Dissatisfaction::kNoContact, "no_contact"},   {Dissatisfaction::kOther, "other"},
}};
constexpr NameTable<ContactMethod, 5> kContactMethods{{
    {ContactMethod::kPhone, "phone"}, {ContactMethod::kVisit, "visit"}, {ContactMethod::kSms, "sms"},
    {ContactMethod::kOnline, "online"}, {ContactMethod::kNotContacted, "not_contacted"},
}};
constexpr NameTable<ReturnKind, 4> kReturnKinds{{
    {ReturnKind::kNotOurDuty, "not_our_duty"}, {ReturnKind::kOutsideArea, "outside_area"},
    {ReturnKind::kNeedsInformation, "needs_information"}, {ReturnKind::kOther, "other"},
}};
constexpr NameTable<UnitKind, 5> kUnitKinds{{
    {UnitKind::kCity, "city"}, {UnitKind::kDistrict, "district"}, {UnitKind::kStreet, "street"},
    {UnitKind::kCommunity, "community"}, {UnitKind::kDepartment, "department"},
}};

}  // namespace

std::string_view Name(Channel v) { return NameIn(kChannels, v); }
std::string_view Name(AppealType v) { return NameIn(kAppealTypes, v); }
std::string_view Name(TicketState v) { return NameIn(kStates, v); }
std::string_view Name(Role v) { return NameIn(kRoles, v); }
std::string_view Name(ReplyResult v) { return NameIn(kReplyResults, v); }
std::string_view Name(Satisfaction v) { return NameIn(kSatisfactions, v); }
std::string_view Name(Dissatisfaction v) { return NameIn(kDissatisfactions, v); }
std::string_view Name(ContactMethod v) { return NameIn(kContactMethods, v); }
std::string_view Name(ReturnKind v) { return NameIn(kReturnKinds, v); }
std::string_view Name(UnitKind v) { return NameIn(kUnitKinds, v); }

std::optional<Channel> ParseChannel(std::string_view s) { return ParseIn(kChannels, s); }
std::optional<AppealType> ParseAppealType(std::string_view s) { return ParseIn(kAppealTypes, s); }
std::optional<TicketState> ParseTicketState(std::string_view s) { return ParseIn(kStates, s); }
std::optional<Role> ParseRole(std::string_view s) { return ParseIn(kRoles, s); }
std::optional<ReplyResult> ParseReplyResult(std::string_view s) { return ParseIn(kReplyResults, s); }
std::optional<Satisfaction> ParseSatisfaction(std::string_view s) { return ParseIn(kSatisfactions, s); }
std::optional<Dissatisfaction> ParseDissatisfaction(std::string_view s) { return ParseIn(kDissatisfactions, s); }
std::optional<ContactMethod> ParseContactMethod(std::string_view s) { return ParseIn(kContactMethods, s); }
std::optional<ReturnKind> ParseReturnKind(std::string_view s) { return ParseIn(kReturnKinds, s); }
std::optional<UnitKind> ParseUnitKind(std::string_view s) { return ParseIn(kUnitKinds, s); }

std::vector<std::string_view> ChannelNames() { return NamesIn(kChannels); }
std::vector<std::string_view> AppealTypeNames() { return NamesIn(kAppealTypes); }
std::vector<std::string_view> TicketStateNames() { return NamesIn(kStates); }
std::vector<std::string_view> DissatisfactionNames() { return NamesIn(kDissatisfactions); }

bool IsTerminal(TicketState s) {
  switch (s) {
    case TicketState::kClosed:
    case TicketState::kAnsweredDirectly:
    case TicketState::kOutOfScope:
    case TicketState::kTransferred:
    case TicketState::kMerged:
      return true;
    default:
      return false;
  }
}

}  // namespace hotline

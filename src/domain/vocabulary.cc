#include "domain/vocabulary.h"

#include <array>
#include <utility>

namespace hotline {
namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

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

template <typename E, std::size_t N>
std::string_view Lookup(const NameTable<E, N>& table, E v) {
  for (const auto& [e, name] : table)
    if (e == v) return name;
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> Parse(const NameTable<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<std::string_view> Names(const NameTable<E, N>& table) {
  std::vector<std::string_view> out;
  for (const auto& entry : table) out.push_back(entry.second);
  return out;
}

}  // namespace

std::string_view Name(Channel v) { return Lookup(kChannels, v); }
std::string_view Name(AppealType v) { return Lookup(kAppealTypes, v); }
std::string_view Name(TicketState v) { return Lookup(kStates, v); }
std::string_view Name(Role v) { return Lookup(kRoles, v); }
std::string_view Name(ReplyResult v) { return Lookup(kReplyResults, v); }
std::string_view Name(Satisfaction v) { return Lookup(kSatisfactions, v); }
std::string_view Name(Dissatisfaction v) { return Lookup(kDissatisfactions, v); }
std::string_view Name(ContactMethod v) { return Lookup(kContactMethods, v); }
std::string_view Name(ReturnKind v) { return Lookup(kReturnKinds, v); }
std::string_view Name(UnitKind v) { return Lookup(kUnitKinds, v); }

std::optional<Channel> ParseChannel(std::string_view s) { return Parse(kChannels, s); }
std::optional<AppealType> ParseAppealType(std::string_view s) { return Parse(kAppealTypes, s); }
std::optional<TicketState> ParseTicketState(std::string_view s) { return Parse(kStates, s); }
std::optional<Role> ParseRole(std::string_view s) { return Parse(kRoles, s); }
std::optional<ReplyResult> ParseReplyResult(std::string_view s) { return Parse(kReplyResults, s); }
std::optional<Satisfaction> ParseSatisfaction(std::string_view s) { return Parse(kSatisfactions, s); }
std::optional<Dissatisfaction> ParseDissatisfaction(std::string_view s) { return Parse(kDissatisfactions, s); }
std::optional<ContactMethod> ParseContactMethod(std::string_view s) { return Parse(kContactMethods, s); }
std::optional<ReturnKind> ParseReturnKind(std::string_view s) { return Parse(kReturnKinds, s); }
std::optional<UnitKind> ParseUnitKind(std::string_view s) { return Parse(kUnitKinds, s); }

std::vector<std::string_view> ChannelNames() { return Names(kChannels); }
std::vector<std::string_view> AppealTypeNames() { return Names(kAppealTypes); }
std::vector<std::string_view> TicketStateNames() { return Names(kStates); }
std::vector<std::string_view> DissatisfactionNames() { return Names(kDissatisfactions); }

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

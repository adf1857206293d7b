#include "domain/time_limit.h"

#include <charconv>
#include <utility>

#include "domain/name_table.h"

namespace hotline {
namespace {

constexpr NameTable<LimitUnit, 4> kUnits{{
    {LimitUnit::kNaturalHours, "natural_hours"},
    {LimitUnit::kWorkingHours, "working_hours"},
    {LimitUnit::kWorkingDays, "working_days"},
    {LimitUnit::kNaturalDays, "natural_days"},
}};
constexpr NameTable<DeadlineKind, kDeadlineKinds> kKinds{{
    {DeadlineKind::kSign, "sign"},
    {DeadlineKind::kContact, "contact"},
    {DeadlineKind::kReply, "reply"},
    {DeadlineKind::kHandle, "handle"},
    {DeadlineKind::kCallback, "callback"},
}};
constexpr NameTable<Urgency, 3> kUrgencies{{
    {Urgency::kUrgent, "urgent"},
    {Urgency::kImportant, "important"},
    {Urgency::kNormal, "normal"},
}};
constexpr NameTable<DeadlineState, 5> kDeadlineStates{{
    {DeadlineState::kPending, "pending"},
    {DeadlineState::kMet, "met"},
    {DeadlineState::kOverdue, "overdue"},
    {DeadlineState::kPaused, "paused"},
    {DeadlineState::kCancelled, "cancelled"},
}};
constexpr NameTable<PauseReason, 3> kPauseReasons{{
    {PauseReason::kCitizenUnreachable, "citizen_unreachable"},
    {PauseReason::kAwaitingExtension, "awaiting_extension"},
    {PauseReason::kAwaitingThirdParty, "awaiting_third_party"},
}};

}  // namespace

std::string_view Name(LimitUnit v) { return NameIn(kUnits, v, "?"); }
std::string_view Name(DeadlineKind v) { return NameIn(kKinds, v, "?"); }
std::string_view Name(Urgency v) { return NameIn(kUrgencies, v, "?"); }
std::string_view Name(DeadlineState v) { return NameIn(kDeadlineStates, v, "?"); }
std::string_view Name(PauseReason v) { return NameIn(kPauseReasons, v, "?"); }
std::optional<LimitUnit> ParseLimitUnit(std::string_view s) { return ParseIn(kUnits, s); }
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view s) { return ParseIn(kKinds, s); }
std::optional<Urgency> ParseUrgency(std::string_view s) { return ParseIn(kUrgencies, s); }
std::optional<DeadlineState> ParseDeadlineState(std::string_view s) { return ParseIn(kDeadlineStates, s); }
std::optional<PauseReason> ParsePauseReason(std::string_view s) { return ParseIn(kPauseReasons, s); }
std::vector<std::string_view> PauseReasonNames() { return NamesIn(kPauseReasons); }

std::string FormatTimeLimit(const TimeLimit& limit) {
  return std::to_string(limit.amount) + " " + std::string(Name(limit.unit));
}

std::optional<TimeLimit> ParseTimeLimit(std::string_view s) {
  const std::size_t space = s.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view number = s.substr(0, space);
  int amount = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), amount);
  if (error != std::errc() || end != number.data() + number.size()) return std::nullopt;
  if (amount <= 0 || amount > kMaxLimitAmount) return std::nullopt;
  const auto unit = ParseLimitUnit(s.substr(space + 1));
  if (!unit) return std::nullopt;
  return TimeLimit{amount, *unit};
}

}  // namespace hotline

// The words of time limits (issue 10): the four units a limit is counted in, the
// five deadlines a ticket carries, the three urgencies of an appeal and why a
// ticket's clock may be stopped (pause), each with
// a stable snake_case wire name for data files, JSON and the event log.
// Parse*() returns std::nullopt for an unknown name; Name() never fails.
// (Kept apart from vocabulary.h, which nearly every file includes.)
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline {

// How a limit is counted from its start instant (see WorkTime::DueAt).
enum class LimitUnit {
  kNaturalHours,  // elapsed hours, day and night
  kWorkingHours,  // hours inside the center's working hours on working days
  kWorkingDays,   // working days of the official calendar, at the same time of day
  kNaturalDays,   // elapsed days (24 hours each: Asia/Shanghai has no daylight saving)
};

// The deadlines of a ticket: sign (the unit signs for it, from dispatch), contact
// (first contact with the citizen), reply (first answer), handle (final reply),
// callback (the hotline calls back, from the accepted reply).
enum class DeadlineKind { kSign, kContact, kReply, kHandle, kCallback };
inline constexpr std::size_t kDeadlineKinds = 5;
inline constexpr std::array<DeadlineKind, kDeadlineKinds> kAllDeadlineKinds = {
    DeadlineKind::kSign, DeadlineKind::kContact, DeadlineKind::kReply, DeadlineKind::kHandle, DeadlineKind::kCallback};

// The urgency of an appeal: set at intake, changeable by the dispatcher (edit).
enum class Urgency { kUrgent, kImportant, kNormal };

// Where one deadline stands: pending (the clock runs), met (done, at met_at; late
// when met_at > due_at), overdue (due passed, not met), paused (the clock stopped),
// cancelled (no longer owed: the ticket left the unit or closed without it).
enum class DeadlineState { kPending, kMet, kOverdue, kPaused, kCancelled };

// Why a unit stopped a ticket's clock (pause): the citizen cannot be reached, the
// unit waits for the decision on its extension request, or for a third party (an
// appraisal, another authority's answer).
enum class PauseReason { kCitizenUnreachable, kAwaitingExtension, kAwaitingThirdParty };

// A limit: `amount` (> 0) of `unit`.
struct TimeLimit {
  int amount = 0;
  LimitUnit unit = LimitUnit::kWorkingDays;
  bool operator==(const TimeLimit&) const = default;
};

std::string_view Name(LimitUnit v);
std::string_view Name(DeadlineKind v);
std::string_view Name(Urgency v);
std::string_view Name(DeadlineState v);
std::string_view Name(PauseReason v);
std::optional<LimitUnit> ParseLimitUnit(std::string_view s);
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view s);
std::optional<Urgency> ParseUrgency(std::string_view s);
std::optional<DeadlineState> ParseDeadlineState(std::string_view s);
std::optional<PauseReason> ParsePauseReason(std::string_view s);
// Every pause reason's name, in a stable order (for error messages and the API).
std::vector<std::string_view> PauseReasonNames();

// "24 natural_hours" and back; ParseTimeLimit refuses a non-positive or huge
// amount (above kMaxLimitAmount) and an unknown unit.
inline constexpr int kMaxLimitAmount = 10000;
std::string FormatTimeLimit(const TimeLimit& limit);
std::optional<TimeLimit> ParseTimeLimit(std::string_view s);

}  // namespace hotline

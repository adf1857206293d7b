// The fields of a command's input (CommandInput), by the names they have in API
// bodies and stored events. The command table (state_machine.cc) says which fields
// each command reads; the API refuses the others and the event keeps only those
// read, so nothing a command ignores reaches the immutable history. `deadlines` is
// not among them, nor is `due_at` except for supervise: the state machine fills
// them in, no other caller sets them.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "domain/ticket.h"

namespace hotline {

enum class InputField {
  kUnit,
  kCoUnits,
  kReason,
  kContent,
  kResult,
  kSatisfaction,
  kResolved,
  kApprove,
  kAccept,
  kUnreachable,
  kDays,
  kLevel,
  kNumber,
  kKbEntry,
  kMainTicket,
  kAttachment,
  kDissatisfaction,
  kCategory,
  kContactMethod,
  kContactedAt,
  kHandler,
  kHandlerPhone,
  kReturnKind,
  kSuggestedUnit,
  kArea,
  kUrgent,
  kUrgency,
  kDeadline,
  kAssignee,
  kInstructions,
  kNote,
  kDueAt,  // supervise only: when the unit's answer is due (see CommandInput::due_at)
  kTo,     // escalate: the higher authority
  kToUnit,         // whistle
  kLeadUnit,       // decide-joint-review
  kParticipants,   // decide-joint-review
  kMinutes,        // decide-joint-review
  kCatalogChange,  // decide-joint-review
};

// A set of input fields.
class InputFields {
 public:
  constexpr InputFields() = default;
  constexpr InputFields(std::initializer_list<InputField> fields) {
    for (InputField f : fields) bits_ |= Bit(f);
  }
  constexpr bool Has(InputField f) const { return (bits_ & Bit(f)) != 0; }

 private:
  static constexpr std::uint64_t Bit(InputField f) { return std::uint64_t{1} << static_cast<int>(f); }
  std::uint64_t bits_ = 0;
};

std::string_view Name(InputField f);
std::optional<InputField> ParseInputField(std::string_view name);

// `in` with every field outside `keep` reset to its empty value; due_at, co_due_at
// and deadlines (filled by the state machine) are kept.
CommandInput KeepFields(CommandInput in, InputFields keep);

}  // namespace hotline

#include "domain/kb_entry.h"

#include "domain/limits.h"

namespace hotline {
namespace {

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Status ValidateKbEntry(const KbEntry& e, const Taxonomy* taxonomy, const UnitTree* units) {
  if (e.question.empty()) return Status::Required("question");
  if (e.question.size() > kMaxKbQuestionBytes)
    return Status::InvalidArgument("question", "question is longer than 1000 bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxKbQuestionBytes);
  if (e.answer.empty()) return Status::Required("answer");
  if (e.answer.size() > kMaxKbAnswerBytes)
    return Status::InvalidArgument("answer", "answer is longer than 20000 bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxKbAnswerBytes);
  if (!e.valid_from.empty() && !IsDate(e.valid_from))
    return Status::InvalidArgument("valid_from", "valid_from must be YYYY-MM-DD").WithReason(Reasons::kInvalidValue);
  if (!e.valid_to.empty() && !IsDate(e.valid_to))
    return Status::InvalidArgument("valid_to", "valid_to must be YYYY-MM-DD").WithReason(Reasons::kInvalidValue);
  if (!e.valid_from.empty() && !e.valid_to.empty() && e.valid_to < e.valid_from)
    return Status::InvalidArgument("valid_to", "valid_to is before valid_from").WithReason(Reasons::kInvalidValue);
  if (taxonomy && !e.category.empty() && !taxonomy->Find(e.category))
    return Status::InvalidArgument("category", "unknown category " + e.category)
        .WithReason(Reasons::kUnknownCategory)
        .WithParam("code", e.category);
  if (units && !e.unit.empty() && !units->Find(e.unit))
    return Status::InvalidArgument("unit", "unknown unit " + e.unit)
        .WithReason(Reasons::kUnknownUnit)
        .WithParam("code", e.unit);
  return Status::Ok();
}

bool KbEntryValidOn(const KbEntry& e, const std::string& date) {
  if (!e.active) return false;
  if (!e.valid_from.empty() && date < e.valid_from) return false;
  if (!e.valid_to.empty() && date > e.valid_to) return false;
  return true;
}

}  // namespace hotline

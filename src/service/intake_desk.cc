#include "service/intake_desk.h"

#include "domain/limits.h"
#include "service/refusals.h"

namespace hotline::service {

Result<triage::TriageResult> IntakeDesk::Triage(const triage::TriageInput& input, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kTriage));
  if (input.content.size() > kMaxContentBytes)
    return Status::InvalidArgument("content", "content is longer than 20000 bytes")
        .WithReason(Reasons::kTooLong)
        .WithParam("max", kMaxContentBytes);
  return core_.reference()->assistant->Triage(input);
}

}  // namespace hotline::service

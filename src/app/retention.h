// Retention: callers' names, phones and addresses are removed from tickets
// closed more than `older_than_days` ago (the "anonymise" command, by the
// system account, one event per ticket; the intake event is redacted in the
// same transaction). Areas, categories, times and states stay, so statistics
// are unchanged. Used by `hotline anonymise` and by serve's daily run.
#pragma once

#include <functional>

#include "domain/clock.h"
#include "domain/state_machine.h"
#include "store/store.h"

namespace hotline::app {

// The account recorded on retention events.
inline Actor RetentionActor() { return {"system", Role::kAdmin, ""}; }

// Anonymises every eligible ticket, in batches; `progress` gets the running count.
Result<long long> AnonymiseClosedTickets(Store& store, const Context& ctx, int older_than_days,
                                         const std::function<void(long long)>& progress = nullptr);

}  // namespace hotline::app

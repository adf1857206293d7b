#include "app/retention.h"

namespace hotline::app {

Result<long long> AnonymiseClosedTickets(Store& store, const Context& ctx, int older_than_days,
                                         const std::function<void(long long)>& progress) {
  if (older_than_days < 1) return Status::InvalidArgument("older_than", "the retention period is at least 1 day");
  const UnixSeconds cutoff = ctx.now - static_cast<UnixSeconds>(older_than_days) * 86400;
  long long total = 0;
  while (true) {
    HOTLINE_ASSIGN_OR_RETURN(auto done, store.AnonymiseClosedTickets(cutoff, 500, [&](const Ticket& current) {
      return Apply(current, "anonymise", {}, RetentionActor(), ctx);
    }));
    total += done;
    if (progress) progress(total);
    if (done == 0) return total;
  }
}

}  // namespace hotline::app

#include "app/replay_check.h"

#include "store/codec.h"

namespace hotline::app {

Result<ReplayCheckReport> CheckReplay(Store& store, const Context& ctx,
                                      const std::function<void(std::int64_t, std::int64_t)>& progress) {
  ReplayCheckReport report;
  HOTLINE_ASSIGN_OR_RETURN(auto total, store.CountTickets());
  auto mismatch = [&](TicketId id, const std::string& what) {
    ++report.mismatch_count;
    if (report.mismatches.size() < 100) report.mismatches.push_back("ticket " + std::to_string(id) + ": " + what);
  };
  TicketFilter filter;
  filter.sort = "id";
  filter.per_page = 200;
  for (filter.page = 1;; ++filter.page) {
    HOTLINE_ASSIGN_OR_RETURN(auto page, store.ListTickets(filter));
    if (page.items.empty()) break;
    for (const Ticket& stored : page.items) {
      ++report.tickets;
      HOTLINE_ASSIGN_OR_RETURN(auto events, store.GetEvents(stored.id));
      report.events += static_cast<std::int64_t>(events.size());
      if (static_cast<std::int64_t>(events.size()) != stored.version) {
        mismatch(stored.id,
                 "version " + std::to_string(stored.version) + " but " + std::to_string(events.size()) + " events");
        continue;
      }
      auto replayed = Replay(events, ctx);
      if (!replayed.ok()) {
        mismatch(stored.id, "does not replay: " + replayed.status().message());
        continue;
      }
      if (EncodeTicket(*replayed) != EncodeTicket(stored)) mismatch(stored.id, "replayed state differs from stored");
    }
    if (progress) progress(report.tickets, total);
  }
  return report;
}

}  // namespace hotline::app

#include "app/history_model.h"

#include <map>
#include <utility>

namespace hotline::app {
namespace {

constexpr std::size_t kLargestPage = 200;  // the store's limit on per_page

}  // namespace

Result<triage::Classifier> TrainHistoryModel(Store& store, const Taxonomy& taxonomy, const HistoryModelOptions& options,
                                             HistoryModelReport* report) {
  const Status cancelled = Status::Unavailable("cancelled");
  std::vector<triage::LabelledText> data;
  std::size_t read = 0;
  if (options.max_tickets > 0) {
    // Equal pages that cover max_tickets with the least overshoot.
    const std::size_t pages = (options.max_tickets + kLargestPage - 1) / kLargestPage;
    TicketFilter filter;
    filter.sort = "-id";  // most recent first
    filter.per_page = static_cast<int>((options.max_tickets + pages - 1) / pages);
    for (filter.page = 1; read < options.max_tickets; ++filter.page) {
      if (options.stop.stop_requested()) return cancelled;
      HOTLINE_ASSIGN_OR_RETURN(auto page, store.ListTickets(filter));
      for (const Ticket& t : page.items) {
        if (read == options.max_tickets) break;
        ++read;
        if (!t.appeal.category.empty() && !t.appeal.content.empty() && taxonomy.Find(t.appeal.category))
          data.push_back({t.appeal.content, t.appeal.category});
      }
      if (page.items.size() < static_cast<std::size_t>(filter.per_page)) break;
    }
  }
  std::map<std::string, int> per_label;
  for (const auto& d : data) ++per_label[d.label];
  std::erase_if(data, [&](const triage::LabelledText& d) { return per_label[d.label] < options.min_per_category; });
  std::erase_if(per_label, [&](const auto& kv) { return kv.second < options.min_per_category; });
  if (per_label.size() < 2)
    return Status::InvalidArgument(
        "history", "fewer than two categories with " + std::to_string(options.min_per_category) + " tickets each");

  triage::TrainOptions train;
  train.stop = options.stop;
  for (const Category& c : taxonomy.categories())
    if (per_label.count(c.code)) train.hints.push_back({taxonomy.FullName(c.code), c.code});
  HOTLINE_ASSIGN_OR_RETURN(auto model, triage::Classifier::Train(data, train));
  if (report) *report = {read, data.size(), per_label.size()};
  return model;
}

}  // namespace hotline::app

#include "app/history_model.h"

#include <map>
#include <utility>

namespace hotline::app {

Result<triage::Classifier> TrainHistoryModel(Store& store, const Taxonomy& taxonomy,
                                             const HistoryModelOptions& options, HistoryModelReport* report) {
  std::vector<triage::LabelledText> data;
  TicketFilter filter;
  filter.sort = "-id";
  filter.per_page = 200;  // the store's largest page
  for (filter.page = 1; data.size() < options.max_tickets; ++filter.page) {
    auto page = store.ListTickets(filter);
    if (!page.ok()) return page.status();
    for (const Ticket& t : page->items)
      if (!t.appeal.category.empty() && !t.appeal.content.empty() && taxonomy.Find(t.appeal.category))
        data.push_back({t.appeal.content, t.appeal.category});
    if (page->items.size() < static_cast<std::size_t>(filter.per_page)) break;
  }
  std::map<std::string, int> per_label;
  for (const auto& d : data) ++per_label[d.label];
  std::erase_if(data, [&](const triage::LabelledText& d) { return per_label[d.label] < options.min_per_category; });
  std::erase_if(per_label, [&](const auto& kv) { return kv.second < options.min_per_category; });
  if (per_label.size() < 2)
    return Status::InvalidArgument("history", "fewer than two categories with " +
                                      std::to_string(options.min_per_category) + " tickets each");

  triage::TrainOptions train;
  for (const Category& c : taxonomy.categories())
    if (per_label.count(c.code)) train.hints.push_back({taxonomy.FullName(c.code), c.code});
  auto model = triage::Classifier::Train(data, train);
  if (!model.ok()) return model.status();
  if (report) *report = {data.size(), per_label.size()};
  return model;
}

}  // namespace hotline::app

// History model: the category classifier a city trains from its own closed
// tickets (appeal text → taxonomy leaf code), the way a hotline learns from its
// history. The leaves of the taxonomy become hint texts (their path of names),
// so a category with few tickets still has its words. Used by `serve --demo`
// when no --model is given; the model is as good as the history it saw, so
// docs/TRIAGE.md measures the classifier on real, held-out data instead.
#pragma once

#include <cstddef>
#include <functional>

#include "domain/taxonomy.h"
#include "store/store.h"
#include "triage/classifier.h"

namespace hotline::app {

struct HistoryModelOptions {
  std::size_t max_tickets = 20000;  // most recent tickets with a category
  int min_per_category = 2;         // categories with fewer tickets are left out
};

struct HistoryModelReport {
  std::size_t tickets = 0;     // texts learned from
  std::size_t categories = 0;  // labels of the model
};

// Fails (InvalidArgument, field "history") when the store has fewer than two categories with
// enough tickets; never changes the store.
Result<triage::Classifier> TrainHistoryModel(Store& store, const Taxonomy& taxonomy,
                                             const HistoryModelOptions& options, HistoryModelReport* report);

}  // namespace hotline::app

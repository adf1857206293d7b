// History model: the category classifier a city trains from its own closed
// tickets (appeal text → taxonomy leaf code), the way a hotline learns from its
// history. The leaves of the taxonomy become hint texts (their path of names),
// so a category with few tickets still has its words. Used by `serve --demo`
// when no --model is given; the model is as good as the history it saw, so
// docs/TRIAGE.md measures the classifier on real, held-out data instead.
// The work is bounded (only the most recent max_tickets tickets are read, a
// page at a time) and cancellable through options.stop.
#pragma once

#include <cstddef>
#include <functional>
#include <stop_token>

#include "domain/taxonomy.h"
#include "store/store.h"
#include "triage/classifier.h"

namespace hotline::app {

struct HistoryModelOptions {
  // The most recent tickets read (those with a category are learned from):
  // bounds memory and keeps training to a few seconds on a large history.
  std::size_t max_tickets = 8000;
  int min_per_category = 2;  // categories with fewer tickets are left out
  std::stop_token stop;      // a stop request cancels reading and training
};

struct HistoryModelReport {
  std::size_t read = 0;        // tickets read from the store (at most max_tickets)
  std::size_t tickets = 0;     // texts learned from
  std::size_t categories = 0;  // labels of the model
};

// Fails (InvalidArgument, field "history") when the store has fewer than two categories with
// enough tickets, and with Unavailable "cancelled" soon after options.stop is requested;
// never changes the store.
Result<triage::Classifier> TrainHistoryModel(Store& store, const Taxonomy& taxonomy, const HistoryModelOptions& options,
                                             HistoryModelReport* report);

}  // namespace hotline::app

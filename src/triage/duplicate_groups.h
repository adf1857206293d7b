// Grouping appeals into duplicates (并单), as `hotline dedupe` and the server do (issue 12).
//
// The appeals are taken in time order (ties: input order). Each one is first
// queried against the index of those before it (duplicate_index.h) and then
// added; every candidate scoring at least options.threshold within the time
// window is a duplicate pair. The appeal joins every group it has a pair with,
// except that a group of three or more members needs at least
// options.group_min_links of them to pair with it (default 2; 1 gives the
// connected components of the pairs, where one weak link chains two matters).
// Chains of pairs still form (A~B, then C~B joins the group of two). A group
// is named by its earliest member
// (smallest time, then first in input order): the main ticket (主单).
//
// Text weights (options.idf_weighting): the shingles' document frequencies are
// counted over all the appeals first (CorpusWeights), then every appeal is
// signed with them: the batch knows its whole corpus, as a server that has
// seen it would.
//
// Returns, for each appeal in input order, the input index of its group's
// earliest member; an appeal with no duplicate is its own group.
// Deterministic; reads nothing but its arguments.
#pragma once

#include <cstddef>
#include <vector>

#include "triage/dedupe_options.h"
#include "triage/duplicate_score.h"

namespace hotline::triage {

ShingleWeights CorpusWeights(const std::vector<DedupeAppeal>& appeals, const DedupeOptions& options);

std::vector<std::size_t> GroupDuplicates(const std::vector<DedupeAppeal>& appeals, const DedupeOptions& options);

}  // namespace hotline::triage

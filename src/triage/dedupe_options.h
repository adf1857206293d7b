// The settings of duplicate detection (issue 12), one struct for the server's
// intake suggestions and for `hotline dedupe`: the defaults here are the
// server's. docs/DEDUPE.md explains each value and how the threshold was chosen.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hotline::triage {

struct DedupeOptions {
  // Text: character n-grams over the normalised text without punctuation.
  int shingle_size = 2;
  std::size_t max_units = 3000;  // longer texts are cut
  // MinHash signature length and its LSH banding (bands × rows ≤ num_hashes).
  int num_hashes = 128;
  int lsh_bands = 42;
  int lsh_rows = 3;
  std::uint64_t seed = 0x12345;  // fixed: signatures are the same in every process
  // IDF weighting of the shingles (shingle_weights.h): the signature estimates the
  // weighted Jaccard similarity, common shingles (boilerplate) counting less.
  bool idf_weighting = true;
  double idf_rare_ratio = 0.003;       // shingles in at most this share of appeals weigh 1
  double idf_min_weight = 0.02;        // a shingle in every appeal weighs this
  std::uint32_t idf_min_documents = 100;  // fewer appeals seen: every weight 1

  // Score = text similarity (estimated Jaccard) + evidence, clamped to [0, 1].
  double place_bonus = 0.15;            // the two texts name the same place
  double place_conflict_penalty = 0.5;  // both name places, none in common
  double caller_bonus = 0.2;            // the same caller (strong evidence)
  double near_metres = 300;             // points within this distance …
  double near_bonus = 0.1;              // … add this
  double far_metres = 2000;             // points farther apart than this …
  double far_penalty = 0.4;             // … subtract this

  // Two appeals are duplicates (merged into one group) at this score or above.
  double threshold = 0.25;
  // Grouping: an appeal joins a group of three or more only when it pairs with at
  // least this many of its members (1: union of pairs, chains through any one link).
  int group_min_links = 2;
  // Only appeals within this many seconds of each other are compared (0: any time).
  std::int64_t window_seconds = 90LL * 24 * 3600;

  // Candidate search bounds (the index's cost at millions of tickets).
  std::size_t max_bucket_scan = 1000;  // entries read per LSH bucket, newest first
  std::size_t max_key_scan = 200;      // entries read per place, caller or map cell, newest first
  std::size_t max_results = 10;        // ranked candidates returned by a query
};

}  // namespace hotline::triage

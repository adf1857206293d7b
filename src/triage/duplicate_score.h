// Comparing two appeals for duplicate detection (issue 12): their fingerprints
// and the evidence that they raise the same problem.
//
// An appeal's fingerprint holds what the comparison needs and nothing else:
// the MinHash signature of its text shingles (dedupe_text.h, minhash.h), the
// keys of the place names in its text and address, a hash of its caller, its
// point and its time. Compare() returns the evidence with a score:
//
//   score = text similarity (estimated Jaccard of the shingle sets, IDF-weighted
//           when the fingerprint was made with weights: shingle_weights.h)
//         + place_bonus            when a place name of one matches one of the other
//         − place_conflict_penalty when both name places and none match
//         + caller_bonus           when the callers are the same
//         + near_bonus             when both points are within near_metres
//         − far_penalty            when both points are more than far_metres apart
//   clamped to [0, 1]; duplicates when score ≥ threshold and the time gap is
//   within the window (DedupeOptions). Missing fields add no evidence.
//
// Pure and deterministic; a Fingerprinter is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "triage/dedupe_options.h"
#include "triage/dedupe_text.h"
#include "triage/minhash.h"
#include "triage/shingle_weights.h"

namespace hotline::triage {

// An appeal as duplicate detection reads it.
struct DedupeAppeal {
  std::string id;
  std::string text;
  std::int64_t time = 0;             // Unix seconds
  std::optional<double> lat, lon;    // WGS-84 degrees; used only when both are present
  std::string caller;                // phone or account; empty: unknown
  std::string address;               // free text; its place names count as the text's
};

struct Fingerprint {
  std::vector<std::uint16_t> signature;
  std::vector<std::uint64_t> shingles;  // sorted, unique; for the weights' counts, not kept by the index
  std::vector<PlaceKey> places;        // sorted by key
  std::vector<std::string> place_names;
  std::uint64_t caller = 0;            // 0: unknown
  std::optional<double> lat, lon;
  std::int64_t time = 0;
};

// A fingerprint as the index keeps it (no place names, borrowed storage).
struct FingerprintView {
  std::span<const std::uint16_t> signature;
  std::span<const std::uint64_t> place_keys;  // sorted PlaceKey::key values
  std::uint64_t caller = 0;
  bool has_point = false;
  double lat = 0, lon = 0;
  std::int64_t time = 0;
};
FingerprintView ViewOf(const Fingerprint& f, std::vector<std::uint64_t>& key_storage);

struct DuplicateEvidence {
  double text_similarity = 0;
  bool same_caller = false;
  std::vector<std::string> shared_places;  // names from the first appeal
  bool place_conflict = false;
  std::optional<double> distance_metres;
  std::int64_t time_gap_seconds = 0;       // absolute
  bool within_window = true;
  double score = 0;
};

class Fingerprinter {
 public:
  explicit Fingerprinter(const DedupeOptions& options);
  // `weights`: the shingles' weights when options.idf_weighting (null: every weight 1).
  Fingerprint Make(const DedupeAppeal& appeal, const ShingleWeights* weights = nullptr) const;
  // Recomputes the signature from f.shingles with other weights.
  void Sign(Fingerprint& f, const ShingleWeights* weights) const;
  ShingleWeightOptions weight_options() const;
  const DedupeOptions& options() const { return options_; }

 private:
  DedupeOptions options_;
  MinHasher hasher_;
};

// Place names match when they share a key and at least one of the two keys is a whole name.
bool PlaceKeysMatch(std::uint64_t a, std::uint64_t b);

// `a` may carry place names (then shared_places names them); `b` is any view.
DuplicateEvidence Compare(const Fingerprint& a, const FingerprintView& b, const DedupeOptions& options);
DuplicateEvidence Compare(const Fingerprint& a, const Fingerprint& b, const DedupeOptions& options);

// Great-circle distance in metres (haversine, mean Earth radius).
double DistanceMetres(double lat1, double lon1, double lat2, double lon2);

}  // namespace hotline::triage

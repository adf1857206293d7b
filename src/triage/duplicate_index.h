// An in-memory index of appeals for duplicate candidates (issue 12).
//
// Add() fingerprints an appeal (duplicate_score.h) and files it under four
// kinds of keys; Query() gathers the appeals that share a key with a new one,
// scores each with Compare() and returns the best, ranked, with the evidence
// (text similarity, shared places, same caller, distance, time gap):
//
//  - text: LSH banding of the MinHash signature, lsh_bands bands of lsh_rows
//    values; two appeals are candidates when one band agrees entirely, which
//    happens with probability 1 − (1 − J^rows)^bands for Jaccard J (42 × 3:
//    0.5 % at J = 0.05, 29 % at 0.2, 68 % at 0.3, 99.7 % at 0.5);
//  - place: each place name key of the text and address;
//  - caller: the same caller;
//  - map: the same or a neighbouring cell of about 500 m.
//
// Every key's list is read newest first and only so far (max_bucket_scan,
// max_key_scan), which bounds a query's cost however large the index grows:
// a very common key yields only its recent appeals. Appeals outside the time
// window are never returned. Results are ranked by score, then by position
// (earlier first); positions count additions from 0.
//
// Text weights (options.idf_weighting): the index keeps the shingles' document
// frequencies (shingle_weights.h) and counts every added appeal's shingles
// (online, unless set_learn_weights(false)); Add(appeal) and Query(appeal)
// sign with the weights as they stand. A signature is never recomputed, so
// an appeal signed when the table was young keeps its early weights: seed the
// table (weights()) from a background corpus before serving, or add every
// appeal's shingles first as GroupDuplicates does.
//
// Deterministic. Thread-compatible: any number of concurrent Query() calls,
// Add() needs exclusive access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "triage/dedupe_options.h"
#include "triage/duplicate_score.h"

namespace hotline::triage {

struct DuplicateCandidate {
  std::uint32_t position = 0;
  std::string id;
  DuplicateEvidence evidence;
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(const DedupeOptions& options = {});

  const DedupeOptions& options() const { return fingerprinter_.options(); }
  const Fingerprinter& fingerprinter() const { return fingerprinter_; }
  std::size_t size() const { return ids_.size(); }
  ShingleWeights& weights() { return weights_; }
  const ShingleWeights& weights() const { return weights_; }
  void set_learn_weights(bool learn) { learn_weights_ = learn; }
  const std::string& id(std::uint32_t position) const { return ids_[position]; }

  // Returns the appeal's position. Counts the fingerprint's shingles in weights() when learning.
  std::uint32_t Add(const DedupeAppeal& appeal);
  std::uint32_t Add(const std::string& id, const Fingerprint& fingerprint);

  // The appeals scoring at least `min_score` against `appeal`, best first, at most `max_results`.
  std::vector<DuplicateCandidate> Query(const DedupeAppeal& appeal) const;
  std::vector<DuplicateCandidate> Query(const Fingerprint& fingerprint, double min_score,
                                        std::size_t max_results) const;

  // Bytes held by the index, its weights included (vectors' capacities and hash-map nodes, estimated).
  std::size_t MemoryBytes() const;

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  struct Node {
    std::uint32_t position;
    std::uint32_t next;
  };

  std::size_t BandBucket(const std::uint16_t* signature, int band) const;
  void Rehash(std::size_t buckets);
  void FileUnder(std::uint64_t key, std::uint32_t position);
  void Collect(std::uint64_t key, std::vector<std::uint32_t>& out) const;
  FingerprintView View(std::uint32_t position) const;

  Fingerprinter fingerprinter_;
  ShingleWeights weights_;
  bool learn_weights_ = true;
  int k_;
  std::vector<std::string> ids_;
  std::vector<std::uint16_t> signatures_;  // k_ per appeal
  std::vector<std::int64_t> times_;
  std::vector<float> lat_, lon_;           // NaN: no point
  std::vector<std::uint64_t> callers_;
  std::vector<std::uint32_t> place_begin_;  // size() + 1 offsets into place_keys_
  std::vector<std::uint64_t> place_keys_;
  std::vector<std::vector<std::uint32_t>> band_heads_;  // per band: bucket → newest position
  std::vector<std::vector<std::uint32_t>> band_next_;   // per band: position → next older in its bucket
  std::size_t bucket_mask_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> key_heads_;  // key → newest node
  std::vector<Node> nodes_;
};

}  // namespace hotline::triage

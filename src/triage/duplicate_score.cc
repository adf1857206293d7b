#include "triage/duplicate_score.h"

#include <algorithm>
#include <cmath>

#include "text/normalize.h"
#include "text/utf8.h"

namespace hotline::triage {
namespace {

std::uint64_t CallerHash(const std::string& caller) {
  // Blanks and separators do not make a different caller ("138 0000-0000").
  std::uint64_t h = 0xcbf29ce484222325ULL;
  bool any = false;
  for (unsigned char c : caller) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    h ^= c;
    h *= 0x100000001b3ULL;
    any = true;
  }
  return any ? (h | 1) : 0;  // never 0, which means unknown
}

bool ValidPoint(const std::optional<double>& lat, const std::optional<double>& lon) {
  return lat && lon && std::isfinite(*lat) && std::isfinite(*lon) && std::abs(*lat) <= 90 && std::abs(*lon) <= 180;
}

}  // namespace

Fingerprinter::Fingerprinter(const DedupeOptions& options)
    : options_(options), hasher_(options.num_hashes, options.seed) {}

ShingleWeightOptions Fingerprinter::weight_options() const {
  ShingleWeightOptions w;
  w.rare_ratio = options_.idf_rare_ratio;
  w.min_weight = options_.idf_min_weight;
  w.min_documents = options_.idf_min_documents;
  return w;
}

void Fingerprinter::Sign(Fingerprint& f, const ShingleWeights* weights) const {
  if (!options_.idf_weighting || weights == nullptr) {
    f.signature = hasher_.Sign(f.shingles);
    return;
  }
  std::vector<float> w(f.shingles.size());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = static_cast<float>(weights->Weight(f.shingles[i]));
  f.signature = hasher_.Sign(f.shingles, w);
}

Fingerprint Fingerprinter::Make(const DedupeAppeal& appeal, const ShingleWeights* weights) const {
  Fingerprint f;
  const std::u32string normalized = text::DecodeUtf8(text::NormalizeText(appeal.text));
  f.shingles = ShinglesOfNormalized(normalized, options_.shingle_size, options_.max_units);
  Sign(f, weights);
  f.place_names = PlaceNamesOfNormalized(normalized, options_.max_units);
  if (!appeal.address.empty())
    for (auto& n : PlaceNames(appeal.address, options_.max_units))
      if (std::find(f.place_names.begin(), f.place_names.end(), n) == f.place_names.end())
        f.place_names.push_back(std::move(n));
  f.places = PlaceKeys(f.place_names);
  f.caller = CallerHash(appeal.caller);
  if (ValidPoint(appeal.lat, appeal.lon)) {
    f.lat = appeal.lat;
    f.lon = appeal.lon;
  }
  f.time = appeal.time;
  return f;
}

FingerprintView ViewOf(const Fingerprint& f, std::vector<std::uint64_t>& key_storage) {
  key_storage.clear();
  for (const auto& k : f.places) key_storage.push_back(k.key);
  FingerprintView v;
  v.signature = f.signature;
  v.place_keys = key_storage;
  v.caller = f.caller;
  v.has_point = f.lat.has_value() && f.lon.has_value();
  v.lat = f.lat.value_or(0);
  v.lon = f.lon.value_or(0);
  v.time = f.time;
  return v;
}

bool PlaceKeysMatch(std::uint64_t a, std::uint64_t b) { return (a | 1) == (b | 1) && ((a | b) & 1); }

double DistanceMetres(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadius = 6371008.8;
  constexpr double kRad = 3.14159265358979323846 / 180;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

DuplicateEvidence Compare(const Fingerprint& a, const FingerprintView& b, const DedupeOptions& o) {
  DuplicateEvidence e;
  e.text_similarity = MinHasher::Similarity(a.signature, b.signature);
  double score = e.text_similarity;

  std::vector<std::uint32_t> matched;
  for (const PlaceKey& k : a.places) {
    // b's keys are sorted: the one or two keys equal to k but for the whole-name bit sit together.
    const std::uint64_t base = k.key & ~std::uint64_t{1};
    auto it = std::lower_bound(b.place_keys.begin(), b.place_keys.end(), base);
    for (; it != b.place_keys.end() && (*it | 1) == (base | 1); ++it)
      if (PlaceKeysMatch(k.key, *it)) {
        matched.push_back(k.name);
        break;
      }
  }
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  for (std::uint32_t n : matched)
    if (n < a.place_names.size()) e.shared_places.push_back(a.place_names[n]);
  if (!matched.empty()) {
    score += o.place_bonus;
  } else if (!a.places.empty() && !b.place_keys.empty()) {
    e.place_conflict = true;
    score -= o.place_conflict_penalty;
  }

  if (a.caller != 0 && a.caller == b.caller) {
    e.same_caller = true;
    score += o.caller_bonus;
  }
  if (a.lat && a.lon && b.has_point) {
    const double d = DistanceMetres(*a.lat, *a.lon, b.lat, b.lon);
    e.distance_metres = d;
    if (d <= o.near_metres) score += o.near_bonus;
    else if (d > o.far_metres) score -= o.far_penalty;
  }
  const std::int64_t gap = a.time > b.time ? a.time - b.time : b.time - a.time;
  e.time_gap_seconds = gap;
  e.within_window = o.window_seconds <= 0 || gap <= o.window_seconds;
  e.score = std::clamp(score, 0.0, 1.0);
  return e;
}

DuplicateEvidence Compare(const Fingerprint& a, const Fingerprint& b, const DedupeOptions& options) {
  std::vector<std::uint64_t> keys;
  return Compare(a, ViewOf(b, keys), options);
}

}  // namespace hotline::triage

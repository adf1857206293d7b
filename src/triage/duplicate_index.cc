#include "triage/duplicate_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "triage/mix64.h"

namespace hotline::triage {
namespace {

// Salts that keep the key spaces apart.
constexpr std::uint64_t kPlaceSalt = 0x706c616365000000ULL;
constexpr std::uint64_t kCallerSalt = 0x63616c6c65720000ULL;
constexpr std::uint64_t kCellSalt = 0x63656c6c00000000ULL;
constexpr double kCellDegrees = 0.005;  // about 555 m of latitude

std::uint64_t PlaceChainKey(std::uint64_t place_key) { return Mix64((place_key | 1) ^ kPlaceSalt); }
std::uint64_t CallerChainKey(std::uint64_t caller) { return Mix64(caller ^ kCallerSalt); }
std::uint64_t CellKey(std::int64_t row, std::int64_t col) {
  return Mix64((static_cast<std::uint64_t>(row) * 0x9E3779B97F4A7C15ULL) ^ static_cast<std::uint64_t>(col) ^ kCellSalt);
}
std::int64_t CellOf(double degrees) { return static_cast<std::int64_t>(std::floor(degrees / kCellDegrees)); }

}  // namespace

DuplicateIndex::DuplicateIndex(const DedupeOptions& options)
    : fingerprinter_(options), weights_(fingerprinter_.weight_options()) {
  k_ = fingerprinter_.options().num_hashes < 1 ? 1 : fingerprinter_.options().num_hashes;
  const auto& o = fingerprinter_.options();
  const int bands = (o.lsh_rows < 1 || o.lsh_bands < 1) ? 0 : std::min(o.lsh_bands, k_ / o.lsh_rows);
  band_heads_.resize(static_cast<std::size_t>(bands));
  band_next_.resize(static_cast<std::size_t>(bands));
  Rehash(1024);
}

std::size_t DuplicateIndex::BandBucket(const std::uint16_t* signature, int band) const {
  const int rows = fingerprinter_.options().lsh_rows;
  std::uint64_t h = static_cast<std::uint64_t>(band) * 0x9E3779B97F4A7C15ULL;
  for (int r = 0; r < rows; ++r) h = Mix64(h ^ signature[band * rows + r]);
  return static_cast<std::size_t>(h) & bucket_mask_;
}

void DuplicateIndex::Rehash(std::size_t buckets) {
  bucket_mask_ = buckets - 1;
  for (std::size_t b = 0; b < band_heads_.size(); ++b) {
    band_heads_[b].assign(buckets, kNone);
    band_next_[b].assign(ids_.size(), kNone);
    for (std::uint32_t p = 0; p < ids_.size(); ++p) {  // oldest first: the head ends newest
      const std::size_t bucket = BandBucket(&signatures_[static_cast<std::size_t>(p) * k_], static_cast<int>(b));
      band_next_[b][p] = band_heads_[b][bucket];
      band_heads_[b][bucket] = p;
    }
  }
}

void DuplicateIndex::FileUnder(std::uint64_t key, std::uint32_t position) {
  auto [it, inserted] = key_heads_.try_emplace(key, kNone);
  nodes_.push_back({position, it->second});
  it->second = static_cast<std::uint32_t>(nodes_.size() - 1);
}

void DuplicateIndex::Collect(std::uint64_t key, std::vector<std::uint32_t>& out) const {
  auto it = key_heads_.find(key);
  if (it == key_heads_.end()) return;
  std::size_t read = 0;
  for (std::uint32_t n = it->second; n != kNone && read < fingerprinter_.options().max_key_scan; n = nodes_[n].next, ++read)
    out.push_back(nodes_[n].position);
}

std::uint32_t DuplicateIndex::Add(const DedupeAppeal& appeal) {
  return Add(appeal.id, fingerprinter_.Make(appeal, &weights_));
}

std::uint32_t DuplicateIndex::Add(const std::string& id, const Fingerprint& f) {
  const auto position = static_cast<std::uint32_t>(ids_.size());
  if (learn_weights_ && fingerprinter_.options().idf_weighting) weights_.AddDocument(f.shingles);
  ids_.push_back(id);
  // A signature of another length (other options) is cut or padded so it never matches.
  for (int i = 0; i < k_; ++i)
    signatures_.push_back(static_cast<std::size_t>(i) < f.signature.size() ? f.signature[i] : 0xFFFF);
  times_.push_back(f.time);
  const bool point = f.lat.has_value() && f.lon.has_value();
  lat_.push_back(point ? static_cast<float>(*f.lat) : std::numeric_limits<float>::quiet_NaN());
  lon_.push_back(point ? static_cast<float>(*f.lon) : std::numeric_limits<float>::quiet_NaN());
  callers_.push_back(f.caller);
  if (place_begin_.empty()) place_begin_.push_back(0);
  for (const PlaceKey& k : f.places) place_keys_.push_back(k.key);
  place_begin_.push_back(static_cast<std::uint32_t>(place_keys_.size()));

  if (ids_.size() > bucket_mask_ + 1) {
    Rehash((bucket_mask_ + 1) * 2);  // files this appeal too
  } else {
    const std::uint16_t* sig = &signatures_[static_cast<std::size_t>(position) * k_];
    for (std::size_t b = 0; b < band_heads_.size(); ++b) {
      const std::size_t bucket = BandBucket(sig, static_cast<int>(b));
      band_next_[b].push_back(band_heads_[b][bucket]);
      band_heads_[b][bucket] = position;
    }
  }
  std::uint64_t last = 0;
  for (const PlaceKey& k : f.places) {  // sorted: the two variants of one key are neighbours
    const std::uint64_t chain = PlaceChainKey(k.key);
    if (chain != last) FileUnder(chain, position);
    last = chain;
  }
  if (f.caller != 0) FileUnder(CallerChainKey(f.caller), position);
  if (point) FileUnder(CellKey(CellOf(*f.lat), CellOf(*f.lon)), position);
  return position;
}

FingerprintView DuplicateIndex::View(std::uint32_t p) const {
  FingerprintView v;
  v.signature = std::span<const std::uint16_t>(&signatures_[static_cast<std::size_t>(p) * k_], static_cast<std::size_t>(k_));
  v.place_keys = std::span<const std::uint64_t>(place_keys_.data() + place_begin_[p], place_begin_[p + 1] - place_begin_[p]);
  v.caller = callers_[p];
  v.has_point = !std::isnan(lat_[p]);
  v.lat = lat_[p];
  v.lon = lon_[p];
  v.time = times_[p];
  return v;
}

std::vector<DuplicateCandidate> DuplicateIndex::Query(const DedupeAppeal& appeal) const {
  const auto& o = fingerprinter_.options();
  return Query(fingerprinter_.Make(appeal, &weights_), o.threshold, o.max_results);
}

std::vector<DuplicateCandidate> DuplicateIndex::Query(const Fingerprint& f, double min_score,
                                                      std::size_t max_results) const {
  const auto& o = fingerprinter_.options();
  std::vector<std::uint32_t> found;
  if (f.signature.size() == static_cast<std::size_t>(k_)) {
    const int rows = o.lsh_rows;
    for (std::size_t b = 0; b < band_heads_.size(); ++b) {
      const std::uint16_t* mine = &f.signature[b * rows];
      std::size_t read = 0;
      for (std::uint32_t p = band_heads_[b][BandBucket(f.signature.data(), static_cast<int>(b))];
           p != kNone && read < o.max_bucket_scan; p = band_next_[b][p], ++read) {
        const std::uint16_t* theirs = &signatures_[static_cast<std::size_t>(p) * k_ + b * rows];
        if (std::equal(mine, mine + rows, theirs)) found.push_back(p);
      }
    }
  }
  std::uint64_t last = 0;
  for (const PlaceKey& k : f.places) {
    const std::uint64_t chain = PlaceChainKey(k.key);
    if (chain != last) Collect(chain, found);
    last = chain;
  }
  if (f.caller != 0) Collect(CallerChainKey(f.caller), found);
  if (f.lat && f.lon) {
    const std::int64_t row = CellOf(*f.lat), col = CellOf(*f.lon);
    for (std::int64_t dr = -1; dr <= 1; ++dr)
      for (std::int64_t dc = -1; dc <= 1; ++dc) Collect(CellKey(row + dr, col + dc), found);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());

  std::vector<DuplicateCandidate> out;
  for (std::uint32_t p : found) {
    const std::int64_t gap = f.time > times_[p] ? f.time - times_[p] : times_[p] - f.time;
    if (o.window_seconds > 0 && gap > o.window_seconds) continue;
    DuplicateEvidence e = Compare(f, View(p), o);
    if (e.score < min_score) continue;
    out.push_back({p, {}, std::move(e)});
  }
  const auto better = [](const DuplicateCandidate& a, const DuplicateCandidate& b) {
    if (a.evidence.score != b.evidence.score) return a.evidence.score > b.evidence.score;
    return a.position < b.position;
  };
  if (out.size() > max_results) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(max_results), out.end(), better);
    out.resize(max_results);
  } else {
    std::sort(out.begin(), out.end(), better);
  }
  for (auto& c : out) c.id = ids_[c.position];
  return out;
}

std::size_t DuplicateIndex::MemoryBytes() const {
  std::size_t bytes = 0;
  for (const auto& s : ids_) bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
  bytes += (ids_.capacity() - ids_.size()) * sizeof(std::string);
  bytes += signatures_.capacity() * sizeof(std::uint16_t) + times_.capacity() * sizeof(std::int64_t) +
           (lat_.capacity() + lon_.capacity()) * sizeof(float) + callers_.capacity() * sizeof(std::uint64_t) +
           place_begin_.capacity() * sizeof(std::uint32_t) + place_keys_.capacity() * sizeof(std::uint64_t) +
           nodes_.capacity() * sizeof(Node);
  for (const auto& h : band_heads_) bytes += h.capacity() * sizeof(std::uint32_t);
  for (const auto& n : band_next_) bytes += n.capacity() * sizeof(std::uint32_t);
  // unordered_map: a node (key, value, next pointer, cached hash) per entry plus the bucket array.
  bytes += weights_.MemoryBytes();
  bytes += key_heads_.size() * (sizeof(std::uint64_t) * 2 + sizeof(void*) * 2) + key_heads_.bucket_count() * sizeof(void*);
  return bytes;
}

}  // namespace hotline::triage

#include "store/change_feed.h"

#include <charconv>
#include <random>

namespace hotline {
namespace {

constexpr char kKinds[] = {'t', 'r', 'u', 'k', 's'};  // by StoreChange::Kind

}  // namespace

std::string NewStoreOrigin() {
  std::random_device rd;
  std::uint64_t v = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (char& c : out) {
    c = kHex[v & 0xF];
    v >>= 4;
  }
  return out;
}

// "<kind> <origin> <ticket> <key>": the key last, so that it may hold anything.
std::string EncodeStoreChange(const StoreChange& c) {
  return std::string(1, kKinds[static_cast<int>(c.kind)]) + ' ' + c.origin + ' ' + std::to_string(c.ticket) + ' ' +
         c.key;
}

std::ostream& operator<<(std::ostream& out, const StoreChange& change) { return out << EncodeStoreChange(change); }

std::optional<StoreChange> DecodeStoreChange(std::string_view line) {
  StoreChange c;
  if (line.size() < 2 || line[1] != ' ') return std::nullopt;
  int kind = -1;
  for (int i = 0; i < static_cast<int>(sizeof kKinds); ++i)
    if (kKinds[i] == line[0]) kind = i;
  if (kind < 0) return std::nullopt;
  c.kind = static_cast<StoreChange::Kind>(kind);
  line.remove_prefix(2);
  const std::size_t origin_end = line.find(' ');
  if (origin_end == std::string_view::npos || origin_end == 0) return std::nullopt;
  c.origin = std::string(line.substr(0, origin_end));
  line.remove_prefix(origin_end + 1);
  const std::size_t ticket_end = line.find(' ');
  if (ticket_end == std::string_view::npos) return std::nullopt;
  const auto [end, ec] = std::from_chars(line.data(), line.data() + ticket_end, c.ticket);
  if (ec != std::errc() || end != line.data() + ticket_end) return std::nullopt;
  c.key = std::string(line.substr(ticket_end + 1));
  return c;
}

}  // namespace hotline

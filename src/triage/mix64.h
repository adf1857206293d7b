// Mix64: the splitmix64 finaliser, which spreads the bits of a combined 64-bit
// value so that nearby inputs give unrelated outputs. Internal to the dedupe
// engine (shingle hashes, index keys); not a cryptographic hash.
#pragma once

#include <cstdint>

namespace hotline {

constexpr std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace hotline

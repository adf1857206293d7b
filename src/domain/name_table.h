// NameTable: a fixed table of enum values and their wire names, with the two
// lookups every vocabulary needs. Internal to src/domain (vocabulary.cc,
// time_limit.cc); a name not in the table parses to nullopt, a value not in the
// table is named `fallback`.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::string_view NameIn(const NameTable<E, N>& table, E v, std::string_view fallback = "unknown") {
  for (const auto& [value, name] : table)
    if (value == v) return name;
  return fallback;
}

template <typename E, std::size_t N>
std::optional<E> ParseIn(const NameTable<E, N>& table, std::string_view s) {
  for (const auto& [value, name] : table)
    if (name == s) return value;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<std::string_view> NamesIn(const NameTable<E, N>& table) {
  std::vector<std::string_view> out;
  out.reserve(N);
  for (const auto& entry : table) out.push_back(entry.second);
  return out;
}

}  // namespace hotline

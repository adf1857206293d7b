// Little-endian binary encoding for model files. ByteWriter appends values to a
// string; ByteReader reads them back and, on any overrun or implausible size,
// stops with a Status instead of reading past the end — so a truncated or
// corrupt model file gives an error, never a crash or a huge allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/status.h"

namespace hotline::triage {

class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // the supported targets are little-endian
    out_.append(b, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    Put<uint64_t>(v.size());
    for (const T& x : v) Put<T>(x);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  ByteReader(std::string_view in, std::string what) : in_(in), what_(std::move(what)) {}

  template <typename T>
  Status Get(T& v) {
    static_assert(std::is_arithmetic_v<T>);
    if (in_.size() - pos_ < sizeof(T)) return Truncated();
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return Status::Ok();
  }
  Status GetString(std::string& s) {
    uint32_t n = 0;
    HOTLINE_RETURN_IF_ERROR(Get(n));
    if (in_.size() - pos_ < n) return Truncated();
    s.assign(in_.data() + pos_, n);
    pos_ += n;
    return Status::Ok();
  }
  template <typename T>
  Status GetVector(std::vector<T>& v) {
    uint64_t n = 0;
    HOTLINE_RETURN_IF_ERROR(Get(n));
    if (n > (in_.size() - pos_) / sizeof(T)) return Truncated();
    v.resize(n);
    if (n > 0) std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return Status::Ok();
  }
  bool AtEnd() const { return pos_ == in_.size(); }
  Status Corrupt(const std::string& why) const { return Status::InvalidArgument("model", what_ + " is corrupt: " + why); }

 private:
  Status Truncated() const { return Corrupt("truncated at byte " + std::to_string(pos_)); }
  std::string_view in_;
  std::size_t pos_ = 0;
  std::string what_;
};

}  // namespace hotline::triage

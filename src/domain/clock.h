// Clock: the single source of "now" for the domain, injected so that deadlines
// and tests agree. Times are Unix seconds (UTC); the city's local offset is applied
// only by the working-time calendar.
#pragma once

#include <atomic>
#include <cstdint>

namespace hotline {

using UnixSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

// Wall-clock time.
class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override;
};

// A clock tests move by hand.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixSeconds start) : now_(start) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Set(UnixSeconds t) { now_.store(t); }
  void Advance(UnixSeconds seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<UnixSeconds> now_;
};

}  // namespace hotline

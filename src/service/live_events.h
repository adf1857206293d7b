// LiveEvents: server-sent events (SSE) for the console — new tickets and state
// changes appear without reload. Publishers call Publish(); each subscriber (one
// per open /api/v1/live connection) has a filter deciding what it may see (unit
// staff: their subtree) and a bounded queue, drained by its connection. A slow or
// vanished client loses old messages, never blocks a publisher.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hotline::service {

class LiveSubscription {
 public:
  static constexpr std::size_t kMaxQueued = 500;

  // Formats and queues one SSE message ("event: …\ndata: …\n\n"); wakes the reader.
  void Push(const std::string& event, const std::string& data);
  // Takes everything queued (empty when nothing is).
  std::string Drain();
  // Called (from the publisher's thread) when something was queued.
  void SetWake(std::function<void()> wake);
  // Ends the subscription: nothing more is queued, and the reader is woken so
  // that its connection closes.
  void Close();
  bool closed() const;
  // A check of whether the subscriber may still receive (e.g. its session is
  // valid); Valid() runs it and closes the subscription when it fails.
  void SetValidity(std::function<bool()> still_valid);
  bool Valid();

 private:
  mutable std::mutex mu_;
  std::deque<std::string> queue_;
  std::function<void()> wake_;
  std::function<bool()> still_valid_;
  bool closed_ = false;
};

class LiveEvents {
 public:
  using Filter = std::function<bool(const std::string& event, const void* subject)>;

  std::shared_ptr<LiveSubscription> Subscribe(Filter filter);
  // `subject` is handed to each subscriber's filter (e.g. the Ticket).
  void Publish(const std::string& event, const std::string& data, const void* subject);
  std::size_t subscribers() const;

 private:
  struct Entry {
    std::weak_ptr<LiveSubscription> subscription;
    Filter filter;
  };
  mutable std::mutex mu_;
  std::vector<Entry> entries_;
};

}  // namespace hotline::service

#include "service/deadline_scheduler.h"

#include <chrono>

#include <spdlog/spdlog.h>

namespace hotline::service {

DeadlineScheduler::DeadlineScheduler(ServiceCore& core, LiveFeed& live) : core_(core), live_(live) {}

DeadlineScheduler::~DeadlineScheduler() { Stop(); }

Result<std::size_t> DeadlineScheduler::Rebuild() {
  DeadlineQueue fresh;
  // Where a deadline can still be owed: with a unit, or on the way to the callback.
  const std::vector<TicketState> owing = {TicketState::kDispatched, TicketState::kInProgress, TicketState::kReplied,
                                          TicketState::kToCallback, TicketState::kUnsatisfied};
  constexpr int kBatch = 2000;
  for (TicketId after = 0;;) {
    HOTLINE_ASSIGN_OR_RETURN(std::vector<Ticket> batch, core_.store().ScanTickets(owing, after, kBatch));
    for (const Ticket& t : batch) fresh.Track(t.id, NoticesOf(t));
    if (batch.size() < static_cast<std::size_t>(kBatch)) break;
    after = batch.back().id;
  }
  std::lock_guard lock(mu_);
  queue_ = std::move(fresh);
  wake_.notify_all();
  return queue_.tickets();
}

void DeadlineScheduler::Track(const Ticket& t) {
  std::vector<DueNotice> notices = NoticesOf(t);
  std::lock_guard lock(mu_);
  queue_.Track(t.id, notices);
  wake_.notify_all();  // the next notice may be earlier now
}

Result<bool> DeadlineScheduler::Give(const DueNotice& n) {
  auto ref = core_.reference();
  const CommandInput in = InputOf(n);
  const std::string command(CommandOf(n.notice));
  auto updated = core_.store().UpdateTicket(n.ticket, [&](const Ticket& current) -> Result<Transition> {
    return Apply(current, command, in, SystemActor(), core_.MakeContext(*ref));
  });
  if (!updated.ok()) {
    const StatusCode code = updated.status().code();
    if (code == StatusCode::kConflict || code == StatusCode::kNotFound) return false;  // no longer applies
    return updated.status();
  }
  live_.PublishTicket(*updated, command);  // tracks the ticket again (its next notices)
  return true;
}

Result<int> DeadlineScheduler::RunDue(int max) {
  int given = 0;
  for (int i = 0; i < max; ++i) {
    std::optional<DueNotice> next;
    {
      std::lock_guard lock(mu_);
      next = queue_.PopDue(core_.Now());
    }
    if (!next) break;
    HOTLINE_ASSIGN_OR_RETURN(bool done, Give(*next));
    given += done;
  }
  std::lock_guard lock(mu_);
  given_ += given;
  return given;
}

void DeadlineScheduler::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void DeadlineScheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

Result<bool> DeadlineScheduler::Lead() {
  HOTLINE_ASSIGN_OR_RETURN(const bool held, core_.store().HoldLease(kLease));
  std::optional<bool> was;
  {
    std::lock_guard lock(mu_);
    was = leading_;
    leading_ = held;
  }
  if (held && was.has_value() && !*was) {  // taken over from another server
    spdlog::info("deadline scheduler: this server now gives the notices");
    HOTLINE_RETURN_IF_ERROR(Rebuild().status());
  }
  return held;
}

void DeadlineScheduler::Loop() {
  constexpr UnixSeconds kMaxSleep = 10;  // also how often the lease is checked
  auto lease_checked = std::chrono::steady_clock::time_point{};
  bool leading = false;
  std::unique_lock lock(mu_);
  while (!stop_) {
    if (std::chrono::steady_clock::now() - lease_checked >= std::chrono::seconds(kMaxSleep)) {
      lock.unlock();
      auto lead = Lead();
      lock.lock();
      lease_checked = std::chrono::steady_clock::now();
      if (!lead.ok()) spdlog::warn("deadline scheduler: {}", lead.status().ToString());
      leading = lead.ok() && *lead;
    }
    if (!leading) {  // another server gives the notices
      wake_.wait_for(lock, std::chrono::seconds(kMaxSleep));
      continue;
    }
    const std::optional<UnixSeconds> next = queue_.NextAt();
    const UnixSeconds now = core_.Now();
    if (next && *next <= now) {
      lock.unlock();
      auto given = RunDue(1000);
      lock.lock();
      if (!given.ok()) {  // the store failed: say so, and try again in a while
        spdlog::warn("deadline scheduler: {}", given.status().ToString());
        wake_.wait_for(lock, std::chrono::seconds(kMaxSleep));
      }
      continue;
    }
    const UnixSeconds wait = next ? std::min(kMaxSleep, *next - now) : kMaxSleep;
    wake_.wait_for(lock, std::chrono::seconds(wait));
  }
}

std::size_t DeadlineScheduler::queued() const {
  std::lock_guard lock(mu_);
  return queue_.live();
}

std::size_t DeadlineScheduler::given() const {
  std::lock_guard lock(mu_);
  return given_;
}

}  // namespace hotline::service

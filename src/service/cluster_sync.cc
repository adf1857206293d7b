#include "service/cluster_sync.h"

#include <spdlog/spdlog.h>

namespace hotline::service {

ClusterSync::ClusterSync(ServiceCore& core, LiveFeed& live, Accounts& accounts, TimeLimits& limits,
                         DeadlineScheduler& deadlines)
    : core_(core), live_(live), accounts_(accounts), limits_(limits), deadlines_(deadlines) {}

ClusterSync::~ClusterSync() { Stop(); }

Status ClusterSync::Open() {
  std::lock_guard lock(poll_mu_);
  if (watch_) return Status::Ok();
  HOTLINE_ASSIGN_OR_RETURN(watch_, core_.store().WatchChanges());
  return Status::Ok();
}

Result<int> ClusterSync::Poll(std::chrono::milliseconds timeout) {
  std::lock_guard lock(poll_mu_);
  if (!watch_) return Status::Unavailable("the change feed is not open");
  HOTLINE_ASSIGN_OR_RETURN(ChangeBatch batch, watch_->Next(timeout));
  if (batch.lost) {
    spdlog::warn("cluster sync: announcements were lost; reloading reference data, users and deadlines");
    HOTLINE_RETURN_IF_ERROR(ReloadAll());
  }
  int applied = 0;
  const std::string& me = core_.store().origin();
  for (const StoreChange& c : batch.changes) {
    if (c.origin == me) continue;
    if (Status s = Apply(c); !s.ok()) {
      spdlog::warn("cluster sync: {}", s.ToString());
      continue;  // one bad announcement does not stop the others
    }
    ++applied;
  }
  applied_ += applied;
  return applied;
}

Status ClusterSync::Apply(const StoreChange& c) {
  switch (c.kind) {
    case StoreChange::Kind::kTicket: {
      auto t = core_.store().GetTicket(c.ticket);
      if (!t.ok()) return t.status();
      live_.PublishTicket(*t, c.key);
      return Status::Ok();
    }
    case StoreChange::Kind::kReference:
      return limits_.Reload();
    case StoreChange::Kind::kUsers:
      core_.users().Invalidate();
      accounts_.ForgetCachedSessions("");
      return Status::Ok();
    case StoreChange::Kind::kSession:
      accounts_.EndSession(c.key);
      return Status::Ok();
    case StoreChange::Kind::kKbEntry: {
      auto entry = core_.store().GetKbEntry(c.key);
      if (!entry.ok()) return entry.status();
      core_.kb_index().Upsert(*entry);
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Status ClusterSync::ReloadAll() {
  HOTLINE_RETURN_IF_ERROR(limits_.Reload());
  core_.users().Invalidate();
  accounts_.ForgetCachedSessions("");
  return deadlines_.Rebuild().status();
}

Status ClusterSync::Start() {
  HOTLINE_RETURN_IF_ERROR(Open());
  if (thread_.joinable()) return Status::Ok();
  stop_ = false;
  thread_ = std::thread([this] {
    while (!stop_) {
      auto applied = Poll(std::chrono::milliseconds(500));
      if (!applied.ok()) {  // the database is down: say so, and try again in a while
        spdlog::warn("cluster sync: {}", applied.status().ToString());
        std::this_thread::sleep_for(std::chrono::seconds(2));
      }
    }
  });
  return Status::Ok();
}

void ClusterSync::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

}  // namespace hotline::service

// OpenHotline: the one way to open a hotline — the store, the work calendar, the
// service with its time-limit policies (data/policies/, a malformed or missing file
// fails the opening), triage resources, knowledge-base synonyms and reference data —
// used alike by `hotline serve`, the other CLI commands and the tests, so that
// what is tested is what runs.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "domain/clock.h"
#include "service/hotline_service.h"
#include "store/store.h"

namespace hotline::app {

struct HotlineOptions {
  std::string db;        // "sqlite:PATH" (see OpenStore)
  std::string data_dir;  // "" = DataDir()
  const Clock* clock = nullptr;  // null = the system clock
  // Runs on the open store before the service reads it (seed demo data, load
  // reference files, create accounts).
  std::function<Status(Store&, const WorkCalendar&)> prepare;
  // Triage resources (see LoadTriageResources); without_triage skips them all
  // (commands that only need reference data).
  bool without_triage = false;
  std::string model, divisions, divisions_home;
  Policy policy;  // the city's rules (time limits, 临期, …)
};

// Owns what it opened; the service is destroyed before the store it writes to.
struct Hotline {
  std::unique_ptr<SystemClock> own_clock;
  std::unique_ptr<Store> store;
  WorkCalendar calendar;
  std::unique_ptr<service::HotlineService> service;
  Hotline() = default;
  Hotline(Hotline&&) = default;
  Hotline& operator=(Hotline&&) = delete;  // would free the store before the service
  ~Hotline() { service.reset(); }
};

// The holiday calendar of the data directory, or weekends only (with a warning).
WorkCalendar LoadCalendar(const std::string& data_dir);

Result<Hotline> OpenHotline(const HotlineOptions& options);

}  // namespace hotline::app

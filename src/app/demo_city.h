// The demo city (临川市): loads units, taxonomy and dispatch catalog from data/,
// creates the demo accounts (admin, operator, dispatcher, supervisor, callback,
// analyst, and one unit account per unit named by its code; password "demo"),
// and generates a year of realistic appeals that went through the real state
// machine (so every ticket's history replays to its state). Deterministic for a
// given seed and `now`.
#pragma once

#include <functional>
#include <string>

#include "domain/work_calendar.h"
#include "store/store.h"

namespace hotline::app {

struct DemoOptions {
  std::string data_dir;
  int appeals = 3000;
  UnixSeconds now = 0;
  unsigned seed = 12345;
  std::string password = "demo";
};

// Progress callback: (done, total).
using Progress = std::function<void(std::size_t, std::size_t)>;

Status LoadReferenceFiles(Store& store, const std::string& data_dir);
Status CreateDemoAccounts(Store& store, const std::string& password);
Status GenerateDemoAppeals(Store& store, const DemoOptions& options, const WorkCalendar& calendar,
                           const Progress& progress = nullptr);
// All three, skipped when the store already has units.
Status SeedDemoCity(Store& store, const DemoOptions& options, const WorkCalendar& calendar,
                    const Progress& progress = nullptr);

}  // namespace hotline::app

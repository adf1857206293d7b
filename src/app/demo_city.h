// The demo city (临川市): loads units, taxonomy and dispatch catalog from data/,
// creates the demo accounts (admin, operator, dispatcher, supervisor, callback,
// analyst, one unit account per unit named by its code, and two named staff per
// unit, `CODE.1` and `CODE.2`, with Chinese personal names; password "demo"),
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
// The demo's named staff of a unit: `n` is 1 or 2 ("LC-D01-S01" → "LC-D01-S01.1").
std::string DemoStaffUsername(const std::string& unit_code, int n);
// The demo supervisor of a district or street (three-level supervision): "LC-D01.sup".
std::string DemoSupervisorUsername(const std::string& unit_code);
// The display name of the i-th named demo staff member (0-based, in the order
// CreateDemoAccounts creates them): a surname and a given name, distinct for
// i < 420, the same on every start.
std::string DemoStaffName(std::size_t i);
Status GenerateDemoAppeals(Store& store, const DemoOptions& options, const WorkCalendar& calendar,
                           const Progress& progress = nullptr);
// All three, skipped when the store already has units.
Status SeedDemoCity(Store& store, const DemoOptions& options, const WorkCalendar& calendar,
                    const Progress& progress = nullptr);

}  // namespace hotline::app

// Shared by the fuzz targets: the demo city's reference data (units, taxonomy,
// dispatch catalog, holiday calendar) read once from the data directory
// (app::DataDir(): $HOTLINE_DATA_DIR, else the source tree's data/), and a
// check that aborts with a message, so libFuzzer records the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/reference_files.h"
#include "domain/catalog.h"
#include "domain/status.h"
#include "domain/taxonomy.h"
#include "domain/unit_tree.h"
#include "domain/work_calendar.h"

namespace hotline::fuzz {

// Aborts (a finding) when `ok` is false.
inline void Check(bool ok, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
  std::abort();
}

template <typename T>
T Must(Result<T> r, const std::string& what) {
  Check(r.ok(), what + ": " + (r.ok() ? std::string() : r.status().ToString()));
  return std::move(r).value();
}

struct DemoCity {
  UnitTree units;
  Taxonomy taxonomy;
  std::vector<CatalogRule> catalog;
  WorkCalendar calendar;
};

inline const DemoCity& Demo() {
  static const DemoCity* city = [] {
    const std::string dir = app::DataDir();
    auto* c = new DemoCity;
    c->units = Must(UnitTree::Build(Must(app::LoadUnitsFile(dir + "/demo/units.csv"), "units")), "unit tree");
    c->taxonomy = Must(Taxonomy::Build(Must(app::LoadTaxonomyFile(dir + "/taxonomy.csv"), "taxonomy")), "taxonomy");
    c->catalog = Must(app::LoadCatalogFile(dir + "/demo/catalog.csv"), "catalog");
    c->calendar = Must(app::LoadCalendarFile(dir + "/calendar/cn_holidays.csv"), "calendar");
    return c;
  }();
  return *city;
}

}  // namespace hotline::fuzz

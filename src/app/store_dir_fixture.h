// StoreDirTest: a test fixture with a fresh temporary directory for SQLite
// files, a one-district unit tree ("D1") and a domain context at a fixed time.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "store/temp_dir.h"
#include "domain/state_machine.h"

namespace hotline::app {

class StoreDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    units_ = *UnitTree::Build({{"D1", "东城区", UnitKind::kDistrict, ""}});
    ctx_.units = &units_;
    ctx_.now = 1'780'000'000;
  }
  std::string Path(const std::string& name) const { return tmp_.Path(name); }

  TempDir tmp_;
  UnitTree units_;
  Context ctx_;
};

}  // namespace hotline::app

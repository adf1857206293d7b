// StoreDirTest: a test fixture with a fresh temporary directory for SQLite
// files, a one-district unit tree ("D1") and a domain context at a fixed time.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "domain/state_machine.h"

namespace hotline::app {

class StoreDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("hotline_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name()) +
            "_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    units_ = *UnitTree::Build({{"D1", "东城区", UnitKind::kDistrict, ""}});
    ctx_.units = &units_;
    ctx_.now = 1'780'000'000;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
  UnitTree units_;
  Context ctx_;
};

}  // namespace hotline::app

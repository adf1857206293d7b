// ImportFixture: the demo city's reference data in an in-memory store, its unit
// tree and taxonomy in a domain context at a fixed time, an operator to import
// as and a temporary directory for the files to import (app_test).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "app/demo_city.h"
#include "app/reference_files.h"
#include "store/temp_dir.h"
#include "domain/state_machine.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::app {

class ImportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = SqliteStore::Open(":memory:").value();
    ASSERT_TRUE(LoadReferenceFiles(*store_, DataDir()).ok());
    units_ = UnitTree::Build(*store_->LoadUnits()).value();
    taxonomy_ = Taxonomy::Build(*store_->LoadCategories()).value();
    ctx_.units = &units_;
    ctx_.taxonomy = &taxonomy_;
    ctx_.now = 1'795'000'000;  // 2026-11-18 in UTC+8
  }

  TempDir tmp_;
  std::unique_ptr<SqliteStore> store_;
  UnitTree units_;
  Taxonomy taxonomy_;
  Context ctx_;
  Actor actor_{"import", Role::kOperator, ""};
};

}  // namespace hotline::app

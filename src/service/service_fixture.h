// ServiceOverSqlite: a test fixture with a HotlineService over a real SQLite
// store in a fresh temporary directory, loaded with the small city's units and a
// taxonomy (the small one unless the test passes its own), at a fixed time.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "domain/test_fixtures.h"
#include "service/credentials.h"
#include "service/hotline_service.h"
#include "store/sqlite/sqlite_store.h"
#include "store/temp_dir.h"

namespace hotline::service::testing {

class ServiceOverSqlite : public ::testing::Test {
 protected:
  explicit ServiceOverSqlite(Taxonomy taxonomy = hotline::testing::SmallTaxonomy())
      : taxonomy_(std::move(taxonomy)) {}

  void SetUp() override {
    ASSERT_TRUE(InitCrypto().ok());
    auto s = SqliteStore::Open(tmp_.Path("t.db"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->ReplaceUnits(hotline::testing::SmallCity().units()).ok());
    ASSERT_TRUE(store_->ReplaceCategories(taxonomy_.categories()).ok());
    service_ = std::make_unique<HotlineService>(*store_, clock_, WorkCalendar());
    ASSERT_TRUE(service_->LoadReferenceData().ok());
  }

  // Declared in the order they are built; destroyed service first, directory last.
  Taxonomy taxonomy_;
  TempDir tmp_;
  FakeClock clock_{1'795'000'000};
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<HotlineService> service_;
};

}  // namespace hotline::service::testing

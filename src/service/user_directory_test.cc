#include "service/user_directory.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"

namespace hotline::service {
namespace {

TEST(UserDirectory, NamesPeopleAndFallsBackToTheUsername) {
  auto store = SqliteStore::Open(":memory:").value();
  FakeClock clock(1'795'000'000);
  ASSERT_TRUE(store->PutUsers({{"LC-D01-S01.1", "x", Role::kUnitStaff, "LC-D01-S01", "张伟", true},
                               {"nameless", "x", Role::kOperator, "", "", true}})
                  .ok());
  UserDirectory names(*store, clock);
  EXPECT_EQ(names.DisplayName("LC-D01-S01.1"), "张伟");
  EXPECT_EQ(names.DisplayName("nameless"), "nameless");  // no display name
  EXPECT_EQ(names.DisplayName("gone"), "gone");          // no such account
  EXPECT_EQ(names.DisplayName(""), "");

  // Changed behind the directory's back: the cache answers until it is told or it ages.
  ASSERT_TRUE(store->PutUser({"nameless", "x", Role::kOperator, "", "李芳", true}).ok());
  EXPECT_EQ(names.DisplayName("nameless"), "nameless");
  names.Invalidate();
  EXPECT_EQ(names.DisplayName("nameless"), "李芳");
  ASSERT_TRUE(store->DeleteUser("LC-D01-S01.1").ok());
  EXPECT_EQ(names.DisplayName("LC-D01-S01.1"), "张伟");
  clock.Advance(UserDirectory::kRefreshSeconds);
  EXPECT_EQ(names.DisplayName("LC-D01-S01.1"), "LC-D01-S01.1");  // deleted: the username
}

}  // namespace
}  // namespace hotline::service

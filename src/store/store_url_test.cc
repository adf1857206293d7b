#include "store/store_url.h"

#include <gtest/gtest.h>

#include "store/postgres/pg_connection.h"

namespace hotline {
namespace {

TEST(StoreUrl, PostgresUrlsAreRecognised) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresUrl("postgres://u@h/db"));
  EXPECT_FALSE(IsPostgresUrl("sqlite:/tmp/x.db"));
  EXPECT_FALSE(IsPostgresUrl("/tmp/postgresql://x"));
}

TEST(StoreUrl, PasswordsNeverReachTheLog) {
  EXPECT_EQ(RedactStoreUrl("postgresql://hotline:s3cr@t@db.example:5432/hotline?pool=8"),
            "postgresql://hotline:***@db.example:5432/hotline?pool=8");
  EXPECT_EQ(RedactStoreUrl("postgres://u@127.0.0.1/db"), "postgres://u@127.0.0.1/db");
  EXPECT_EQ(RedactStoreUrl("postgresql://h/db?user=u&password=pw&pool=2"), "postgresql://h/db?user=u&password=***&pool=2");
  EXPECT_EQ(RedactStoreUrl("sqlite:/var/lib/hotline.db"), "sqlite:/var/lib/hotline.db");
}

TEST(StoreUrl, PoolSizeComesFromTheQueryAndIsChecked) {
  auto plain = pg::ParseUrl("postgresql://u@h/db");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->pool_size, 4);
  EXPECT_EQ(plain->conninfo, "postgresql://u@h/db");
  auto sized = pg::ParseUrl("postgresql://u@h/db?connect_timeout=5&pool=12&sslmode=disable");
  ASSERT_TRUE(sized.ok());
  EXPECT_EQ(sized->pool_size, 12);
  EXPECT_EQ(sized->conninfo, "postgresql://u@h/db?connect_timeout=5&sslmode=disable");  // libpq never sees pool
  for (const char* bad : {"pool=0", "pool=65", "pool=", "pool=4x", "pool=-1"}) {
    auto r = pg::ParseUrl(std::string("postgresql://u@h/db?") + bad);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().field(), "db") << bad;
  }
}

}  // namespace
}  // namespace hotline

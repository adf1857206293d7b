#include "service/rate_limiter.h"

#include <gtest/gtest.h>

namespace hotline::service {
namespace {

TEST(RateLimiter, SlidingWindowPerKey) {
  RateLimiter limiter(3, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.Allowed("a", 100 + i));
    limiter.Record("a", 100 + i);
  }
  EXPECT_FALSE(limiter.Allowed("a", 110));
  EXPECT_EQ(limiter.RetryAfter("a", 110), 50);  // the first event leaves the window at 160
  EXPECT_TRUE(limiter.Allowed("b", 110));       // other keys are unaffected
  EXPECT_TRUE(limiter.Allowed("a", 160));
  EXPECT_EQ(limiter.RetryAfter("a", 160), 0);
}

}  // namespace
}  // namespace hotline::service

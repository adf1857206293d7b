#include "service/login_guard.h"

#include <gtest/gtest.h>

#include <future>

namespace hotline::service {
namespace {

TEST(LoginGuardTest, ThrottlesAUsernameAfterTenFailuresUntilTheWindowPasses) {
  LoginGuard guard;  // 10 failures per 15 minutes
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(guard.Admit("operator", "", 1000 + i).ok()) << i;
    guard.RecordFailure("operator", "", 1000 + i);
  }
  Status s = guard.Admit("operator", "", 1010);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.reason().name(), "rate_limited");
  EXPECT_EQ(s.retry_after_seconds(), 1000 + 900 - 1010);
  EXPECT_TRUE(guard.Admit("dispatcher", "", 1010).ok());  // another account is not affected
  EXPECT_TRUE(guard.Admit("operator", "", 1900).ok());    // the first failure left the window
}

TEST(LoginGuardTest, ThrottlesAnAddressAcrossUsernames) {
  LoginGuard::Options opt;
  opt.max_failures_per_address = 3;
  LoginGuard guard(opt);
  for (int i = 0; i < 3; ++i) guard.RecordFailure("user" + std::to_string(i), "10.0.0.7", 50);
  EXPECT_EQ(guard.Admit("someone", "10.0.0.7", 60).code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(guard.Admit("someone", "10.0.0.8", 60).ok());
}

TEST(LoginGuardTest, BoundsConcurrentPasswordChecks) {
  LoginGuard::Options opt;
  opt.max_concurrent_checks = 1;
  opt.max_waiting = 1;
  opt.slot_wait = std::chrono::milliseconds(200);
  LoginGuard guard(opt);
  auto held = guard.AcquireCheckSlot();
  ASSERT_TRUE(held.ok());
  // One may wait (and gives up after slot_wait); while it waits, a third is refused at once.
  auto waiter = std::async(std::launch::async, [&] { return guard.AcquireCheckSlot().status(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  Status third = guard.AcquireCheckSlot().status();
  EXPECT_EQ(third.reason().name(), "login_busy");
  EXPECT_EQ(waiter.get().reason().name(), "login_busy");
  { auto released = std::move(held).value(); }  // the slot is freed when its holder goes
  EXPECT_TRUE(guard.AcquireCheckSlot().ok());
}

}  // namespace
}  // namespace hotline::service

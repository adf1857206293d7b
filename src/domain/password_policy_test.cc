#include "domain/password_policy.h"

#include <gtest/gtest.h>

namespace hotline {
namespace {

TEST(PasswordPolicyTest, AcceptsMixedPasswordsAndNamesWhatIsWrong) {
  EXPECT_TRUE(CheckPasswordPolicy("hotline-2026", "operator").ok());
  EXPECT_TRUE(CheckPasswordPolicy("Zq8mVt3p", "").ok());
  EXPECT_EQ(CheckPasswordPolicy("a1b2c3", "x").reason().name(), "password_too_short");
  EXPECT_EQ(CheckPasswordPolicy(std::string(129, 'a') + "1", "x").reason().name(), "too_long");
  EXPECT_EQ(CheckPasswordPolicy("abcdefghij", "x").reason().name(), "password_too_simple");
  EXPECT_EQ(CheckPasswordPolicy("1234567890", "x").reason().name(), "password_too_simple");
  EXPECT_EQ(CheckPasswordPolicy("Operator2026", "operator").reason().name(), "password_has_username");
  EXPECT_EQ(CheckPasswordPolicy(std::string("abc\0def12", 9), "x").reason().name(), "control_character");
  Status s = CheckPasswordPolicy("short1", "x", "new_password");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "new_password");
}

}  // namespace
}  // namespace hotline

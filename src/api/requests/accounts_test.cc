#include "api/requests/accounts.h"

#include "api/requests/test_util.h"

namespace hotline::api::requests {
namespace {

using nlohmann::json;

TEST(AccountRequestTest, Login) {
  auto r = DecodeLogin({{"username", "operator"}, {"password", "demo"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->username, "operator");
  EXPECT_EQ(r->password, "demo");
  EXPECT_TRUE(Refused(DecodeLogin({{"username", "operator"}, {"password", "demo"}, {"role", "admin"}}), "role",
                      Reasons::kUnknownField));
  EXPECT_TRUE(Refused(DecodeLogin({{"username", 1}, {"password", "demo"}}), "username", Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(DecodeLogin({{"username", "operator"}}), "password", Reasons::kRequired));
  EXPECT_TRUE(Refused(DecodeLogin({{"password", "demo"}}), "username", Reasons::kRequired));
}

TEST(AccountRequestTest, OwnPasswordChange) {
  auto r = DecodePasswordChange({{"current_password", "demo"}, {"new_password", "hotline-2026"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->current_password, "demo");
  EXPECT_EQ(r->new_password, "hotline-2026");
  EXPECT_TRUE(Refused(DecodePasswordChange({{"current_password", "demo"}, {"new_password", "x"}, {"username", "admin"}}),
                      "username", Reasons::kUnknownField));
  EXPECT_TRUE(Refused(DecodePasswordChange({{"current_password", "demo"}, {"new_password", 12345678}}), "new_password",
                      Reasons::kInvalidValue));
  EXPECT_TRUE(Refused(DecodePasswordChange({{"new_password", "hotline-2026"}}), "current_password",
                      Reasons::kRequired));
}

// What the console (web/src/domain/admin.js, userBody) sends.
json UserBody() {
  return {{"username", "wang.min"},   {"display_name", "王敏"}, {"role", "unit"},
          {"unit", "LC-D01-S01"},     {"active", true},         {"password", "s3cret-pass"}};
}

TEST(AccountRequestTest, UsersTakeTheDocumentedFields) {
  auto r = DecodeNewUser(UserBody());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->user.username, "wang.min");
  EXPECT_EQ(r->user.display_name, "王敏");
  EXPECT_EQ(r->user.role, Role::kUnitStaff);
  EXPECT_EQ(r->user.unit, "LC-D01-S01");
  EXPECT_TRUE(r->user.active);
  EXPECT_TRUE(r->user.password_hash.empty());
  EXPECT_EQ(r->password, "s3cret-pass");
  for (const char* field : {"password_hash", "name", "sessions", "created_at"}) {
    json body = UserBody();
    body[field] = "x";
    EXPECT_TRUE(Refused(DecodeNewUser(body), field, Reasons::kUnknownField)) << field;
    EXPECT_TRUE(Refused(DecodeUserUpdate(body, "wang.min"), field, Reasons::kUnknownField)) << field;
  }
  json body = UserBody();
  body["active"] = "no";
  EXPECT_TRUE(Refused(DecodeNewUser(body), "active", Reasons::kInvalidValue));
  body = UserBody();
  body["role"] = "mayor";
  EXPECT_TRUE(Refused(DecodeNewUser(body), "role", Reasons::kInvalidValue));
  body.erase("role");
  EXPECT_TRUE(Refused(DecodeNewUser(body), "role", Reasons::kInvalidValue));
}

TEST(AccountRequestTest, AnUpdateNamesTheUserInItsPath) {
  json body = UserBody();
  body.erase("password");
  body["active"] = false;
  auto r = DecodeUserUpdate(body, "wang.min");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->user.active);
  EXPECT_TRUE(r->password.empty());
  body.erase("username");
  auto without = DecodeUserUpdate(body, "wang.min");
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->user.username, "wang.min");
  body["username"] = "someone.else";
  EXPECT_TRUE(Refused(DecodeUserUpdate(body, "wang.min"), "username", Reasons::kInvalidValue));
}

}  // namespace
}  // namespace hotline::api::requests

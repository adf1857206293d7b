// HOTLINE_ASSIGN_OR_RETURN and HOTLINE_RETURN_IF_ERROR: the value on success,
// the Status unchanged (code, message, field, reason) on failure, the expression
// evaluated once, and several uses in one scope.
#include "domain/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hotline {
namespace {

Result<int> Parse(const std::string& s) {
  if (s.empty()) return Status::Required("number");
  return std::stoi(s);
}

Result<int> Sum(const std::string& a, const std::string& b) {
  HOTLINE_ASSIGN_OR_RETURN(int x, Parse(a));
  HOTLINE_ASSIGN_OR_RETURN(const int y, Parse(b));  // a second use in the same scope
  return x + y;
}

Status Store(const std::string& a, int& out) {
  HOTLINE_ASSIGN_OR_RETURN(out, Parse(a));  // an existing lvalue
  return Status::Ok();
}

Result<std::unique_ptr<std::string>> Box(bool ok) {
  if (!ok) return Status::NotFound("no box");
  return std::make_unique<std::string>("boxed");
}

Result<std::string> Unbox(bool ok) {
  HOTLINE_ASSIGN_OR_RETURN(auto box, Box(ok));  // move-only values are moved out
  return *box;
}

TEST(AssignOrReturn, AssignsTheValue) {
  auto r = Sum("2", "40");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 42);
  int out = 0;
  EXPECT_TRUE(Store("7", out).ok());
  EXPECT_EQ(out, 7);
  auto u = Unbox(true);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(*u, "boxed");
}

TEST(AssignOrReturn, ReturnsTheStatusUnchanged) {
  for (auto r : {Sum("", "1"), Sum("1", "")}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().field(), "number");
    EXPECT_EQ(r.status().message(), "number is required");
    EXPECT_EQ(r.status().reason(), Reasons::kRequired);
  }
  int out = 5;
  Status s = Store("", out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out, 5);  // untouched on failure
  auto u = Unbox(false);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(u.status().message(), "no box");
}

TEST(AssignOrReturn, EvaluatesTheExpressionOnce) {
  int calls = 0;
  auto f = [&]() -> Result<int> {
    HOTLINE_ASSIGN_OR_RETURN(int v, (++calls, Result<int>(1)));
    return v;
  };
  EXPECT_EQ(*f(), 1);
  EXPECT_EQ(calls, 1);
}

TEST(ReturnIfError, ReturnsTheFirstError) {
  std::vector<std::string> ran;
  auto step = [&](std::string name, Status s) {
    ran.push_back(std::move(name));
    return s;
  };
  auto f = [&]() -> Status {
    HOTLINE_RETURN_IF_ERROR(step("a", Status::Ok()));
    HOTLINE_RETURN_IF_ERROR(step("b", Status::Conflict("busy")));
    HOTLINE_RETURN_IF_ERROR(step("c", Status::Ok()));
    return Status::Ok();
  };
  Status s = f();
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(ran, (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace hotline

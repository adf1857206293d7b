// Status and Result<T>: how errors cross module edges (never exceptions).
// A Status is OK or carries a code, a human-readable message and, for bad input,
// the name of the offending field; optionally a registered reason (domain/reasons.h)
// and named parameters, the values its message quotes, for clients to word it
// themselves. The API layer alone maps codes to HTTP statuses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "domain/reasons.h"

namespace hotline {

enum class StatusCode {
  kOk,
  kInvalidArgument,   // bad input; field() names it
  kNotFound,
  kConflict,          // the ticket's state does not allow the command, or a concurrent change
  kPermissionDenied,  // role or unit scope does not allow it
  kUnauthenticated,
  kAlreadyExists,
  kInternal,
  kUnavailable,
  kResourceExhausted,  // too many attempts or too busy: retry after retry_after_seconds()
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
  // "<field> is required", reason `required`.
  static Status Required(std::string field) {
    std::string message = field + " is required";
    return InvalidArgument(std::move(field), std::move(message)).WithReason(Reasons::kRequired);
  }
  static Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
  static Status Conflict(std::string message) { return Status(StatusCode::kConflict, std::move(message)); }
  static Status PermissionDenied(std::string message) {
    return Status(StatusCode::kPermissionDenied, std::move(message));
  }
  static Status Unauthenticated(std::string message) {
    return Status(StatusCode::kUnauthenticated, std::move(message));
  }
  static Status AlreadyExists(std::string message) {
    return Status(StatusCode::kAlreadyExists, std::move(message));
  }
  static Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }
  static Status Unavailable(std::string message) { return Status(StatusCode::kUnavailable, std::move(message)); }
  // Too many requests of this kind: the caller may try again after `retry_after_seconds`.
  static Status RateLimited(std::string message, long long retry_after_seconds) {
    Status s(StatusCode::kResourceExhausted, std::move(message));
    s.retry_after_ = retry_after_seconds;
    s.reason_ = Reasons::kRateLimited;
    return s;
  }
  // The same status with a stable reason key (see reason()).
  Status WithReason(Reason reason) && {
    reason_ = reason;
    return std::move(*this);
  }
  // The same status with one more parameter: a value its message quotes
  // (e.g. "code" → "LC-D01", "max" → "2000").
  Status WithParam(std::string key, std::string value) && {
    params_.emplace_back(std::move(key), std::move(value));
    return std::move(*this);
  }
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int>>>
  Status WithParam(std::string key, Int value) && {
    return std::move(*this).WithParam(std::move(key), std::to_string(value));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  // A stable snake_case key for clients to map to their own words
  // (e.g. "rate_limited", "outside_unit_scope"); defaults to the code's.
  Reason reason() const { return reason_.empty() ? code_reason() : reason_; }
  using Params = std::vector<std::pair<std::string, std::string>>;
  const Params& params() const { return params_; }
  long long retry_after_seconds() const { return retry_after_; }
  // Stable lower-case name of the code, used in API error bodies.
  const char* code_name() const;
  // The code as a reason (empty for OK).
  Reason code_reason() const;
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
  Reason reason_;
  Params params_;
  long long retry_after_ = 0;
};

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT(implicit)
  Result(Status status) : v_(std::move(status)) {}    // NOLINT(implicit); must not be OK
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace hotline

#define HOTLINE_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::hotline::Status _st = (expr);          \
    if (!_st.ok()) return _st;               \
  } while (0)

// HOTLINE_ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (a Result<T>); when it is
// not OK, returns its Status from the enclosing function (which returns Status or
// any Result<U>); otherwise moves the value into `lhs`, a declaration or an lvalue:
//   HOTLINE_ASSIGN_OR_RETURN(auto user, store.FindUser(name));
//   HOTLINE_ASSIGN_OR_RETURN(ticket.units, LoadUnits(path));
// It expands to several statements, so it cannot be the body of an unbraced if, and
// `lhs` cannot hold an unparenthesised comma (no structured bindings).
#define HOTLINE_ASSIGN_OR_RETURN(lhs, ...) \
  HOTLINE_ASSIGN_OR_RETURN_IMPL_(HOTLINE_STATUS_CONCAT_(hotline_result_, __COUNTER__), lhs, __VA_ARGS__)
#define HOTLINE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, ...) \
  auto tmp = (__VA_ARGS__);                           \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
#define HOTLINE_STATUS_CONCAT_(a, b) HOTLINE_STATUS_CONCAT_INNER_(a, b)
#define HOTLINE_STATUS_CONCAT_INNER_(a, b) a##b

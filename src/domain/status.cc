#include "domain/status.h"

namespace hotline {

Reason Status::code_reason() const {
  switch (code_) {
    case StatusCode::kOk:
      return Reason();
    case StatusCode::kInvalidArgument:
      return Reasons::kInvalidArgument;
    case StatusCode::kNotFound:
      return Reasons::kNotFound;
    case StatusCode::kConflict:
      return Reasons::kConflict;
    case StatusCode::kPermissionDenied:
      return Reasons::kPermissionDenied;
    case StatusCode::kUnauthenticated:
      return Reasons::kUnauthenticated;
    case StatusCode::kAlreadyExists:
      return Reasons::kAlreadyExists;
    case StatusCode::kInternal:
      return Reasons::kInternal;
    case StatusCode::kUnavailable:
      return Reasons::kUnavailable;
    case StatusCode::kResourceExhausted:
      return Reasons::kResourceExhausted;
  }
  return Reasons::kInternal;
}

const char* Status::code_name() const {
  // Registered names are string literals, so data() is NUL-terminated.
  return ok() ? "ok" : code_reason().name().data();
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string s = code_name();
  if (!field_.empty()) s += " [" + field_ + "]";
  return s + ": " + message_;
}

}  // namespace hotline

// Assertions shared by the request decoders' tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "domain/status.h"

namespace hotline::api::requests {

// `s` is a 400 naming `field` with `reason`.
inline ::testing::AssertionResult Refused(const Status& s, const std::string& field, Reason reason) {
  if (s.ok()) return ::testing::AssertionFailure() << "accepted; expected " << field << " refused";
  if (s.code() != StatusCode::kInvalidArgument || s.field() != field || s.reason() != reason)
    return ::testing::AssertionFailure() << "got " << s.ToString() << " field=" << s.field()
                                         << " reason=" << s.reason().name() << "; expected field=" << field
                                         << " reason=" << reason.name();
  return ::testing::AssertionSuccess();
}

template <typename T>
::testing::AssertionResult Refused(const Result<T>& r, const std::string& field, Reason reason) {
  if (r.ok()) return ::testing::AssertionFailure() << "accepted; expected " << field << " refused";
  return Refused(r.status(), field, reason);
}

}  // namespace hotline::api::requests

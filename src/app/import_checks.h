// Checks of the values `hotline import` reads, so that a bad row is reported
// with the field to fix and never reaches JSON encoding (nlohmann throws on
// invalid UTF-8). Each check returns OK or an InvalidArgument naming `field`.
#pragma once

#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/status.h"

namespace hotline::app {

// The value must be well-formed UTF-8 (the message tells how to convert GBK).
Status CheckUtf8(const std::string& field, std::string_view value);

// The value must not hold U+0000 or another C0 control character other than
// tab and newline.
Status CheckNoControlChars(const std::string& field, std::string_view value);

// An appeal's time must lie between 2000-01-01 00:00 (UTC+8) and `now` plus
// one day. `as_written` is the value as the file gave it, for the message.
Status CheckCreatedAt(const std::string& field, UnixSeconds t, UnixSeconds now, const std::string& as_written);

// The path ("content", "caller.name") of the JSON member whose string holds
// the first ill-formed UTF-8 of `line`, or "" when it cannot be told.
std::string JsonMemberWithBadUtf8(const std::string& line);

}  // namespace hotline::app

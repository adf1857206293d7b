// The times duplicate detection reads (`hotline dedupe`, docs/DEDUPE.md):
// ISO 8601 date-times as strings, "YYYY-MM-DD", "YYYY-MM-DDTHH:MM",
// "YYYY-MM-DDTHH:MM:SS" with optional fractional seconds (dropped), 'T' or a
// space between date and time, and an optional zone "Z", "+08:00", "+0800" or
// "+08". A time without a zone is read as UTC: only the gaps between appeals
// matter, so one input should use one convention. Returns Unix seconds, or
// nothing when the text is not such a time or names an impossible date
// (2019-02-30, hour 24). Years 1970–9999. Pure, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hotline::triage {

std::optional<std::int64_t> ParseAppealTime(std::string_view text);

}  // namespace hotline::triage

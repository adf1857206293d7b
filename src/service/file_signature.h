// File signatures: whether an upload's first bytes match the type it declares
// (JPEG starts FF D8 FF, PDF "%PDF-", MP4 has "ftyp" at offset 4, …), so that a
// script or executable cannot be stored as a "photo". Plain text must hold no
// NUL byte. Types without a known signature never match.
#pragma once

#include <string_view>

namespace hotline::service {

bool MatchesDeclaredType(std::string_view content_type, std::string_view bytes);

}  // namespace hotline::service

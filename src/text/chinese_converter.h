// Traditional → simplified Chinese conversion with OpenCC (config t2s.json,
// phrase-aware). The converter is loaded once, on first use, and shared by all
// threads; conversion is const and safe to call concurrently.
//
// The config is $HOTLINE_OPENCC_CONFIG when set, else /usr/share/opencc/t2s.json.
// When it cannot be loaded, ToSimplified() returns its input unchanged and
// SimplifiedConverterStatus() says why: text normalisation degrades, it never fails.
#pragma once

#include <string>
#include <string_view>

#include "domain/status.h"

namespace hotline::text {

// `utf8` must be valid UTF-8 (see SanitizeUtf8).
std::string ToSimplified(std::string_view utf8);

// OK when the OpenCC converter is loaded; otherwise the error that stopped it.
Status SimplifiedConverterStatus();

}  // namespace hotline::text

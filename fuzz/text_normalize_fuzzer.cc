// Fuzz target: text normalisation and masking of personal data on any bytes.
// Checks the contracts in text/normalize.h and text/mask.h: the output is valid
// UTF-8 whatever the input; NormalizeText is idempotent; FoldWidth and
// MaskPersonalData never fail; masking keeps text without digits unchanged
// (after invalid UTF-8 became U+FFFD) and never lengthens the text in characters.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "demo_data.h"
#include "text/mask.h"
#include "text/normalize.h"
#include "text/utf8.h"

using hotline::fuzz::Check;
namespace text = hotline::text;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;  // appeal content is at most 20000 bytes
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  const std::string normal = text::NormalizeText(in);
  Check(text::IsValidUtf8(normal), "NormalizeText output is not UTF-8");
  Check(text::NormalizeText(normal) == normal, "NormalizeText is not idempotent");

  const std::string folded = text::FoldWidth(in);
  Check(text::IsValidUtf8(folded), "FoldWidth output is not UTF-8");

  const std::string masked = text::MaskPersonalData(in);
  Check(text::IsValidUtf8(masked), "MaskPersonalData output is not UTF-8");
  const std::string clean = text::SanitizeUtf8(in);
  Check(text::DecodeUtf8(masked).size() == text::DecodeUtf8(clean).size(),
        "MaskPersonalData changes the length in characters");
  if (clean.find_first_of("0123456789") == std::string::npos && clean.find("\xef\xbc") == std::string::npos)
    Check(masked == clean, "MaskPersonalData changed text without digits");
  return 0;
}

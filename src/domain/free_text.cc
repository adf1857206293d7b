#include "domain/free_text.h"

#include <string>

namespace hotline {

Status CheckFreeText(std::string_view value, std::string_view field) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
    static constexpr char kHex[] = "0123456789ABCDEF";
    const std::string code = std::string("U+00") + kHex[c >> 4] + kHex[c & 15];
    return Status::InvalidArgument(std::string(field), std::string(field) + " contains the control character " + code +
                                                           " at byte " + std::to_string(i));
  }
  return Status::Ok();
}

}  // namespace hotline

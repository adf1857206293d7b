#include "text/utf8.h"

#include <gtest/gtest.h>

namespace hotline::text {
namespace {

TEST(Utf8, RoundTripsEveryPlane) {
  const std::string s = "a\u00e9\u4e2d\U0001F600";
  const std::u32string cps = DecodeUtf8(s);
  EXPECT_EQ(cps, (std::u32string{U'a', 0xE9, 0x4E2D, 0x1F600}));
  EXPECT_EQ(EncodeUtf8(cps), s);
}

TEST(Utf8, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(DecodeUtf8("\xff"), std::u32string(1, kReplacementChar));
  EXPECT_EQ(DecodeUtf8("a\xe4\xb8"), (std::u32string{U'a', kReplacementChar, kReplacementChar}));  // truncated
  EXPECT_EQ(DecodeUtf8("\xc0\xaf"), (std::u32string{kReplacementChar, kReplacementChar}));         // overlong
  EXPECT_EQ(DecodeUtf8("\xed\xa0\x80").front(), kReplacementChar);                                  // surrogate
  EXPECT_EQ(SanitizeUtf8("ok\xfe"), "ok\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeUtf8(""), "");
}

}  // namespace
}  // namespace hotline::text

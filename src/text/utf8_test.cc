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
  EXPECT_EQ(DecodeUtf8("\xed\xa0\x80").front(), kReplacementChar);                                 // surrogate
  EXPECT_EQ(SanitizeUtf8("ok\xfe"), "ok\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeUtf8(""), "");
}

TEST(Utf8, IsValidUtf8RejectsWhatSanitizeWouldReplace) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("a\u00e9\u4e2d\U0001F600"));
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBD"));       // U+FFFD itself
  EXPECT_FALSE(IsValidUtf8("\xc2\xb7\xb5\xc6"));  // GBK "路灯"
  EXPECT_FALSE(IsValidUtf8("a\xe4\xb8"));         // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace hotline::text

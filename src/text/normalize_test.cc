#include "text/normalize.h"

#include <gtest/gtest.h>

#include "text/chinese_converter.h"

namespace hotline::text {
namespace {

TEST(Normalize, FoldsFullWidthForms) {
  EXPECT_EQ(FoldWidth("ＡＢＣ１２３！？"), "ABC123!?");
  EXPECT_EQ(NormalizeText("电话：１３８００１３８０００，Ｅｍａｉｌ　ａ＠ｂ．ｃｎ"), "电话:13800138000,Email a@b.cn");
  EXPECT_EQ(NormalizeText("①号楼"), "1号楼");
}

TEST(Normalize, TraditionalToSimplified) {
  if (!SimplifiedConverterStatus().ok()) GTEST_SKIP() << SimplifiedConverterStatus().ToString();
  EXPECT_EQ(NormalizeText("小區供暖不熱"), "小区供暖不热");
}

TEST(Normalize, PunctuationAndWhiteSpace) {
  EXPECT_EQ(NormalizeText("  “反映”\t「问题」\n\n【紧急】  "), "\"反映\" \"问题\" [紧急]");
  EXPECT_EQ(NormalizeText("a\u200bb\u0007c\u00a0d"), "abc d");  // zero-width, control, no-break space
}

TEST(Normalize, BadInputNeverFails) {
  EXPECT_EQ(NormalizeText(""), "");
  EXPECT_EQ(NormalizeText("   \n\t "), "");
  EXPECT_EQ(NormalizeText(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(NormalizeText("bad\xff"), "bad\xEF\xBF\xBD");
  // Emoji and other scripts pass through.
  EXPECT_EQ(NormalizeText("路灯坏了😡 street light ライト 가로등"), "路灯坏了😡 street light ライト 가로등");
}

TEST(Normalize, IsIdempotent) {
  for (const char* s : {"ＡＢＣ　小區，“測試”", "①②③ ㎡ ﬁ", "  a  b  ", "路灯😡"}) {
    const std::string once = NormalizeText(s);
    EXPECT_EQ(NormalizeText(once), once) << s;
  }
}

// Found by fuzz/text_normalize_fuzzer: a control or zero-width character kept a
// combining mark from its base during NFKC and was dropped only afterwards, so
// the second pass composed them (a U+0300 → à).
TEST(Normalize, IsIdempotentWhenInvisibleCharactersSeparateACombiningMark) {
  const std::string inputs[] = {std::string("a\0\xcd\x80", 4),  // NUL, then U+0340 (NFKC: U+0300)
                                "e\xe2\x80\x8b\xcc\x81",       // zero-width space, then U+0301
                                "a\x1b\xcc\x80"};                // ESC, then U+0300
  const std::string expected[] = {"\xc3\xa0", "\xc3\xa9", "\xc3\xa0"};  // à, é, à
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string once = NormalizeText(inputs[i]);
    EXPECT_EQ(once, expected[i]) << i;
    EXPECT_EQ(NormalizeText(once), once) << i;
  }
  EXPECT_EQ(NormalizeText("a\t\xcc\x81"), "a \xcc\x81");  // white space still separates
}

TEST(Normalize, HandlesOneMegabyte) {
  std::string big;
  while (big.size() < (1 << 20)) big += "小區路燈壞了，晚上很黑。";
  const std::string out = NormalizeText(big);
  EXPECT_GT(out.size(), big.size() / 2);
  EXPECT_EQ(out.substr(0, 12), "小区路灯");
}

}  // namespace
}  // namespace hotline::text

#include "service/file_signature.h"

#include <gtest/gtest.h>

#include <string>

namespace hotline::service {
namespace {

using namespace std::string_literals;

TEST(FileSignatureTest, DeclaredTypesMustMatchTheFirstBytes) {
  EXPECT_TRUE(MatchesDeclaredType("image/jpeg", std::string("\xFF\xD8\xFF\xE0", 4) + "rest"));
  EXPECT_FALSE(MatchesDeclaredType("image/jpeg", "MZ\x90\x00 this is an .exe"));
  EXPECT_FALSE(MatchesDeclaredType("image/jpeg", "<script>alert(1)</script>"));
  EXPECT_FALSE(MatchesDeclaredType("image/jpeg", ""));
  EXPECT_TRUE(MatchesDeclaredType("image/png", "\x89PNG\r\n\x1A\n...."));
  EXPECT_TRUE(MatchesDeclaredType("application/pdf", "%PDF-1.7\n"));
  EXPECT_FALSE(MatchesDeclaredType("application/pdf", "%PD"));
  EXPECT_TRUE(MatchesDeclaredType("image/webp", "RIFF\x10\x00\x00\x00WEBPVP8 "s));
  EXPECT_FALSE(MatchesDeclaredType("image/webp", "RIFF\x10\x00\x00\x00WAVEfmt "s));
  EXPECT_TRUE(MatchesDeclaredType("audio/wav", "RIFF\x10\x00\x00\x00WAVEfmt "s));
  EXPECT_TRUE(MatchesDeclaredType("video/mp4", std::string("\x00\x00\x00\x18", 4) + "ftypmp42"));
  EXPECT_TRUE(MatchesDeclaredType("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                  "PK\x03\x04 docx"));
  EXPECT_TRUE(MatchesDeclaredType("text/plain", "市民来电记录：路灯不亮。"));
  EXPECT_FALSE(MatchesDeclaredType("text/plain", std::string("bin\0ary", 7)));
  EXPECT_FALSE(MatchesDeclaredType("application/x-msdownload", "MZ"));
}

}  // namespace
}  // namespace hotline::service

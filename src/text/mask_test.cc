#include "text/mask.h"

#include <gtest/gtest.h>

namespace hotline::text {
namespace {

TEST(Mask, MobileNumbers) {
  EXPECT_EQ(MaskPersonalData("我的电话13800138000，请回电"), "我的电话138****8000，请回电");
  EXPECT_EQ(MaskPersonalData("电话:138-0013-8000"), "电话:138-****-8000");
  EXPECT_EQ(MaskPersonalData("电话 138 0013 8000"), "电话 138 **** 8000");
  EXPECT_EQ(MaskPersonalData("+86 13800138000"), "+86 138****8000");
  EXPECT_EQ(MaskPersonalData("8613800138000"), "86138****8000");
  EXPECT_EQ(MaskPersonalData("１３８００１３８０００"), "１３８****８０００");  // full-width digits
}

TEST(Mask, IdNumbers) {
  EXPECT_EQ(MaskPersonalData("身份证110101199003071234。"), "身份证110101********1234。");
  EXPECT_EQ(MaskPersonalData("身份证11010119900307123X"), "身份证110101********123X");
  EXPECT_EQ(MaskPersonalData("老证号110101900307123"), "老证号110101******123");
}

TEST(Mask, LeavesOtherNumbersAlone) {
  for (const char* s : {"订单号123456789012", "12345678901",  // 11 digits but not 1[3-9]
                        "138001380001",                       // 12 digits
                        "0731-0000-00000000", "2019年4月25日", "A13800138000b", "138-0013 8000"}) {
    EXPECT_EQ(MaskPersonalData(s), s);
  }
  EXPECT_EQ(MaskPersonalData(""), "");
  EXPECT_EQ(MaskPersonalData("😀13800138000😀"), "😀138****8000😀");
}

TEST(Mask, SeveralInOneText) {
  EXPECT_EQ(MaskPersonalData("13800138000或13912345678"), "138****8000或139****5678");
}

}  // namespace
}  // namespace hotline::text

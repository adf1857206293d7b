// `hotline import` on malformed files: encodings, quoting, line numbers, times.
#include <gtest/gtest.h>

#include "app/csv_reader.h"

namespace hotline::app {
namespace {

TEST(CsvTable, QuotedFieldsSpanLinesAndRowsKnowTheirPhysicalLine) {
  auto t = CsvTable::Parse(
      "# comment\n"
      "\n"
      "a,b\n"                // line 3: header
      "1,\"first\n"          // line 4
      "\n"                   //   a blank line inside the field
      "# not a comment\"\n"  //   still inside the field
      "\n"
      "2,\"he said \"\"hi\"\"\"\r\n"  // line 8, CRLF
      "3,\"x\r\ny\"\r\n");            // line 9
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ(t->Get(0, "b"), "first\n\n# not a comment");
  EXPECT_EQ(t->Get(1, "b"), "he said \"hi\"");
  EXPECT_EQ(t->Get(2, "b"), "x\ny");
  EXPECT_EQ(t->Line(0), 4u);
  EXPECT_EQ(t->Line(1), 8u);
  EXPECT_EQ(t->Line(2), 9u);
  for (std::size_t i = 0; i < t->size(); ++i) EXPECT_TRUE(t->Error(i).ok()) << i;
}

TEST(CsvTable, MalformedQuotingIsAnErrorOfItsRow) {
  auto t = CsvTable::Parse("a,b\n1,ab\"c\n2,\"x\"y\n3,ok\n4,\"never closed\n5,swallowed\n");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 4u);
  EXPECT_EQ(t->Error(0).field(), "b");
  EXPECT_NE(t->Error(0).message().find("stray quote"), std::string::npos);
  EXPECT_EQ(t->Error(1).field(), "b");
  EXPECT_TRUE(t->Error(2).ok());
  EXPECT_EQ(t->Get(2, "b"), "ok");
  EXPECT_EQ(t->Line(3), 5u);
  EXPECT_NE(t->Error(3).message().find("unclosed quote"), std::string::npos);
  EXPECT_EQ(t->ColumnName(2), "column 3");
  auto header = CsvTable::Parse("a,\"b\n1,2\n");
  ASSERT_FALSE(header.ok());
  EXPECT_NE(header.status().message().find("line 1"), std::string::npos);
}

}  // namespace
}  // namespace hotline::app

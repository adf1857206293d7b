// `hotline import` on malformed files: encodings, quoting, line numbers, times.
#include <gtest/gtest.h>

#include "app/csv_reader.h"
#include "app/demo_city.h"
#include "app/import_fixture.h"
#include "app/importer.h"
#include "app/reference_files.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::app {
namespace {

const std::string kHeader = "channel,appeal_type,content,created_at\n";

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

// Found by fuzz/csv_import_fuzzer: a header that is not UTF-8 put its bytes into
// every error naming its column; an empty header name gave errors naming no column.
TEST(CsvTable, HeaderMustBeUtf8AndEmptyNamesBecomeColumnN) {
  auto gbk = CsvTable::Parse("channel,appeal_type,content,\xb1\xb8\xd7\xa2\nphone,complaint,x,y\n");  // 备注 in GBK
  ASSERT_FALSE(gbk.ok());
  EXPECT_EQ(gbk.status().field(), "header");
  EXPECT_NE(gbk.status().message().find("line 1: header: not valid UTF-8"), std::string::npos);

  auto t = CsvTable::Parse(",\n\"");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ(t->ColumnName(0), "column 1");
  EXPECT_EQ(t->Error(0).field(), "column 1");
  EXPECT_NE(t->Error(0).message().find("unclosed quote"), std::string::npos);
}

TEST(ParseLocalTime, RejectsTimesThatDoNotExist) {
  EXPECT_TRUE(ParseLocalTime("2020-02-29").ok());
  EXPECT_TRUE(ParseLocalTime("2019/1/8 10:00:00").ok());
  EXPECT_TRUE(ParseLocalTime("2019-01-08 9:05").ok());
  EXPECT_EQ(*ParseLocalTime("1700000000"), 1'700'000'000);
  EXPECT_EQ(*ParseLocalTime("2000-01-01 08:00:00"), 946'684'800);
  for (const char* bad : {"2019-13-01", "2019-01-32", "2019-02-30", "2019-02-29", "2019-01-08 25:00:00",
                          "2019-01-08 10:60:00", "2019-01-08 10:00:60", "3170843-01-01", "0000-01-01", "2019-01-08xyz",
                          "2019-01/08", "99999999999999999999999", "", "yesterday"})
    EXPECT_FALSE(ParseLocalTime(bad).ok()) << bad;
}

class ImportFileTest : public ImportFixture {
 protected:
  ImportReport Import(const std::string& name, const std::string& text) {
    auto report = ImportAppeals(*store_, tmp_.Write(name, text), ctx_, actor_);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ImportReport();
  }
  static bool Has(const ImportReport& r, const std::string& error_start) {
    for (const auto& e : r.errors)
      if (e.rfind(error_start, 0) == 0) return true;
    return false;
  }
  static std::string All(const ImportReport& r) {
    std::string s;
    for (const auto& e : r.errors) s += e + "\n";
    return s;
  }
};

TEST_F(ImportFileTest, GbkBytesAreReportedPerRowNotFatal) {
  const std::string gbk_street_light = "\xc2\xb7\xb5\xc6\xb2\xbb\xc1\xc1";  // 路灯不亮 in GBK
  auto csv = Import("gbk.csv", kHeader + "phone,complaint," + gbk_street_light + ",\nphone,complaint,井盖缺失,\n");
  EXPECT_EQ(csv.imported, 1u);
  ASSERT_EQ(csv.errors.size(), 1u);
  EXPECT_EQ(csv.errors[0],
            "line 2: content: not valid UTF-8 (the file must be UTF-8; convert GBK with iconv -f GBK -t UTF-8)");

  auto jsonl = Import("gbk.jsonl", R"({"channel":"web","appeal_type":"help","content":")" + gbk_street_light + "\"}\n" +
                                       R"({"channel":"web","appeal_type":"help","caller":{"name":")" +
                                       gbk_street_light + R"("},"content":"路面塌陷"})" + "\n");
  EXPECT_EQ(jsonl.imported, 0u);
  EXPECT_TRUE(Has(jsonl, "line 1: content: not valid UTF-8")) << All(jsonl);
  EXPECT_TRUE(Has(jsonl, "line 2: caller.name: not valid UTF-8")) << All(jsonl);
}

TEST_F(ImportFileTest, ErrorsNameThePhysicalLineWhereTheRecordStarts) {
  auto csv = Import("lines.csv",
                    "# exported 2026-11-01\n"                                  // 1
                    "\n"                                                       // 2
                        + kHeader +                                            // 3
                        "phone,complaint,\"路灯不亮\n已经三天\n请尽快修\",\n"  // 4-6
                        "\n"                                                   // 7
                        "# a comment\n"                                        // 8
                        "fax,complaint,坏行,\n"                                // 9
                        "web,help,\"井盖\n缺失\",2019-02-30\n");               // 10-11
  EXPECT_EQ(csv.imported, 1u);
  EXPECT_EQ(csv.errors.size(), 2u) << All(csv);
  EXPECT_TRUE(Has(csv, "line 9: channel:")) << All(csv);
  EXPECT_TRUE(Has(csv, "line 10: created_at:")) << All(csv);
  auto first = store_->GetTicket(1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->appeal.content, "路灯不亮\n已经三天\n请尽快修");

  auto jsonl = Import("lines.jsonl",
                      "\n\r\n"
                      R"({"channel":"web","appeal_type":"help","content":7})"
                      "\n");
  EXPECT_TRUE(Has(jsonl, "line 3: content:")) << All(jsonl);
}

TEST_F(ImportFileTest, BadQuotingSkipsTheRowNotTheFile) {
  auto csv = Import("quotes.csv", kHeader +
                                      "phone,complaint,路灯\"不亮\",\n"  // 2: stray quote
                                      "phone,complaint,井盖缺失,\n"      // 3
                                      "phone,complaint,\"噪音扰民,\n"    // 4: never closed
                                      "phone,complaint,路面塌陷,\n");
  EXPECT_EQ(csv.imported, 1u);
  ASSERT_EQ(csv.errors.size(), 2u) << All(csv);
  EXPECT_TRUE(Has(csv, "line 2: content: stray quote")) << All(csv);
  EXPECT_TRUE(Has(csv, "line 4: content: unclosed quote")) << All(csv);
}

TEST_F(ImportFileTest, CreatedAtMustLieBetween2000AndTomorrow) {
  auto csv = Import("times.csv", kHeader +
                                     "phone,complaint,路灯不亮,1999-12-31 23:59:59\n"
                                     "phone,complaint,井盖缺失,2000-01-01 00:00:00\n"
                                     "phone,complaint,噪音扰民,2026-11-25\n"
                                     "phone,complaint,路面塌陷,99999999999999\n"
                                     "phone,complaint,停水,2026-11-19 07:59\n");
  EXPECT_EQ(csv.imported, 2u);
  EXPECT_TRUE(Has(csv, "line 2: created_at: out of range")) << All(csv);
  EXPECT_TRUE(Has(csv, "line 4: created_at: out of range")) << All(csv);
  EXPECT_TRUE(Has(csv, "line 5: created_at: out of range")) << All(csv);
  auto jsonl = Import("times.jsonl", R"({"channel":"web","appeal_type":"help","content":"x","created_at":0})"
                                     "\n");
  EXPECT_TRUE(Has(jsonl, "line 1: created_at: out of range")) << All(jsonl);
}

TEST_F(ImportFileTest, ControlCharactersInTextAreRejected) {
  auto csv = Import("ctl.csv", kHeader + "phone,complaint,路灯\x01不亮,\nphone,complaint,\"井盖\t缺失\n两处\",\n");
  EXPECT_EQ(csv.imported, 1u);
  EXPECT_TRUE(Has(csv, "line 2: content: contains the control character U+0001")) << All(csv);
  auto jsonl =
      Import("ctl.jsonl", std::string(R"({"channel":"web","appeal_type":"help","content":"a\u0000b"})") + "\n" +
                              R"({"channel":"web","appeal_type":"help","content":"ok","address":"\u001b[31m"})"
                              "\n");
  EXPECT_EQ(jsonl.imported, 0u);
  EXPECT_TRUE(Has(jsonl, "line 1: content: contains the control character U+0000")) << All(jsonl);
  EXPECT_TRUE(Has(jsonl, "line 2: address: contains the control character U+001B")) << All(jsonl);
}

}  // namespace
}  // namespace hotline::app

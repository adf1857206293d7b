#include "triage/training_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace hotline::triage {
namespace {

std::string Write(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::temp_directory_path() / ("hotline_training_data_test_" + name)).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ParseCsv, QuotingCommasAndNewlines) {
  auto r = ParseCsv("a,b,c\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n,,\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1], (std::vector<std::string>{"1", "x, \"y\"", "two\nlines"}));
  EXPECT_EQ((*r)[2], (std::vector<std::string>{"", "", ""}));
  EXPECT_FALSE(ParseCsv("a\n\"open").ok());
  EXPECT_TRUE(ParseCsv("").ok());
}

TEST(TrainingData, TeddyStyleCsv) {
  const std::string path = Write("teddy.csv",
                                 "\xEF\xBB\xBFid,user,title,time,detail,label1\n"
                                 "1,u,小区暖气不热,2019-01-01,\"家里温度只有12度, 请处理\",城乡建设\n"
                                 "2,u,,2019-01-02,公交车太挤,交通运输\n"
                                 "3,u,,2019-01-03,,交通运输\n");
  auto d = LoadLabelledFile(path);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->size(), 2u);  // the row with no text is skipped
  EXPECT_EQ((*d)[0].text, "小区暖气不热\n家里温度只有12度, 请处理");
  EXPECT_EQ((*d)[0].label, "城乡建设");
  EXPECT_EQ((*d)[1].text, "公交车太挤");
  auto u = LoadUnlabelledFile(path);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->size(), 2u);
  auto replies = LoadUnlabelledFile(Write("replies.csv", "id,title,detail,reply\n1,暖气,不热,已转热力公司处理\n"));
  ASSERT_TRUE(replies.ok());
  ASSERT_EQ(replies->size(), 1u);
  EXPECT_EQ((*replies)[0].text, "暖气\n不热");
  EXPECT_EQ((*replies)[0].context, "已转热力公司处理");
}

TEST(TrainingData, CsvErrorsNameTheProblem) {
  EXPECT_EQ(LoadLabelledFile(Write("nolabel.csv", "title,detail\na,b\n")).status().field(), "label1");
  EXPECT_EQ(LoadLabelledFile(Write("notext.csv", "x,label1\na,b\n")).status().field(), "text");
  auto empty_label = LoadLabelledFile(Write("emptylabel.csv", "text,label1\n暖气,\n"));
  EXPECT_EQ(empty_label.status().field(), "label1");
  EXPECT_NE(empty_label.status().message().find("record 2"), std::string::npos);
  EXPECT_EQ(LoadLabelledFile("/nonexistent/file.csv").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(LoadLabelledFile(Write("headeronly.csv", "text,label1\n")).ok());
}

TEST(TrainingData, JsonLines) {
  const std::string path = Write("data.jsonl",
                                 "{\"text\":\"暖气不热\",\"category\":\"0101\"}\n\n"
                                 "{\"text\":\"公交\",\"label\":\"0301\",\"id\":7}\n");
  auto d = LoadLabelledFile(path);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->size(), 2u);
  EXPECT_EQ((*d)[1].label, "0301");
  auto bad = LoadLabelledFile(Write("bad.jsonl", "{\"text\":\"a\",\"category\":\"b\"}\n{oops\n"));
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  EXPECT_EQ(LoadLabelledFile(Write("nocat.jsonl", "{\"text\":\"a\"}\n")).status().field(), "category");
  EXPECT_EQ(LoadLabelledFile(Write("numtext.jsonl", "{\"text\":5,\"category\":\"a\"}\n")).status().field(), "text");
  auto u = LoadUnlabelledFile(Write("unl.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n"));
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->size(), 2u);
}

TEST(TrainingData, TaxonomyHintsInBothLayouts) {
  auto names = LoadTaxonomyHints(Write("tax1.csv", "level1,level2,level3\n城乡建设,城市建设和市政管理,冬季采暖\n"));
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  ASSERT_EQ(names->size(), 1u);
  EXPECT_EQ((*names)[0].text, "城市建设和市政管理 冬季采暖");
  EXPECT_EQ((*names)[0].label, "城乡建设");
  auto codes = LoadTaxonomyHints(
      Write("tax2.csv", "code,name,parent,level\n01,城乡建设,,1\n0101,供热,01,2\n010101,室温不达标,0101,3\n"));
  ASSERT_TRUE(codes.ok()) << codes.status().ToString();
  ASSERT_EQ(codes->size(), 3u);
  EXPECT_EQ((*codes)[2].text, "城乡建设 供热 室温不达标");
  EXPECT_EQ((*codes)[2].label, "010101");
  EXPECT_EQ(LoadTaxonomyHints(Write("tax3.csv", "a,b\n1,2\n")).status().field(), "taxonomy");
}

}  // namespace
}  // namespace hotline::triage

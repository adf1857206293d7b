#include "triage/intake/intake_assistant.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/reference_files.h"
#include "triage/test_corpus.h"

namespace hotline::triage {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The demo city served by a hotline whose home area is 抚州市 (3610).
class IntakeAssistantTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = app::DataDir();
    units_ = UnitTree::Build(*app::LoadUnitsFile(dir + "/demo/units.csv")).value();
    taxonomy_ = Taxonomy::Build(*app::LoadTaxonomyFile(dir + "/taxonomy.csv")).value();
    auto rules = AlertRules::Parse(ReadFile(dir + "/triage/alert_rules.tsv"));
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    divisions_ = DivisionIndex::Build({{"11", "北京市"}, {"1101", "市辖区"}, {"110105", "朝阳区"}, {"36", "江西省"},
                                       {"3610", "抚州市"}, {"361002", "临川区"}, {"13", "河北省"}, {"1301", "石家庄市"},
                                       {"130104", "桥西区"}, {"130104007", "东华街道"}},
                                      "3610")
                     .value();
    assistant_ = std::make_unique<IntakeAssistant>(units_, taxonomy_, *app::LoadCatalogFile(dir + "/demo/catalog.csv"),
                                                   CityGeography{}, std::move(rules).value());
    assistant_->SetDivisionIndex(&divisions_);
  }
  std::vector<std::string> AlertCodes(const std::string& address) {
    std::vector<std::string> codes;
    for (const Alert& a : assistant_->Triage({"门口路灯坏了好几天", address, {}, false, ""}).alerts) codes.push_back(a.code);
    return codes;
  }
  UnitTree units_;
  Taxonomy taxonomy_;
  DivisionIndex divisions_;
  std::unique_ptr<IntakeAssistant> assistant_;
};

TEST_F(IntakeAssistantTest, AnAddressOutsideTheHomeAreaIsOutOfScope) {
  auto r = assistant_->Triage({"门口路灯坏了好几天", "北京市朝阳区", {}, false, ""});
  ASSERT_TRUE(r.division.has_value());
  EXPECT_EQ(r.division->code, "110105");
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].code, "OOS03");
  EXPECT_EQ(r.alerts[0].matched, std::vector<std::string>{"北京市朝阳区"});
  EXPECT_TRUE(AlertCodes("抚州市临川区").empty());  // at home
  EXPECT_TRUE(AlertCodes("江西省").empty());        // the home's own province
  EXPECT_TRUE(AlertCodes("").empty());
}

// Issue 9: the city's own name is not one of its districts.
TEST_F(IntakeAssistantTest, TheCitysNameInTheTextLocatesNoDistrict) {
  auto r = assistant_->Triage({"今年临川市什么时候开始供暖", "", {}, false, ""});
  EXPECT_FALSE(r.location.has_value()) << r.location->area << " at " << r.location->confidence;
  auto named = assistant_->Triage({"临川高新区科创街道的路灯坏了", "", {}, false, ""});
  ASSERT_TRUE(named.location.has_value());
  EXPECT_EQ(named.location->street, "LC-D03-S01");
}

// Issue 9: inside the home area the home's 东华街道 wins over 石家庄市桥西区东华街道.
TEST_F(IntakeAssistantTest, AHomeStreetIsNotTakenForItsNamesakeElsewhere) {
  ASSERT_TRUE(divisions_.Resolve("东华街道幸福里社区3号楼").has_value());  // the national data alone finds 河北's
  EXPECT_EQ(divisions_.Resolve("东华街道幸福里社区3号楼")->code, "130104007");
  for (const char* address : {"东华街道幸福里社区3号楼", "东城区东华街道", "东华街道"}) {
    auto r = assistant_->Triage({"门口路灯坏了好几天", address, {}, false, ""});
    ASSERT_TRUE(r.location.has_value()) << address;
    EXPECT_EQ(r.location->street, "LC-D01-S01") << address;
    EXPECT_FALSE(r.division.has_value()) << address << " → " << r.division->code;
    EXPECT_TRUE(AlertCodes(address).empty()) << address;  // not 其他地区事务 either
  }
  // A district elsewhere whose name only begins like a home street's (朝阳区 / the home 朝阳街道) stays elsewhere.
  auto chaoyang = assistant_->Triage({"门口路灯坏了好几天", "朝阳区建国路88号", {}, false, ""});
  ASSERT_TRUE(chaoyang.division.has_value());
  EXPECT_EQ(chaoyang.division->code.substr(0, 2), "11");
  // Said with its province and city, the street elsewhere is still recognised, and is out of scope.
  auto away = assistant_->Triage({"门口路灯坏了好几天", "河北省石家庄市桥西区东华街道", {}, false, ""});
  ASSERT_TRUE(away.division.has_value());
  EXPECT_EQ(away.division->code, "130104007");
  EXPECT_EQ(AlertCodes("河北省石家庄市桥西区东华街道"), std::vector<std::string>{"OOS03"});
}

// Six topics, each with its own words, labelled with codes of the demo taxonomy.
std::vector<LabelledText> SixTopics() {
  const std::vector<std::pair<std::string, std::vector<std::string>>> topics = {
      {"1204", {"暖气不热", "供暖温度", "室温太低", "暖气片", "热力公司"}},
      {"0301", {"公交车", "公交站台", "班次太少", "司机态度", "线路调整"}},
      {"0401", {"学校", "老师", "学生", "招生入学", "幼儿园"}},
      {"02", {"噪音扰民", "垃圾堆放", "污水横流", "油烟污染", "异味刺鼻"}},
      {"05", {"拖欠工资", "社保缴纳", "劳动合同", "加班费", "工伤认定"}},
      {"07", {"医院", "医生", "挂号", "疫苗接种", "药品价格"}},
  };
  std::vector<LabelledText> out;
  for (int i = 0; i < 20; ++i)
    for (const auto& [code, words] : topics)
      out.push_back({words[i % 5] + "，" + words[(i + 1) % 5] + words[(i + 3) % 5] + "。", code});
  return out;
}

// Issue 9: a weak category guess no longer makes its unit the dispatch default.
TEST_F(IntakeAssistantTest, NoDefaultUnitBelowTheConfidenceFloor) {
  TrainOptions quick;
  quick.fasttext.dim = 10;
  quick.fasttext.epoch = 10;
  quick.self_training_rounds = 0;
  auto model = Classifier::Train(SixTopics(), quick);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  assistant_->SetClassifier(std::make_shared<const Classifier>(std::move(model).value()));
  const double floor = IntakeAssistant::kDefaultUnitFloor;

  auto sure = assistant_->Triage({"家里暖气不热，室温太低，暖气片冰凉", "东城区东华街道", {}, false, ""});
  ASSERT_FALSE(sure.categories.empty());
  EXPECT_EQ(sure.categories[0].code, "1204");
  EXPECT_GE(sure.categories[0].confidence, floor);
  ASSERT_FALSE(sure.units.empty());
  EXPECT_FALSE(sure.unit_needs_choice);

  auto vague = assistant_->Triage({"我想问一下这个事情怎么弄", "东城区东华街道", {}, false, ""});
  ASSERT_FALSE(vague.categories.empty());
  EXPECT_LT(vague.categories[0].confidence, floor);
  ASSERT_FALSE(vague.units.empty());  // still listed, ranked, for the operator to pick from
  EXPECT_TRUE(vague.unit_needs_choice);

  // The operator's own category is certain: its unit is the default again.
  auto chosen = assistant_->Triage({"我想问一下这个事情怎么弄", "东城区东华街道", {}, false, "030101"});
  ASSERT_FALSE(chosen.units.empty());
  EXPECT_FALSE(chosen.unit_needs_choice);
  // No units at all: nothing to choose.
  auto nowhere = assistant_->Triage({"我想问一下这个事情怎么弄", "", {}, false, ""});
  EXPECT_EQ(nowhere.unit_needs_choice, !nowhere.units.empty());
}

}  // namespace
}  // namespace hotline::triage

#include "triage/intake/intake_assistant.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/reference_files.h"

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
                                       {"3610", "抚州市"}, {"361002", "临川区"}},
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

}  // namespace
}  // namespace hotline::triage

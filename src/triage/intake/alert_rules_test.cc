#include "triage/intake/alert_rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hotline::triage {
namespace {

AlertRules CityRules() {
  std::ifstream in(std::string(HOTLINE_DEFAULT_DATA_DIR) + "/triage/alert_rules.tsv");
  std::stringstream ss;
  ss << in.rdbuf();
  auto rules = AlertRules::Parse(ss.str());
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : AlertRules();
}

std::vector<std::string> Codes(const AlertRules& rules, const std::string& text) {
  std::vector<std::string> out;
  for (const Alert& a : rules.Check(text)) out.push_back(a.code);
  return out;
}

TEST(AlertRules, EmergenciesGetTheRightNumber) {
  AlertRules rules = CityRules();
  struct Case {
    const char* text;
    std::vector<std::string> codes;
  };
  const Case cases[] = {
      {"我家楼下饭店着火了，浓烟很大", {"119"}},
      {"厨房里一股煤气味，是不是燃气泄漏了", {"119"}},
      {"路边有个老人晕倒了，叫不醒", {"120"}},
      {"人民路口发生车祸，有人受伤流血", {"120", "122"}},
      {"刚才两辆车追尾了，人都没事", {"122"}},
      {"有人持刀在小区门口砍人", {"110"}},
      {"邻居家一直传来打人了的喊声，像是家暴", {"110"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Codes(rules, c.text), c.codes) << c.text;
  for (const Alert& a : rules.Check("仓库着火了")) EXPECT_TRUE(a.blocking);
}

TEST(AlertRules, OrdinaryAppealsAndNegationsDoNotAlert) {
  AlertRules rules = CityRules();
  for (const char* text : {"小区路灯不亮已经一周了", "暖气温度只有十五度，请求处理", "没有着火，只是邻居在烧烤有点烟味但不是冒烟",
                           "车祸处理完了，没有人受伤，只想问下理赔流程", "想咨询一下劳动仲裁怎么申请",
                           "昨天小区发生火灾，想问问物业的赔偿责任"}) {
    for (const Alert& a : rules.Check(text)) EXPECT_NE(a.kind, "emergency") << text << " → " << a.code;
  }
  EXPECT_TRUE(rules.Check("").empty());
  EXPECT_TRUE(rules.Check("😀🔥 hello").empty());
}

TEST(AlertRules, OutOfScopeSuggestsTheScript) {
  AlertRules rules = CityRules();
  rules.SetScripts({{"OOS01", "您反映的事项已进入司法程序……"}});
  auto alerts = rules.Check("我和开发商的纠纷已经向法院起诉了，希望政府督促法院快点判");
  ASSERT_FALSE(alerts.empty());
  EXPECT_EQ(alerts[0].code, "OOS01");
  EXPECT_EQ(alerts[0].kind, "out_of_scope");
  EXPECT_FALSE(alerts[0].blocking);
  EXPECT_EQ(alerts[0].script, "您反映的事项已进入司法程序……");
  EXPECT_EQ(Codes(rules, "朋友借钱不还，请政府帮我要回来"), std::vector<std::string>{"OOS02"});
}

TEST(AlertRules, BadRuleFilesAreRefused) {
  EXPECT_EQ(AlertRules::Parse("kind\tcode\tlabel\tkeywords\nweather\tX\tx\t雨\n").status().field(), "kind");
  EXPECT_EQ(AlertRules::Parse("kind\tcode\tlabel\tkeywords\nemergency\t119\tfire\t\n").status().field(), "keywords");
  EXPECT_EQ(AlertRules::Parse("kind\tcode\tlabel\tkeywords\nemergency\t119\n").status().field(), "rules");
  EXPECT_EQ(AlertRules::Parse("kind\tcode\tlabel\nemergency\t119\tfire\n").status().field(), "rules");  // no keywords column
  auto bad_pattern = AlertRules::Parse("kind\tcode\tlabel\tkeywords\tpatterns\nemergency\t110\tx\t\t(打|砍\n");
  EXPECT_EQ(bad_pattern.status().field(), "patterns");
  EXPECT_NE(bad_pattern.status().message().find("(打|砍"), std::string::npos);
}

TEST(AlertRules, PatternsAndTheClassifiersCategory) {
  auto rules = AlertRules::Parse(
      "kind\tcode\tlabel\tkeywords\trequires\tpatterns\tcategories\n"
      "out_of_scope\tOOS01\t涉诉\t\t\t法院.{0,6}(判|执行)\t\n"
      "out_of_scope\tOOS07\t外交\t领事馆\t\t\t1301｜1302\n");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  auto court = rules->Check("去年法院已经判了但对方一直不执行");
  ASSERT_EQ(court.size(), 1u);
  EXPECT_EQ(court[0].code, "OOS01");
  EXPECT_EQ(court[0].matched, std::vector<std::string>{"法院已经判"});
  EXPECT_TRUE(rules->Check("法律援助中心在哪里").empty());  // no 法院 … 判
  // The city's rules: a fight happening now is for 110, one that is over is not.
  AlertRules city = CityRules();
  EXPECT_EQ(Codes(city, "楼下有人在打架，已经见血了")[0], "110");
  EXPECT_TRUE(Codes(city, "昨天晚上有人打架，现在已经处理完了").empty());
  // The category fires only when the classifier is confident enough.
  EXPECT_EQ(rules->Check("一段话", {"130105", 0.8, {}}).size(), 1u);
  EXPECT_TRUE(rules->Check("一段话", {"130105", 0.3, {}}).empty());
  EXPECT_TRUE(rules->Check("一段话", {"140105", 0.9, {}}).empty());
  EXPECT_EQ(rules->Check("一段话", {"130105", 0.8, {}})[0].matched, std::vector<std::string>{"分类:130105"});
}

TEST(AlertRules, SignalsFromOtherPartsOfTriage) {
  auto rules = AlertRules::Parse("kind\tcode\tlabel\tkeywords\tsignals\nout_of_scope\tOOS03\t外地\t外省\toutside_home\n");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_TRUE(rules->Check("我家门口的路灯坏了").empty());
  auto outside = rules->Check("我家门口的路灯坏了", {"", 0, {{"outside_home", "北京市朝阳区"}}});
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0].matched, std::vector<std::string>{"北京市朝阳区"});
  EXPECT_EQ(AlertRules::Parse("kind\tcode\tlabel\tkeywords\tsignals\nout_of_scope\tX\tx\t\tmoon\n").status().field(),
            "signals");
}

// Issue 9: a caller who fears a fire or wants to prevent one is not reporting one.
TEST(AlertRules, WorryAndPreventionDoNotRaiseAnEmergency) {
  AlertRules city = CityRules();
  for (const char* text : {"楼道堆放杂物，担心着火", "楼道里堆满了纸箱，万一起火人都跑不出去", "社区能不能组织预防火灾的培训",
                           "电动车在楼道里充电，存在火灾隐患", "老人一个人在家，担心晕倒了没人知道",
                           "这个路口没有红绿灯，担心发生车祸", "这个路口经常发生车祸，建议装红绿灯"}) {
    for (const Alert& a : city.Check(text)) EXPECT_NE(a.kind, "emergency") << text << " → " << a.code;
  }
  // The same words still alert when the thing is happening, also beside a worry in another clause.
  EXPECT_EQ(Codes(city, "着火了，快来人"), std::vector<std::string>{"119"});
  EXPECT_EQ(Codes(city, "楼道起火了，浓烟很大"), std::vector<std::string>{"119"});
  EXPECT_EQ(Codes(city, "我一直担心这些杂物，现在楼道起火了"), std::vector<std::string>{"119"});
  EXPECT_EQ(Codes(city, "路边有个老人晕倒了，叫不醒"), std::vector<std::string>{"120"});
  // 110 keeps no such cues: a worry about someone taking their life must still alert.
  EXPECT_EQ(Codes(city, "我担心邻居想要轻生"), std::vector<std::string>{"110"});
}

TEST(AlertRules, UnlessCuesAreDataAndApplyToPatternsToo) {
  const std::string header = "kind\tcode\tlabel\tkeywords\trequires\tpatterns\tcategories\tsignals\tunless\n";
  auto rules = AlertRules::Parse(header + "emergency\t119\t火\t着火\t\t楼.{0,2}冒烟\t\t\t担心｜演习\n");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(Codes(*rules, "着火了"), std::vector<std::string>{"119"});
  EXPECT_TRUE(rules->Check("担心着火").empty());
  EXPECT_EQ(Codes(*rules, "楼上冒烟了"), std::vector<std::string>{"119"});
  EXPECT_TRUE(rules->Check("今天消防演习时楼上冒烟").empty());
  // Without the column (older rule files) nothing is cancelled.
  auto old = AlertRules::Parse("kind\tcode\tlabel\tkeywords\nemergency\t119\t火\t着火\n");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(Codes(*old, "担心着火"), std::vector<std::string>{"119"});
}

}  // namespace
}  // namespace hotline::triage

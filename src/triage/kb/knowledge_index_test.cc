#include "triage/kb/knowledge_index.h"

#include <gtest/gtest.h>

namespace hotline::triage {
namespace {

KbEntry Entry(std::string id, std::string q, std::string a, bool pub = true) {
  KbEntry e;
  e.id = std::move(id);
  e.question = std::move(q);
  e.answer = std::move(a);
  e.is_public = pub;
  return e;
}

class KnowledgeIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Upsert(Entry("KB-1", "社保卡丢失了怎么补办？", "先挂失，再携带身份证到合作银行网点补办，工本费20元。"));
    index_.Upsert(Entry("KB-2", "每年什么时候开始供暖？", "本市供暖期为11月15日至次年3月15日。"));
    index_.Upsert(Entry("KB-3", "住房公积金可以提取用于支付房租吗？", "无自有住房的职工可按月提取公积金支付房租。"));
    index_.Upsert(Entry("KB-4", "坐席内部：如何判断需要转接119？", "出现明火、浓烟、燃气泄漏时立即转接119。", false));
    ASSERT_TRUE(index_.LoadSynonyms("# 同义词\n暖气 供暖 供热\n社保卡，社会保障卡\n").ok());
  }
  std::vector<KbHit> Find(const std::string& text, bool public_only = false) {
    KbQuery q;
    q.text = text;
    q.public_only = public_only;
    auto r = index_.Search(q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<KbHit>{};
  }
  KnowledgeIndex index_;
};

TEST_F(KnowledgeIndexTest, FindsParaphrasesByNgramOverlap) {
  auto hits = Find("我的社保卡掉了咋办");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, "KB-1");
  hits = Find("公积金能交房租不");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, "KB-3");
}

TEST_F(KnowledgeIndexTest, SynonymsBridgeDifferentWords) {
  auto hits = Find("暖气几号开始来");  // the entry says 供暖, never 暖气
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, "KB-2");
}

TEST_F(KnowledgeIndexTest, PublicOnlyHidesInternalEntries) {
  EXPECT_EQ(Find("什么情况转接119")[0].id, "KB-4");
  for (const auto& h : Find("什么情况转接119", /*public_only=*/true)) EXPECT_NE(h.id, "KB-4");
}

TEST_F(KnowledgeIndexTest, RelevanceFloorDropsNoise) {
  auto ids = [&](const std::string& text, int floor) {
    KbQuery q;
    q.text = text;
    q.limit = 10;
    q.min_percent = floor;
    std::vector<std::string> out;
    auto hits = index_.Search(q);
    EXPECT_TRUE(hits.ok());
    if (hits.ok())
      for (const KbHit& h : *hits) out.push_back(h.id);
    return out;
  };
  using Ids = std::vector<std::string>;
  // Noise without a floor: KB-1 shares only 办 (补办), KB-3 only 房 (房租).
  EXPECT_EQ(ids("护照怎么办理", 0), Ids{"KB-1"});
  EXPECT_EQ(ids("护照怎么办理", 30), Ids{});
  EXPECT_EQ(ids("房子漏水", 0), (Ids{"KB-3", "KB-4"}));
  EXPECT_EQ(ids("房子漏水", 30), Ids{});
  // The answer stays; the weak tail behind it goes.
  EXPECT_EQ(ids("暖气几号开始来", 0), (Ids{"KB-2", "KB-4"}));
  EXPECT_EQ(ids("暖气几号开始来", 30), Ids{"KB-2"});
  EXPECT_EQ(ids("公积金能交房租不", 30), Ids{"KB-3"});
  EXPECT_EQ(ids("身份证丢了", 30), Ids{"KB-1"});
}

TEST_F(KnowledgeIndexTest, HighlightsMatchedText) {
  auto hits = Find("社保卡补办");
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0].question_highlight.find("<em>"), std::string::npos) << hits[0].question_highlight;
}

TEST_F(KnowledgeIndexTest, ValidityDatesAndWithdrawal) {
  KbEntry old = Entry("KB-5", "2025年供暖补贴怎么申请？", "2025年度补贴已停止受理。");
  old.valid_to = "2025-12-31";
  index_.Upsert(old);
  KbQuery q;
  q.text = "供暖补贴申请";
  q.today = "2026-11-23";
  const auto current = index_.Search(q);
  ASSERT_TRUE(current.ok());
  for (const auto& h : *current) EXPECT_NE(h.id, "KB-5");
  q.today = "2025-06-01";
  EXPECT_EQ((*index_.Search(q))[0].id, "KB-5");
  KbEntry withdrawn = Entry("KB-1", "社保卡丢失了怎么补办？", "…");
  withdrawn.active = false;
  index_.Upsert(withdrawn);
  for (const auto& h : Find("社保卡丢失补办")) EXPECT_NE(h.id, "KB-1");
  index_.Remove("KB-2");
  EXPECT_EQ(index_.size(), 3u);
}

TEST_F(KnowledgeIndexTest, AwkwardInput) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("   ，。！").empty());
  EXPECT_NO_FATAL_FAILURE(Find("😀😀 社保卡 🚒 ABC 丢了"));
  EXPECT_EQ(Find("社保卡 lost card 怎么办")[0].id, "KB-1");  // mixed scripts
  KbQuery huge;
  huge.text = std::string(1 << 20, 'a');
  EXPECT_EQ(index_.Search(huge).status().field(), "q");
  KbQuery bad;
  bad.text = "社保";
  bad.limit = 0;
  EXPECT_EQ(index_.Search(bad).status().field(), "limit");
}

}  // namespace
}  // namespace hotline::triage

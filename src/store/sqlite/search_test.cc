// Ticket full-text search (issue 9): the keyword model and the index the store
// keeps in the same transaction as each ticket write.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/test_fixtures.h"
#include "store/codec.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/search_text.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_store_fixture.h"

namespace hotline {
namespace {

using sqlite::IndexableKeyword;
using sqlite::SearchTokens;
using sqlite::SplitKeywords;
using testing::Operator;
using testing::Staff;

TEST(SearchText, KeywordsSplitOnAnyWhiteSpace) {
  EXPECT_EQ(SplitKeywords("幸福里 暖气"), (std::vector<std::string>{"幸福里", "暖气"}));
  EXPECT_EQ(SplitKeywords(" 幸福里\u3000\u3000暖气\t"), (std::vector<std::string>{"幸福里", "暖气"}));
  // Found by the ticket_filter fuzzer: a NUL inside a keyword ended the FTS5 query string.
  EXPECT_EQ(SplitKeywords(std::string("lc2020hone\0" "138000", 17)), (std::vector<std::string>{"lc2020hone", "138000"}));
  EXPECT_TRUE(SplitKeywords(" \u3000 ").empty());
}

TEST(SearchText, TextBecomesNormalisedBigrams) {
  EXPECT_EQ(SearchTokens("幸福里"), (std::vector<std::string>{"幸福", "福里"}));
  // Full-width folds, traditional becomes simplified, ASCII is lower-cased, punctuation splits runs.
  EXPECT_EQ(SearchTokens("暖氣，ＡＢ"), (std::vector<std::string>{"暖气", "ab"}));
  EXPECT_EQ(SearchTokens("3号"), (std::vector<std::string>{"3号"}));
  EXPECT_EQ(SearchTokens("楼 3"), (std::vector<std::string>{"楼", "3"}));
}

TEST(SearchText, OnlyKeywordsOfTwoOrMoreCharactersUseTheIndex) {
  EXPECT_TRUE(IndexableKeyword("暖气"));
  EXPECT_TRUE(IndexableKeyword("ab"));
  EXPECT_FALSE(IndexableKeyword("暖"));
  EXPECT_FALSE(IndexableKeyword("%"));
  EXPECT_FALSE(IndexableKeyword("3-2"));  // runs of one character
  EXPECT_EQ(sqlite::MatchExpression({"a\"b", "暖气"}), "\"a\"\"b\" AND \"暖气\"");
}

class SearchTest : public testing::SqliteStoreFixture {
 protected:
  using SqliteStoreFixture::Create;
  Ticket Create(const std::string& content, const std::string& address = "") {
    Appeal a = testing::HeatingAppeal();
    a.content = content;
    a.address = address;
    return Create(a);
  }

  // Ids of the tickets `q` finds, in the default order (newest first).
  std::vector<TicketId> Search(const std::string& q) {
    TicketFilter f;
    f.query = q;
    auto page = store_->ListTickets(f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<TicketId> ids;
    if (!page.ok()) return ids;
    for (const Ticket& t : page->items) ids.push_back(t.id);
    EXPECT_EQ(page->total, static_cast<std::int64_t>(ids.size()));
    return ids;
  }

  void ExpectIndexIntact() {
    auto db = sqlite::Connection::Open(path());
    ASSERT_TRUE(db.ok());
    EXPECT_TRUE(db->Exec("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')").ok());
  }

};

using Ids = std::vector<TicketId>;

TEST_F(SearchTest, EveryKeywordMustOccurSomewhere) {
  const Ticket both = Create("冬季暖气不热，室温只有十五度", "幸福里小区3栋");
  const Ticket place = Create("路灯不亮", "幸福里小区5栋");
  const Ticket topic = Create("人民路暖气管漏水");
  EXPECT_EQ(Search("幸福里 暖气"), Ids{both.id});  // the old single substring found nothing
  EXPECT_EQ(Search("幸福里\u3000暖气"), Ids{both.id});
  EXPECT_EQ(Search("暖气"), (Ids{topic.id, both.id}));
  EXPECT_EQ(Search("幸福里"), (Ids{place.id, both.id}));
  EXPECT_EQ(Search("暖气 路灯"), Ids{});
  EXPECT_EQ(Search("气不"), Ids{both.id});  // a substring, not a word
}

TEST_F(SearchTest, TheReplyIsSearchableOnceGiven) {
  const Ticket t = Create("暖气不热");
  CommandInput d;
  d.unit = "S1C1";
  ASSERT_TRUE(Command(t.id, "dispatch", d, Operator()).ok());
  ASSERT_TRUE(Command(t.id, "sign", {}, Staff("S1C1")).ok());
  EXPECT_EQ(Search("阀门"), Ids{});
  CommandInput reply;
  reply.content = "已更换暖气阀门，室温恢复";
  reply.result = ReplyResult::kResolved;
  auto r = Command(t.id, "reply", reply, Staff("S1C1"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Search("阀门"), Ids{t.id});
  EXPECT_EQ(Search("阀门 不热"), Ids{t.id});  // one keyword in the reply, one in the content
  ExpectIndexIntact();
}

TEST_F(SearchTest, AnAnonymisedTicketIsNoLongerFoundByItsAddress) {
  const Ticket t = Create("暖气不热", "幸福里小区12栋");
  auto closed = store_->UpdateTicket(t.id, [&](const Ticket& cur) -> Result<Transition> {
    HOTLINE_ASSIGN_OR_RETURN(auto tr, Apply(cur, "to-dispatch", {}, Operator(), ctx_));
    tr.ticket.state = TicketState::kClosed;  // a shortcut to a closed ticket
    tr.ticket.closed_at = ctx_.now;
    return tr;
  });
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(Search("幸福里 12栋"), Ids{t.id});
  ctx_.now += 60;
  auto done = store_->AnonymiseClosedTickets(ctx_.now, 10, [&](const Ticket& cur) {
    return Apply(cur, "anonymise", {}, Actor{"system", Role::kAdmin, ""}, ctx_);
  });
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  ASSERT_EQ(*done, 1);
  EXPECT_EQ(Search("幸福里"), Ids{});
  EXPECT_EQ(Search("12栋"), Ids{});
  EXPECT_EQ(Search("暖气"), Ids{t.id});  // the content stays searchable
  ExpectIndexIntact();
}

TEST_F(SearchTest, TraditionalAndFullWidthInputFindSimplifiedText) {
  const Ticket t = Create("幸福里小区暖气不热，ABC公司不管", "");
  const Ticket trad = Create("臺灣路的路燈壞了");
  EXPECT_EQ(Search("暖氣"), Ids{t.id});
  EXPECT_EQ(Search("ＡＢＣ"), Ids{t.id});
  EXPECT_EQ(Search("abc"), Ids{t.id});
  EXPECT_EQ(Search("路灯 坏了"), Ids{trad.id});  // traditional text, simplified keywords
}

TEST_F(SearchTest, OneCharacterKeywordsAreMatchedToo) {
  const Ticket warm = Create("暖气不热");
  const Ticket cold = Create("水管冻裂");
  EXPECT_EQ(Search("暖"), Ids{warm.id});
  EXPECT_EQ(Search("冻"), Ids{cold.id});
  EXPECT_EQ(Search("暖 不热"), Ids{warm.id});
  EXPECT_EQ(Search("暖 冻"), Ids{});
}

TEST_F(SearchTest, LikeMetacharactersAreLiteral) {
  const Ticket pct = Create("商场打折100%不实");
  Create("商场打折100元");
  Create("a_b 标识");
  EXPECT_EQ(Search("%"), Ids{pct.id});
  EXPECT_EQ(Search("100 %"), Ids{pct.id});
  EXPECT_EQ(Search("_"), Ids{pct.id + 2});
  EXPECT_EQ(Search("\\"), Ids{});
  EXPECT_EQ(Search("\""), Ids{});
  EXPECT_EQ(Search("\"打折\""), (Ids{pct.id + 1, pct.id}));  // quotes are not query syntax
}

TEST_F(SearchTest, AFailedTransactionLeavesNoHalfWrittenIndex) {
  const Ticket t = Create("暖气不热");
  CommandInput d;
  d.unit = "S1C1";
  ASSERT_TRUE(Command(t.id, "dispatch", d, Operator()).ok());
  ASSERT_TRUE(Command(t.id, "sign", {}, Staff("S1C1")).ok());
  CommandInput reply;
  reply.content = "已更换暖气阀门";
  reply.result = ReplyResult::kResolved;
  // The ticket row (and so its index entry) is written, then the event insert fails.
  auto r = store_->UpdateTicket(t.id, [&](const Ticket& cur) -> Result<Transition> {
    HOTLINE_ASSIGN_OR_RETURN(auto tr, Apply(cur, "reply", reply, Staff("S1C1"), ctx_));
    tr.event.seq = 1;
    return tr;
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(Search("阀门"), Ids{});
  EXPECT_EQ(Search("不热"), Ids{t.id});
  ExpectIndexIntact();
  // A batch of new tickets whose second one fails: neither is indexed.
  Ticket a = t, b = t;
  a.appeal.content = "独一无二的诉求甲";
  b.appeal.content = "独一无二的诉求乙";
  auto intake = store_->GetEvents(t.id)->front();
  auto created = store_->CreateTickets({{intake}, {intake, intake}}, {a, b});
  EXPECT_FALSE(created.ok());
  EXPECT_EQ(Search("独一无二"), Ids{});
  ExpectIndexIntact();
  ASSERT_TRUE(Command(t.id, "reply", reply, Staff("S1C1")).ok());
  EXPECT_EQ(Search("阀门"), Ids{t.id});
}

TEST_F(SearchTest, ANumberStillFindsTheTicketWithThatId) {
  const Ticket first = Create("暖气不热");
  const Ticket second = Create("路灯不亮，编号" + std::to_string(first.id) + "0");
  ASSERT_EQ(first.id, 1);
  EXPECT_EQ(Search("1"), (Ids{second.id, first.id}));  // by id, and by the "1" in "10"
  EXPECT_EQ(Search("10"), Ids{second.id});
  EXPECT_EQ(Search(std::to_string(second.id)), Ids{second.id});
}

TEST_F(SearchTest, TheMigrationIndexesExistingTickets) {
  store_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path() + suffix);
  {
    auto db = sqlite::Connection::Open(path());
    ASSERT_TRUE(db.ok());
    ASSERT_EQ(*sqlite::Migrate(*db, 7), 7);
    Ticket t;
    t.appeal.content = "幸福里小区暖气不热";
    t.appeal.address = "人民路8号";
    t.reply_content = "已维修";
    t.state = TicketState::kClosed;
    t.version = 1;
    auto ins = db->Prepare("INSERT INTO tickets (id, state, channel, appeal_type, content, address, created_at, "
                           "updated_at, version, doc) VALUES (41, 'closed', 'phone', 'complaint', ?1, ?2, 1, 1, 1, ?3)");
    ASSERT_TRUE(ins->Bind(1, t.appeal.content).Bind(2, t.appeal.address).Bind(3, EncodeTicket(t).dump()).Run().ok());
  }
  auto s = SqliteStore::Open(path());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  store_ = std::move(s).value();
  EXPECT_EQ(Search("暖气 人民路 维修"), Ids{41});
  ExpectIndexIntact();
}

}  // namespace
}  // namespace hotline

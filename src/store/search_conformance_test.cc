// Ticket search (issue 9) through the Store, against every backend
// (store_fixture.h): the same keywords find the same tickets in SQLite (FTS5
// bigram index) and PostgreSQL (normalised search_text column).
#include <gtest/gtest.h>

#include "domain/test_fixtures.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store_fixture.h"

namespace hotline {
namespace {

using testing::Operator;
using testing::Staff;

class SearchTest : public testing::StoreFixture {
 protected:
  using StoreFixture::Create;
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

  // SQLite: the FTS5 index agrees with its table. (PostgreSQL keeps no separate
  // index: its search column is written with the row, and the searches check it.)
  void ExpectIndexIntact() {
    if (!IsSqlite()) return;
    auto db = sqlite::Connection::Open(sqlite_path());
    ASSERT_TRUE(db.ok());
    EXPECT_TRUE(db->Exec("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')").ok());
  }
};
HOTLINE_STORE_CONFORMANCE(SearchTest);

using Ids = std::vector<TicketId>;

TEST_P(SearchTest, EveryKeywordMustOccurSomewhere) {
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

TEST_P(SearchTest, TheReplyIsSearchableOnceGiven) {
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

TEST_P(SearchTest, AnAnonymisedTicketIsNoLongerFoundByItsAddress) {
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

TEST_P(SearchTest, TraditionalAndFullWidthInputFindSimplifiedText) {
  const Ticket t = Create("幸福里小区暖气不热，ABC公司不管", "");
  const Ticket trad = Create("臺灣路的路燈壞了");
  EXPECT_EQ(Search("暖氣"), Ids{t.id});
  EXPECT_EQ(Search("ＡＢＣ"), Ids{t.id});
  EXPECT_EQ(Search("abc"), Ids{t.id});
  EXPECT_EQ(Search("路灯 坏了"), Ids{trad.id});  // traditional text, simplified keywords
}

TEST_P(SearchTest, OneCharacterKeywordsAreMatchedToo) {
  const Ticket warm = Create("暖气不热");
  const Ticket cold = Create("水管冻裂");
  EXPECT_EQ(Search("暖"), Ids{warm.id});
  EXPECT_EQ(Search("冻"), Ids{cold.id});
  EXPECT_EQ(Search("暖 不热"), Ids{warm.id});
  EXPECT_EQ(Search("暖 冻"), Ids{});
}

TEST_P(SearchTest, LikeMetacharactersAreLiteral) {
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

TEST_P(SearchTest, AFailedTransactionLeavesNoHalfWrittenIndex) {
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

TEST_P(SearchTest, ANumberStillFindsTheTicketWithThatId) {
  const Ticket first = Create("暖气不热");
  const Ticket second = Create("路灯不亮，编号" + std::to_string(first.id) + "0");
  ASSERT_EQ(first.id, 1);
  EXPECT_EQ(Search("1"), (Ids{second.id, first.id}));  // by id, and by the "1" in "10"
  EXPECT_EQ(Search("10"), Ids{second.id});
  EXPECT_EQ(Search(std::to_string(second.id)), Ids{second.id});
}

}  // namespace
}  // namespace hotline

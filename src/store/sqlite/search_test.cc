// Ticket full-text search (issue 9): the keyword model, and the SQLite index
// built over existing tickets. The searches themselves run against every
// backend in store/search_conformance_test.cc.
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

TEST(SearchText, RunsAreTheNormalisedWordsJoinedBySpaces) {
  EXPECT_EQ(SearchRuns("暖氣，ＡＢ"), "暖气 ab");
  EXPECT_EQ(SearchRuns("  幸福里小区3栋!! "), "幸福里小区3栋");
  EXPECT_EQ(SearchRuns("%_"), "");
  // A keyword's runs are a substring of a text's runs exactly when they occur there, adjacent.
  EXPECT_NE(SearchRuns("供暖气。停了吧").find(SearchRuns("暖气，停了")), std::string::npos);
  EXPECT_EQ(SearchRuns("暖气停了").find(SearchRuns("暖气，停了")), std::string::npos);
}

TEST(SearchText, OnlyKeywordsOfTwoOrMoreCharactersUseTheIndex) {
  EXPECT_TRUE(IndexableKeyword("暖气"));
  EXPECT_TRUE(IndexableKeyword("ab"));
  EXPECT_FALSE(IndexableKeyword("暖"));
  EXPECT_FALSE(IndexableKeyword("%"));
  EXPECT_FALSE(IndexableKeyword("3-2"));  // runs of one character
  EXPECT_EQ(sqlite::MatchExpression({"a\"b", "暖气"}), "\"a\"\"b\" AND \"暖气\"");
}

// SQLite only: the FTS5 index built by migration 8 over tickets already stored.
class SqliteSearchTest : public testing::SqliteStoreFixture {};

TEST_F(SqliteSearchTest, TheMigrationIndexesExistingTickets) {
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
  TicketFilter f;
  f.query = "暖气 人民路 维修";
  auto page = store_->ListTickets(f);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, 41);
  auto db = sqlite::Connection::Open(path());
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE(db->Exec("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')").ok());
}

}  // namespace
}  // namespace hotline

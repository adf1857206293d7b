// Retention: callers' personal data leaves old closed tickets and their intake
// events; statistics and the replay of every ticket stay intact.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "app/replay_check.h"
#include "app/retention.h"
#include "app/store_dir_fixture.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::app {
namespace {

class RetentionTest : public StoreDirTest {
 protected:
  void SetUp() override {
    StoreDirTest::SetUp();
    auto s = SqliteStore::Open(Path("t.db"));
    ASSERT_TRUE(s.ok());
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->ReplaceUnits(units_.units()).ok());
  }
  void TearDown() override {
    store_.reset();
    StoreDirTest::TearDown();
  }
  // A ticket answered directly (closed) at `at`, or left open.
  TicketId Ticket(UnixSeconds at, bool close) {
    Context ctx = ctx_;
    ctx.now = at;
    Appeal a;
    a.channel = Channel::kPhone;
    a.type = AppealType::kConsultation;
    a.content = "咨询公积金提取";
    a.caller = {"王五", "13912345678"};
    a.address = "东城区人民路8号";
    a.area = "D1";
    a.location = GeoPoint{27.9, 116.3};
    auto t = store_->CreateTicket(*Intake(a, {"operator", Role::kOperator, ""}, ctx));
    if (close) {
      CommandInput in;
      in.content = "已答复";
      EXPECT_TRUE(store_->UpdateTicket(t->id, [&](const hotline::Ticket& cur) {
        return Apply(cur, "answer-directly", in, {"operator", Role::kOperator, ""}, ctx);
      }).ok());
    }
    return t->id;
  }
  // Whether the phone number appears anywhere in the database file's tables.
  bool PhoneStored() {
    sqlite3* db = nullptr;
    sqlite3_open(Path("t.db").c_str(), &db);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT (SELECT COUNT(*) FROM tickets WHERE doc LIKE '%13912345678%' OR caller_phone <> '') + "
                       "(SELECT COUNT(*) FROM events WHERE payload LIKE '%13912345678%' OR payload LIKE '%王五%')",
                       -1, &q, nullptr);
    sqlite3_step(q);
    const bool found = sqlite3_column_int(q, 0) > 0;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return found;
  }

  std::unique_ptr<SqliteStore> store_;
};

TEST_F(RetentionTest, OldClosedTicketsLoseTheCallersDataAndKeepTheirStatistics) {
  const TicketId old_closed = Ticket(ctx_.now - 400 * 86400, true);
  const TicketId recent_closed = Ticket(ctx_.now - 10 * 86400, true);
  const TicketId old_open = Ticket(ctx_.now - 400 * 86400, false);
  TicketFilter all;
  const auto before = store_->Stats(all);
  ASSERT_TRUE(before.ok());

  auto done = AnonymiseClosedTickets(*store_, ctx_, 365);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(*done, 1);
  auto t = store_->GetTicket(old_closed);
  EXPECT_EQ(t->appeal.caller.name, "");
  EXPECT_EQ(t->appeal.caller.phone, "");
  EXPECT_EQ(t->appeal.address, "");
  EXPECT_FALSE(t->appeal.location.has_value());
  EXPECT_EQ(t->appeal.area, "D1");
  EXPECT_EQ(t->appeal.content, "咨询公积金提取");
  auto events = store_->GetEvents(old_closed);
  EXPECT_EQ(events->back().command, "anonymise");
  EXPECT_EQ(events->back().actor.username, "system");
  EXPECT_EQ(events->front().appeal->caller.phone, "");  // the intake event itself is redacted
  EXPECT_EQ(store_->GetTicket(recent_closed)->appeal.caller.phone, "13912345678");
  EXPECT_EQ(store_->GetTicket(old_open)->appeal.caller.phone, "13912345678");

  EXPECT_EQ(*AnonymiseClosedTickets(*store_, ctx_, 365), 0);  // nothing left to do: idempotent
  auto check = CheckReplay(*store_, ctx_);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->mismatch_count, 0) << (check->mismatches.empty() ? "" : check->mismatches.front());
  const auto after = store_->Stats(all);
  EXPECT_EQ(after->total, before->total);

  // With everything closed and old enough, no trace of the caller is left.
  ASSERT_TRUE(AnonymiseClosedTickets(*store_, ctx_, 1).ok());
  ctx_.now += 3 * 86400;
  CommandInput in;
  in.content = "已答复";
  ASSERT_TRUE(store_->UpdateTicket(old_open, [&](const hotline::Ticket& cur) {
    return Apply(cur, "answer-directly", in, {"operator", Role::kOperator, ""}, ctx_);
  }).ok());
  ctx_.now += 3 * 86400;
  ASSERT_TRUE(AnonymiseClosedTickets(*store_, ctx_, 1).ok());
  EXPECT_FALSE(PhoneStored());
}

TEST_F(RetentionTest, EventsStayImmutableOutsideTheAnonymiser) {
  const TicketId id = Ticket(ctx_.now, true);
  sqlite3* db = nullptr;
  sqlite3_open(Path("t.db").c_str(), &db);
  const std::string update = "UPDATE events SET payload = '{}' WHERE ticket_id = " + std::to_string(id);
  EXPECT_NE(sqlite3_exec(db, update.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  // Even with the gate open, only the payload may change.
  ASSERT_EQ(sqlite3_exec(db, "UPDATE redaction_gate SET open = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET actor = 'someone'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(AnonymiseClosedTickets(*store_, ctx_, 0).status().field(), "older_than");
}

}  // namespace
}  // namespace hotline::app

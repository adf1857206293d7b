// HotlineService over a real SQLite store with a small city: the rules that sit
// between the state machine and the store (merge across two tickets, order of
// checks).
#include "service/hotline_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/test_fixtures.h"
#include "domain/ticket_number.h"
#include "service/service_fixture.h"

namespace hotline::service {
namespace {

using hotline::testing::Dispatcher;
using hotline::testing::Operator;
using hotline::testing::Staff;

class HotlineServiceTest : public testing::ServiceOverSqlite {
 protected:
  TicketId NewTicket() {
    auto t = service_->tickets().Intake(hotline::testing::HeatingAppeal(), Operator());
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->id : 0;
  }
  Result<Ticket> Merge(TicketId sub, TicketId main, const Actor& actor = Dispatcher()) {
    CommandInput in;
    in.main_ticket = main;
    return service_->tickets().Command(sub, "merge", in, actor);
  }
  TicketState State(TicketId id) { return store_->GetTicket(id)->state; }
};

// 临期 is "due within one working day" (the policy's), not every open ticket:
// neither those due later nor those already overdue.
// 联席会议 with catalog_change: the decision joins the dispatch catalog as an
// exception rule, audited in the decider's name; without it the catalog stays.
TEST_F(HotlineServiceTest, AJointReviewDecisionCanBecomeACatalogException) {
  auto decide = [&](TicketId id, const std::string& lead, bool catalog_change) {
    CommandInput send;
    send.reason = "职责争议";
    EXPECT_TRUE(service_->tickets().Command(id, "to-dispatch", {}, Operator()).ok());
    EXPECT_TRUE(service_->tickets().Command(id, "to-joint-review", send, Dispatcher()).ok());
    CommandInput in;
    in.lead_unit = lead;
    in.co_units = {"HEAT"};
    in.participants = {"东城区", "市供热公司"};
    in.minutes = "由" + lead + "牵头";
    in.catalog_change = catalog_change;
    return service_->tickets().Command(id, "decide-joint-review", in, Dispatcher());
  };
  ASSERT_TRUE(decide(NewTicket(), "S2", false).ok());
  EXPECT_TRUE(store_->LoadCatalog()->empty());
  EXPECT_TRUE(store_->ListAudit(10, 0)->empty());

  auto t = decide(NewTicket(), "S1", true);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto rules = store_->LoadCatalog();
  ASSERT_EQ(rules->size(), 1u);
  EXPECT_EQ((*rules)[0].category, "010101");
  EXPECT_EQ((*rules)[0].lead, "S1");
  EXPECT_EQ((*rules)[0].co_units, std::vector<std::string>{"HEAT"});
  auto audit = store_->ListAudit(10, 0);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "joint_review_catalog");
  EXPECT_EQ((*audit)[0].actor, "disp");
  EXPECT_NE((*audit)[0].summary.find(TicketNumber(*t)), std::string::npos) << (*audit)[0].summary;
  // In force at once: the service's reference data holds the rule.
  ASSERT_EQ(service_->reference()->catalog.size(), 1u);
  // Decided again for the same kind: the rule is replaced, not added.
  ASSERT_TRUE(decide(NewTicket(), "D1", true).ok());
  ASSERT_EQ(store_->LoadCatalog()->size(), 1u);
  EXPECT_EQ((*store_->LoadCatalog())[0].lead, "D1");
}

TEST_F(HotlineServiceTest, NearDueMeansWithinOneWorkingDay) {
  const TicketId id = NewTicket();
  CommandInput to;
  to.unit = "S1";
  auto t = service_->tickets().Command(id, "dispatch", to, Dispatcher());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const UnixSeconds due = t->due_at;
  TicketFilter near;
  near.near_due_only = true;
  auto count = [&] { return service_->tickets().List(near, Dispatcher())->total; };
  clock_.Set(due - 2 * 86400);  // two working days before (the deadline is a Wednesday)
  EXPECT_EQ(count(), 0);
  clock_.Set(due - 3600);
  EXPECT_EQ(count(), 1);
  clock_.Set(due + 60);  // overdue: the overdue queue's, not this one's
  EXPECT_EQ(count(), 0);
}

TEST_F(HotlineServiceTest, MergeRefusesAMainTicketThatIsMergedOrFinished) {
  const TicketId a = NewTicket(), b = NewTicket(), c = NewTicket();
  ASSERT_TRUE(Merge(a, b).ok());
  auto back = Merge(b, a);
  EXPECT_EQ(back.status().code(), StatusCode::kConflict) << back.status().ToString();
  EXPECT_EQ(Merge(c, a).status().code(), StatusCode::kConflict);  // a is merged
  CommandInput reason;
  reason.reason = "已进入司法程序";
  ASSERT_TRUE(service_->tickets().Command(b, "out-of-scope", reason, Operator()).ok());
  EXPECT_EQ(Merge(c, b).status().code(), StatusCode::kConflict);  // b is finished
  EXPECT_EQ(State(c), TicketState::kTriage);
  auto missing = Merge(c, 999999);
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.status().field(), "main_ticket");
}

// Two dispatchers merge A into B and B into A at the same moment, on fresh pairs:
// one wins, the other is refused, and an open appeal always remains.
TEST_F(HotlineServiceTest, CrossMergesSentAtOnceNeverMakeACycle) {
  int both_refused = 0;
  for (int round = 0; round < 40; ++round) {
    const TicketId a = NewTicket(), b = NewTicket();
    std::atomic<bool> go{false};
    Result<Ticket> r1 = Status::Internal(""), r2 = Status::Internal("");
    std::thread t1([&] {
      while (!go) std::this_thread::yield();
      r1 = Merge(a, b);
    });
    std::thread t2([&] {
      while (!go) std::this_thread::yield();
      r2 = Merge(b, a);
    });
    go = true;
    t1.join();
    t2.join();
    ASSERT_FALSE(State(a) == TicketState::kMerged && State(b) == TicketState::kMerged) << "round " << round;
    EXPECT_EQ(r1.ok() + r2.ok(), 1) << r1.status().ToString() << " / " << r2.status().ToString();
    for (const auto* r : {&r1, &r2}) {
      if (!r->ok()) {
        EXPECT_EQ(r->status().code(), StatusCode::kConflict) << r->status().ToString();
      }
    }
    both_refused += !r1.ok() && !r2.ok();
  }
  EXPECT_EQ(both_refused, 0);
}

// 逐级审核 over the store: while the street decides on its community's reply, the
// community still finds the ticket, the street finds it among replies awaiting it,
// and the portal shows no reply until the hotline has accepted it on review.
TEST_F(HotlineServiceTest, ACommunitysReplyWaitsForItsStreet) {
  const TicketId id = NewTicket();
  auto run = [&](const char* command, const CommandInput& in, const Actor& actor) {
    auto r = service_->tickets().Command(id, command, in, actor);
    EXPECT_TRUE(r.ok()) << command << ": " << r.status().ToString();
  };
  CommandInput to;
  to.unit = "S1";
  run("dispatch", to, Dispatcher());
  run("sign", {}, Staff("S1"));
  to.unit = "S1C1";
  run("dispatch", to, Staff("S1"));
  run("sign", {}, Staff("S1C1"));
  CommandInput reply;
  reply.content = "已上门协调，室温恢复";
  reply.result = ReplyResult::kResolved;
  run("reply", reply, Staff("S1C1"));
  TicketFilter awaiting;
  awaiting.reply_awaiting_only = true;
  EXPECT_EQ(service_->tickets().List(awaiting, Staff("S1"))->total, 1);
  EXPECT_EQ(service_->tickets().List(awaiting, Dispatcher())->total, 1);
  EXPECT_EQ(service_->tickets().List(TicketFilter{}, Staff("S1C1"))->total, 1) << "the community keeps sight of it";
  EXPECT_EQ(service_->tickets().List(TicketFilter{}, Staff("S2"))->total, 0);
  const Ticket stored = *store_->GetTicket(id);
  auto public_reply = [&] { return service_->portal().Lookup(TicketNumber(stored), stored.appeal.query_code)->reply; };
  EXPECT_EQ(public_reply(), "") << "not public while the street decides";
  run("accept-reply", {}, Staff("S1"));
  EXPECT_EQ(State(id), TicketState::kReplied);
  EXPECT_EQ(service_->tickets().List(awaiting, Staff("S1"))->total, 0);
  EXPECT_EQ(public_reply(), "") << "not public while the hotline reviews";
  CommandInput accept;
  accept.accept = true;
  run("review", accept, Dispatcher());
  EXPECT_EQ(public_reply(), "已上门协调，室温恢复");
  const auto steps = service_->portal().Lookup(TicketNumber(stored), stored.appeal.query_code)->steps;
  for (const Event& e : steps) {
    EXPECT_NE(e.command, "accept-reply") << "steps between units are not the public's";
    EXPECT_FALSE(e.command == "reply" && e.to != TicketState::kReplied);
  }
}

// Who may issue a command is checked before what it is given: a role or unit that
// may not is told so (403), whatever is wrong with the input.
TEST_F(HotlineServiceTest, AuthorityIsCheckedBeforeInput) {
  const TicketId a = NewTicket(), b = NewTicket();
  EXPECT_EQ(Merge(a, b, Staff("S1")).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Merge(a, 999999, Staff("S1")).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Merge(a, 0, Staff("S1")).status().code(), StatusCode::kPermissionDenied);
  CommandInput answer;
  answer.content = "供暖期为11月15日至次年3月15日";
  answer.kb_entry = "KB-NONE";
  EXPECT_EQ(service_->tickets().Command(a, "answer-directly", answer, Staff("S1")).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->tickets().Command(a, "answer-directly", answer, Operator()).status().field(), "kb_entry");
  EXPECT_EQ(service_->tickets().AuthorizeCommand(a, "merge", Staff("S1")).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(service_->tickets().AuthorizeCommand(a, "merge", Dispatcher()).ok());
  EXPECT_EQ(service_->tickets().AuthorizeCommand(a, "sign", Staff("S1")).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->tickets().AuthorizeCommand(999999, "merge", Dispatcher()).code(), StatusCode::kNotFound);
  // Every command, as a role that may issue none, with input that is wrong for each.
  CommandInput wrong;
  wrong.unit = "NOWHERE";
  wrong.co_units = {"NOWHERE"};
  wrong.days = 999;
  wrong.level = 9;
  wrong.number = "911";
  wrong.main_ticket = a;
  wrong.kb_entry = "KB-NONE";
  for (const std::string& cmd : CommandNames()) {
    if (cmd == "attach") continue;  // files come through Attach
    EXPECT_EQ(service_->tickets().Command(a, cmd, wrong, hotline::testing::Analyst()).status().code(),
              StatusCode::kPermissionDenied)
        << cmd;
  }
  EXPECT_EQ(State(a), TicketState::kTriage);
  EXPECT_EQ(State(b), TicketState::kTriage);
}

// Attachment names: no control characters (C0, DEL, C1) and no text-direction
// controls that disguise a name ("photo\u202Egpj.exe" shows as "photoexe.jpg").
TEST_F(HotlineServiceTest, AttachmentNamesRefuseControlAndBidiCharacters) {
  const TicketId id = NewTicket();
  const std::string bytes = "\xFF\xD8\xFF\xE0 jpeg";
  for (const char* bad : {"photo\u202Egpj.exe", "a\u202Ab.jpg", "a\u202Bb.jpg", "a\u202Cb.jpg", "a\u202Db.jpg",
                          "a\u2066b.jpg", "a\u2067b.jpg", "a\u2068b.jpg", "a\u2069b.jpg", "a\u200Fb.jpg",
                          "a\u061Cb.jpg", "a\xC2\x85" "b.jpg", "a\xC2\x9F" "b.jpg", "a\x01" "b.jpg", "a\tb.jpg",
                          "a\x7F.jpg"}) {
    auto r = service_->attachments().Attach(id, bad, "image/jpeg", bytes, Operator());
    EXPECT_EQ(r.status().field(), "name") << bad;
  }
  EXPECT_EQ(service_->attachments().Attach(id, std::string("a\0b.jpg", 7), "image/jpeg", bytes, Operator()).status().field(),
            "name");
  for (const char* good : {"现场照片.jpg", "IMG_2026-11-18 (1).jpg", "报告\u2014终稿.jpg"})
    EXPECT_TRUE(service_->attachments().Attach(id, good, "image/jpeg", bytes, Operator()).ok()) << good;
  // Who may not attach is told so before anything about the file.
  EXPECT_EQ(service_->attachments().Attach(id, "photo\u202Egpj.exe", "image/jpeg", bytes, Staff("S1")).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->attachments().Attach(id, "", "text/html", "", hotline::testing::Analyst()).status().code(),
            StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace hotline::service

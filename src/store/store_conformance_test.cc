// The Store contract, run against every backend (store_fixture.h): SQLite, and
// PostgreSQL when HOTLINE_TEST_PG names a server.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "domain/ledger.h"
#include "domain/test_fixtures.h"
#include "store/codec.h"
#include "store/store_fixture.h"

namespace hotline {
namespace {

using testing::Operator;
using testing::Staff;

using StoreTest = testing::StoreFixture;
HOTLINE_STORE_CONFORMANCE(StoreTest);

TEST_P(StoreTest, AuditRecordIsWrittenWithItsChangeOrNotAtAll) {
  AuditRecord audit{0, ctx_.now, "admin", "replace_units", "units: 0 → 2"};
  std::vector<Unit> twice = {units_.units().front(), units_.units().front()};  // the same code twice
  EXPECT_FALSE(store_->ReplaceUnits(twice, &audit).ok());
  EXPECT_TRUE(store_->ListAudit(10, 0)->empty());
  ASSERT_TRUE(store_->ReplaceUnits(units_.units(), &audit).ok());
  audit.action = "replace_catalog";
  ASSERT_TRUE(store_->ReplaceCatalog({}, &audit).ok());
  auto trail = store_->ListAudit(10, 0);
  ASSERT_EQ(trail->size(), 2u);
  EXPECT_EQ((*trail)[0].action, "replace_catalog");  // newest first
  EXPECT_GT((*trail)[0].seq, (*trail)[1].seq);
  EXPECT_EQ(store_->ListAudit(10, 1)->size(), 1u);
  ASSERT_TRUE(store_->ReplaceCatalog({}).ok());  // seeding: no record
  EXPECT_EQ(store_->ListAudit(10, 0)->size(), 2u);
}

TEST_P(StoreTest, AttachmentAndItsEventAreOneTransaction) {
  Ticket t = Create();
  const std::string bytes = std::string("%PDF-1.4\0\x01\x02", 11) + std::string(5000, 'x');
  Attachment meta{"a1", t.id, "材料.pdf", "application/pdf", 0, "op1", ctx_.now};
  CommandInput in;
  in.attachment = "a1";
  in.content = "材料.pdf";
  // A refused change keeps neither the file nor an event.
  auto refused = store_->AttachFile(meta, bytes, [](const Ticket&) -> Result<Transition> {
    return Status::PermissionDenied("no");
  });
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(store_->ListAttachments(t.id)->empty());
  EXPECT_EQ(store_->GetEvents(t.id)->size(), 1u);

  auto ok = store_->AttachFile(meta, bytes, [&](const Ticket& cur) { return Apply(cur, "attach", in, Operator(), ctx_); });
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  auto list = store_->ListAttachments(t.id);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ((*list)[0].name, "材料.pdf");
  EXPECT_EQ(*store_->ReadAttachment(t.id, "a1"), bytes);
  EXPECT_EQ(store_->GetEvents(t.id)->back().command, "attach");
  EXPECT_EQ(store_->GetEvents(t.id)->back().input.attachment, "a1");
  EXPECT_EQ(store_->ReadAttachment(t.id + 1, "a1").status().code(), StatusCode::kNotFound);  // another ticket's id
  // The same id twice is refused, and the second event is not written either.
  EXPECT_FALSE(store_->AttachFile(meta, bytes, [&](const Ticket& cur) { return Apply(cur, "attach", in, Operator(), ctx_); }).ok());
  EXPECT_EQ(store_->GetEvents(t.id)->size(), 2u);
}

TEST_P(StoreTest, CreateAssignsIdsAndWritesIntakeEvent) {
  Ticket a = Create();
  Ticket b = Create();
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(b.id, a.id + 1);
  auto got = store_->GetTicket(a.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->appeal.content, testing::HeatingAppeal().content);
  auto events = store_->GetEvents(a.id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].command, "intake");
  EXPECT_EQ(store_->GetTicket(999).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreTest, StoredStateIsReproducibleFromStoredEvents) {
  Ticket t = Create();
  CommandInput d;
  d.unit = "D1";
  d.co_units = {"HEAT"};
  ASSERT_TRUE(Command(t.id, "dispatch", d, Operator()).ok());
  ASSERT_TRUE(Command(t.id, "sign", {}, Staff("D1")).ok());
  d.unit = "S1";
  d.co_units.clear();
  ASSERT_TRUE(Command(t.id, "dispatch", d, Staff("D1")).ok());
  ASSERT_TRUE(Command(t.id, "sign", {}, Staff("S1")).ok());
  EXPECT_EQ(Command(t.id, "request-extension", {}, Staff("S1")).status().field(), "days");
  CommandInput ext;
  ext.days = 3;
  ext.reason = "等待配件";
  ASSERT_TRUE(Command(t.id, "request-extension", ext, Staff("S1")).ok());
  auto stored = store_->GetTicket(t.id);
  auto events = store_->GetEvents(t.id);
  ASSERT_TRUE(stored.ok() && events.ok());
  EXPECT_EQ(events->size(), static_cast<std::size_t>(stored->version));
  auto replayed = Replay(*events, ctx_);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(EncodeTicket(*replayed), EncodeTicket(*stored));
}

TEST_P(StoreTest, RefusedCommandChangesNothing) {
  Ticket t = Create();
  auto r = Command(t.id, "sign", {}, Actor{"admin", Role::kAdmin, ""});
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Command(t.id, "sign", {}, Staff("S1")).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(store_->GetTicket(t.id)->version, 1);
  EXPECT_EQ(store_->GetEvents(t.id)->size(), 1u);
}

TEST_P(StoreTest, StateAndEventAreOneTransaction) {
  Ticket t = Create();
  // An event whose key collides with the intake event: the event insert fails
  // after the ticket row was updated, and the whole change must roll back.
  auto r = store_->UpdateTicket(t.id, [&](const Ticket& cur) -> Result<Transition> {
    HOTLINE_ASSIGN_OR_RETURN(auto tr, Apply(cur, "to-dispatch", {}, Operator(), ctx_));
    tr.event.seq = 1;
    return tr;
  });
  EXPECT_FALSE(r.ok());
  auto after = store_->GetTicket(t.id);
  EXPECT_EQ(after->state, TicketState::kTriage);
  EXPECT_EQ(after->version, 1);
  EXPECT_EQ(store_->GetEvents(t.id)->size(), 1u);
}

TEST_P(StoreTest, ConcurrentCommandsAreSerialised) {
  Ticket t = Create();
  CommandInput d;
  d.unit = "S1";
  ASSERT_TRUE(Command(t.id, "dispatch", d, Operator()).ok());
  // Eight threads race to sign the same ticket: exactly one wins, the rest see the new state.
  std::atomic<int> ok{0}, conflict{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto r = store_->UpdateTicket(t.id, [&](const Ticket& cur) { return Apply(cur, "sign", {}, Staff("S1"), ctx_); });
      (r.ok() ? ok : conflict)++;
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), StatusCode::kConflict);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 7);
  EXPECT_EQ(store_->GetEvents(t.id)->size(), 3u);
}

// Merges `sub` into `main` only while `main` is open, as read in the merging transaction.
Result<Ticket> MergeChecked(Store& store, TicketId sub, TicketId main, const Context& ctx) {
  CommandInput in;
  in.main_ticket = main;
  return store.UpdateTicketWith(sub, main, [&](const Ticket& cur, const Ticket* other) -> Result<Transition> {
    if (!other) return Status::InvalidArgument("main_ticket", "no such ticket");
    HOTLINE_RETURN_IF_ERROR(CheckMergeTarget(cur, *other));
    return Apply(cur, "merge", in, Operator(), ctx);
  });
}

TEST_P(StoreTest, UpdateTicketWithSeesTheOtherTicketInTheSameTransaction) {
  Ticket a = Create(), b = Create();
  auto merged = MergeChecked(*store_, a.id, b.id, ctx_);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->main_ticket, b.id);
  // B into A now finds A merged: refused, nothing written.
  auto back = MergeChecked(*store_, b.id, a.id, ctx_);
  EXPECT_EQ(back.status().code(), StatusCode::kConflict);
  EXPECT_EQ(store_->GetTicket(b.id)->state, TicketState::kTriage);
  EXPECT_EQ(store_->GetEvents(b.id)->size(), 1u);
  // A missing other ticket is null; the ticket itself is passed as itself.
  auto missing = store_->UpdateTicketWith(b.id, 999999, [](const Ticket&, const Ticket* other) -> Result<Transition> {
    EXPECT_EQ(other, nullptr);
    return Status::NotFound("other");
  });
  EXPECT_EQ(missing.status().message(), "other");
  auto self = store_->UpdateTicketWith(b.id, b.id, [&](const Ticket& cur, const Ticket* other) -> Result<Transition> {
    EXPECT_EQ(other, &cur);
    return Status::Conflict("self");
  });
  EXPECT_EQ(self.status().message(), "self");
  EXPECT_EQ(MergeChecked(*store_, b.id, 999999, ctx_).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, CrossMergesSentAtOnceNeverBothSucceed) {
  for (int round = 0; round < 30; ++round) {
    Ticket a = Create(), b = Create();
    std::atomic<int> ok{0};
    std::thread t1([&] { ok += MergeChecked(*store_, a.id, b.id, ctx_).ok(); });
    std::thread t2([&] { ok += MergeChecked(*store_, b.id, a.id, ctx_).ok(); });
    t1.join();
    t2.join();
    EXPECT_EQ(ok.load(), 1) << "round " << round;
    const bool both = store_->GetTicket(a.id)->state == TicketState::kMerged &&
                      store_->GetTicket(b.id)->state == TicketState::kMerged;
    ASSERT_FALSE(both) << "round " << round << ": a merge cycle";
  }
}

// A ticket number searched for finds that ticket, not every text with its digits.
TEST_P(StoreTest, ListByIdFindsOnlyThatTicket) {
  Ticket first = Create();
  Appeal a = testing::HeatingAppeal();
  a.address = "人民路" + std::to_string(first.id) + "号";
  Create(a);
  TicketFilter f;
  f.id = first.id;
  auto page = store_->ListTickets(f);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].id, first.id);
}

// 临期: due in [now, due_before), not yet overdue and not replied.
TEST_P(StoreTest, ListNearDue) {
  Ticket t = Create();
  Create();  // not dispatched: no deadline
  CommandInput d;
  d.unit = "S1";
  auto dispatched = Command(t.id, "dispatch", d, Operator());
  ASSERT_TRUE(dispatched.ok()) << dispatched.status().ToString();
  const UnixSeconds due = dispatched->due_at;
  ASSERT_GT(due, 0);
  TicketFilter near;
  near.near_due_only = true;
  near.now = due - 3600;
  near.due_before = due + 1;
  EXPECT_EQ(store_->ListTickets(near)->total, 1);
  near.due_before = due;  // due just after the window
  EXPECT_EQ(store_->ListTickets(near)->total, 0);
  near.due_before = due + 86400;
  near.now = due + 1;  // overdue: its own queue, not 临期
  EXPECT_EQ(store_->ListTickets(near)->total, 0);
}

// 我受理的: the tickets one user recorded, not those of a colleague.
TEST_P(StoreTest, ListByWhoRecordedTheAppeal) {
  Create();
  Create();
  auto other = Intake(testing::HeatingAppeal(), Actor{"op2", Role::kOperator, ""}, ctx_);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(store_->CreateTicket(*other).ok());
  TicketFilter mine;
  mine.intake_by = Operator().username;
  EXPECT_EQ(store_->ListTickets(mine)->total, 2);
  mine.intake_by = "op2";
  auto page = store_->ListTickets(mine);
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].intake_by, "op2");
  mine.intake_by = "op2' OR '1'='1";  // a value, never SQL
  EXPECT_EQ(store_->ListTickets(mine)->total, 0);
}

TEST_P(StoreTest, ListFiltersPagesAndScopes) {
  for (int i = 0; i < 25; ++i) {
    Appeal a = testing::HeatingAppeal();
    a.content = "第" + std::to_string(i) + "号 " + (i % 5 == 0 ? "路灯不亮" : "室温低");
    a.caller.phone = i % 2 ? "13800000001" : "13900000002";
    Ticket t = Create(a);
    if (i % 3 == 0) {
      CommandInput d;
      d.unit = i % 2 ? "S1" : "S3";
      ASSERT_TRUE(Command(t.id, "dispatch", d, Operator()).ok());
    }
  }
  TicketFilter f;
  f.per_page = 10;
  auto p1 = store_->ListTickets(f);
  ASSERT_TRUE(p1.ok()) << p1.status().ToString();
  EXPECT_EQ(p1->total, 25);
  EXPECT_EQ(p1->items.size(), 10u);
  EXPECT_GT(p1->items.front().id, p1->items.back().id);  // newest first
  f.page = 3;
  EXPECT_EQ(store_->ListTickets(f)->items.size(), 5u);

  TicketFilter by_state;
  by_state.state = TicketState::kDispatched;
  EXPECT_EQ(store_->ListTickets(by_state)->total, 9);

  TicketFilter scope;
  scope.visible_units = units_.Subtree("D1");
  EXPECT_EQ(store_->ListTickets(scope)->total, 4);  // i = 3, 9, 15, 21 went to S1
  scope.visible_units = std::vector<std::string>{};
  EXPECT_EQ(store_->ListTickets(scope)->total, 0);

  TicketFilter q;
  q.query = "路灯";
  EXPECT_EQ(store_->ListTickets(q)->total, 5);
  q.query = "100%";  // LIKE wildcards are literal
  EXPECT_EQ(store_->ListTickets(q)->total, 0);

  TicketFilter phone;
  phone.caller_phone = "13800000001";
  EXPECT_EQ(store_->ListTickets(phone)->total, 12);

  TicketFilter cat;
  cat.category = "01";
  EXPECT_EQ(store_->ListTickets(cat)->total, 25);
  cat.category = "02";
  EXPECT_EQ(store_->ListTickets(cat)->total, 0);

  TicketFilter bad;
  bad.sort = "content; DROP TABLE tickets";
  EXPECT_EQ(store_->ListTickets(bad).status().field(), "sort");
  bad.sort = "-id";
  bad.per_page = 500;
  EXPECT_EQ(store_->ListTickets(bad).status().field(), "per_page");
}

// 四优先 (issue 10): company appeals first, then supervised or escalated ones, then
// the rest; within each the earliest handling deadline (none last), then the oldest.
TEST_P(StoreTest, PriorityOrderAndItsFilters) {
  Appeal company = testing::HeatingAppeal();
  company.enterprise = true;
  Appeal urgent = testing::HeatingAppeal();
  urgent.urgency = Urgency::kUrgent;
  const Ticket plain_old = Create();           // rank 2, not dispatched
  const Ticket company_late = Create(company);  // rank 0, dispatched later
  const Ticket plain_due = Create();           // rank 2, dispatched
  const Ticket supervised = Create();          // rank 1
  const Ticket company_soon = Create(company);  // rank 0, dispatched first
  const Ticket urgent_one = Create(urgent);     // rank 2, priority 2
  CommandInput to;
  to.unit = "S1";
  ASSERT_TRUE(Command(company_soon.id, "dispatch", to, testing::Dispatcher()).ok());
  ASSERT_TRUE(Command(plain_due.id, "dispatch", to, testing::Dispatcher()).ok());
  ASSERT_TRUE(Command(company_late.id, "dispatch", to, testing::Dispatcher()).ok());
  CommandInput level;
  level.level = 2;
  level.instructions = "尽快处理";
  ASSERT_TRUE(Command(supervised.id, "supervise", level, testing::Supervisor()).ok());

  TicketFilter f;
  f.sort = "priority";
  auto page = store_->ListTickets(f);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  std::vector<TicketId> order;
  for (const Ticket& t : page->items) order.push_back(t.id);
  EXPECT_EQ(order, (std::vector<TicketId>{company_soon.id, company_late.id, supervised.id, plain_due.id,
                                          plain_old.id, urgent_one.id}));

  f.enterprise = true;
  EXPECT_EQ(store_->ListTickets(f)->total, 2);
  f.enterprise = false;
  EXPECT_EQ(store_->ListTickets(f)->total, 4);
  f.enterprise.reset();
  f.priorities = {1};  // company appeals and the supervised one
  EXPECT_EQ(store_->ListTickets(f)->total, 3);
  f.priorities = {2, 0};
  EXPECT_EQ(store_->ListTickets(f)->total, 3);
  f.sort = "-priority";
  EXPECT_EQ(store_->ListTickets(f).status().field(), "sort") << "the order has one direction";
}

// 吹哨报到 and 协办任务 as queue filters: whistled tickets (to a unit's subtree),
// and tickets whose co-task of a unit waits for its opinion or has it.
TEST_P(StoreTest, WhistleAndCoTaskFilters) {
  const Ticket plain = Create();
  const Ticket whistled = Create();
  const Ticket co = Create();
  CommandInput to;
  to.unit = "S1";
  ASSERT_TRUE(Command(plain.id, "dispatch", to, testing::Dispatcher()).ok());
  ASSERT_TRUE(Command(whistled.id, "dispatch", to, testing::Dispatcher()).ok());
  to.co_units = {"HEAT", "S2"};
  ASSERT_TRUE(Command(co.id, "dispatch", to, testing::Dispatcher()).ok());
  CommandInput w;
  w.to_unit = "D1";
  w.reason = "街道协调未果";
  ASSERT_TRUE(Command(whistled.id, "whistle", w, Staff("S1")).ok());
  CommandInput opinion;
  opinion.content = "已配合入户检测";
  ASSERT_TRUE(Command(co.id, "co-reply", opinion, Staff("HEAT")).ok());

  auto ids = [&](const TicketFilter& f) {
    std::vector<TicketId> out;
    auto page = store_->ListTickets(f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok())
      for (const Ticket& t : page->items) out.push_back(t.id);
    return out;
  };
  TicketFilter f;
  f.sort = "id";
  f.whistled_only = true;
  EXPECT_EQ(ids(f), std::vector<TicketId>{whistled.id});
  f.whistle_to = {"D2"};
  EXPECT_TRUE(ids(f).empty());
  f.whistle_to = {"D1", "S1"};
  EXPECT_EQ(ids(f), std::vector<TicketId>{whistled.id});

  TicketFilter c;
  c.sort = "id";
  c.co_task = "any";
  EXPECT_EQ(ids(c), std::vector<TicketId>{co.id});
  c.co_task = "pending";
  c.co_task_units = {"HEAT"};
  EXPECT_TRUE(ids(c).empty()) << "HEAT has given its opinion";
  c.co_task_units = {"S2"};
  EXPECT_EQ(ids(c), std::vector<TicketId>{co.id});
  c.co_task = "answered";
  EXPECT_TRUE(ids(c).empty());
  c.co_task_units = {"HEAT"};
  EXPECT_EQ(ids(c), std::vector<TicketId>{co.id});
  c.co_task_units.clear();
  EXPECT_EQ(ids(c), std::vector<TicketId>{co.id});
}

// The change feed (change_feed.h): every committed ticket, reference-data, user and
// knowledge-base change is announced, in commit order, marked with the store's
// origin; a refused change is not.
TEST_P(StoreTest, CommittedChangesAreAnnouncedInOrder) {
  auto watch = store_->WatchChanges();
  ASSERT_TRUE(watch.ok()) << watch.status().ToString();
  const Ticket t = Create();
  CommandInput to;
  to.unit = "S1";
  ASSERT_TRUE(Command(t.id, "dispatch", to, testing::Dispatcher()).ok());
  EXPECT_FALSE(Command(t.id, "sign", {}, testing::Dispatcher()).ok()) << "refused: no announcement";
  ASSERT_TRUE(store_->ReplaceCatalog({}).ok());
  ASSERT_TRUE(store_->PutUser(User{"clerk", "x", Role::kOperator, "", "书记员", true}).ok());
  KbEntry entry;
  entry.question = "供暖时间";
  entry.answer = "11月15日至次年3月15日";
  auto kb = store_->PutKbEntry(entry, 0);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();

  using K = StoreChange::Kind;
  const std::string& me = store_->origin();
  ASSERT_FALSE(me.empty());
  const std::vector<StoreChange> want = {{K::kTicket, t.id, "intake", me}, {K::kTicket, t.id, "dispatch", me},
                                         {K::kReference, 0, "", me}, {K::kUsers, 0, "", me},
                                         {K::kKbEntry, 0, kb->id, me}};
  std::vector<StoreChange> got;
  for (int i = 0; i < 50 && got.size() < want.size(); ++i) {
    auto batch = (*watch)->Next(std::chrono::milliseconds(100));
    ASSERT_TRUE(batch.ok()) << batch.status().ToString();
    EXPECT_FALSE(batch->lost);
    got.insert(got.end(), batch->changes.begin(), batch->changes.end());
  }
  EXPECT_EQ(got, want);
  auto quiet = (*watch)->Next(std::chrono::milliseconds(50));
  ASSERT_TRUE(quiet.ok());
  EXPECT_TRUE(quiet->changes.empty());
}

// The keyset scan the deadline scheduler rebuilds from: only the states asked for,
// by id, from after the last id read, in batches.
TEST_P(StoreTest, ScanTicketsReadsByIdInBatches) {
  std::vector<TicketId> dispatched;
  for (int i = 0; i < 7; ++i) {
    const Ticket t = Create();
    if (i % 3 == 0) continue;  // stays in triage
    CommandInput to;
    to.unit = "S1";
    ASSERT_TRUE(Command(t.id, "dispatch", to, testing::Dispatcher()).ok());
    dispatched.push_back(t.id);
  }
  std::vector<TicketId> seen;
  for (TicketId after = 0;;) {
    auto batch = store_->ScanTickets({TicketState::kDispatched, TicketState::kInProgress}, after, 2);
    ASSERT_TRUE(batch.ok()) << batch.status().ToString();
    for (const Ticket& t : *batch) {
      EXPECT_EQ(t.state, TicketState::kDispatched);
      seen.push_back(t.id);
    }
    if (batch->size() < 2) break;
    after = batch->back().id;
  }
  EXPECT_EQ(seen, dispatched);
  EXPECT_EQ(store_->ScanTickets({}, 0, 10).status().field(), "states");
  EXPECT_EQ(store_->ScanTickets({TicketState::kTriage}, 0, 0).status().field(), "limit");
  EXPECT_EQ(store_->ScanTickets({TicketState::kTriage}, 0, 100)->size(), 3u);
}

TEST_P(StoreTest, APausedTicketIsNeitherOverdueNorNearDue) {
  const Ticket t = Create();
  CommandInput to;
  to.unit = "S1";
  auto dispatched = Command(t.id, "dispatch", to, testing::Dispatcher());
  ASSERT_TRUE(dispatched.ok());
  TicketFilter overdue;
  overdue.overdue_only = true;
  overdue.now = dispatched->due_at + 1;
  TicketFilter near;
  near.near_due_only = true;
  near.now = dispatched->due_at - 1;
  near.due_before = dispatched->due_at + 1;
  EXPECT_EQ(store_->ListTickets(overdue)->total, 1);
  EXPECT_EQ(store_->ListTickets(near)->total, 1);
  CommandInput wait;
  wait.reason = "awaiting_third_party";
  ASSERT_TRUE(Command(t.id, "pause", wait, testing::Staff("S1")).ok());
  EXPECT_EQ(store_->ListTickets(overdue)->total, 0);
  EXPECT_EQ(store_->ListTickets(near)->total, 0);
  auto resumed = Command(t.id, "resume", {}, testing::Staff("S1"));
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->due_at, dispatched->due_at + 60) << "the minute paused is added";
  overdue.now = resumed->due_at + 1;
  EXPECT_EQ(store_->ListTickets(overdue)->total, 1) << "running again";
}

TEST_P(StoreTest, UsersAndSessions) {
  User u{"S1", "hash", Role::kUnitStaff, "S1", "东华街道", true};
  ASSERT_TRUE(store_->PutUser(u).ok());
  auto got = store_->FindUser("S1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->role, Role::kUnitStaff);
  EXPECT_EQ(got->unit, "S1");
  EXPECT_EQ(store_->FindUser("nobody").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->PutSession({"th", "S1", 100, 100, 1000}).ok());
  auto found = store_->FindSession("th");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->username, "S1");
  EXPECT_EQ(found->expires_at, 1000);
  ASSERT_TRUE(store_->TouchSession("th", 500).ok());
  EXPECT_EQ(store_->FindSession("th")->last_seen_at, 500);
  ASSERT_TRUE(store_->TouchSession("th", 400).ok());  // never moves back
  EXPECT_EQ(store_->FindSession("th")->last_seen_at, 500);
  ASSERT_TRUE(store_->DeleteSession("th").ok());
  EXPECT_EQ(store_->FindSession("th").status().code(), StatusCode::kUnauthenticated);
  EXPECT_FALSE(store_->PutSession({"x", "ghost", 0, 0, 1000}).ok());

  // Ending a user's other sessions keeps the one named; expiry by end and by idleness.
  ASSERT_TRUE(store_->PutSession({"a", "S1", 0, 100, 10000}).ok());
  ASSERT_TRUE(store_->PutSession({"b", "S1", 0, 100, 10000}).ok());
  ASSERT_TRUE(store_->PutSession({"c", "S1", 0, 100, 10000}).ok());
  EXPECT_EQ(*store_->DeleteUserSessions("S1", "b"), 2);
  EXPECT_FALSE(store_->FindSession("a").ok());
  EXPECT_TRUE(store_->FindSession("b").ok());
  ASSERT_TRUE(store_->PutSession({"old", "S1", 0, 100, 300}).ok());    // past its end at 300
  ASSERT_TRUE(store_->PutSession({"idle", "S1", 0, 150, 10000}).ok());  // idle since 150
  ASSERT_TRUE(store_->PutSession({"live", "S1", 0, 900, 10000}).ok());
  EXPECT_EQ(*store_->DeleteExpiredSessions(1000, 600), 3);  // old, idle, and b (seen at 100)
  EXPECT_TRUE(store_->FindSession("live").ok());

  // Deleting a user ends their sessions and is audited; unknown users are NotFound.
  const AuditRecord audit{0, 5, "admin", "delete_user", "S1"};
  ASSERT_TRUE(store_->DeleteUser("S1", &audit).ok());
  EXPECT_FALSE(store_->FindSession("live").ok());
  EXPECT_EQ(store_->DeleteUser("S1").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->ListAudit(10, 0)->front().action, "delete_user");
}

TEST_P(StoreTest, ReferenceDataRoundTrips) {
  ASSERT_TRUE(store_->ReplaceUnits(units_.units()).ok());
  EXPECT_EQ(store_->LoadUnits()->size(), units_.units().size());
  ASSERT_TRUE(store_->ReplaceCategories(taxonomy_.categories()).ok());
  EXPECT_EQ(store_->LoadCategories()->size(), 3u);
  ASSERT_TRUE(store_->ReplaceCatalog({{"0101", "", "any", "HEAT", {"D1"}}}).ok());
  auto cat = store_->LoadCatalog();
  ASSERT_EQ(cat->size(), 1u);
  EXPECT_EQ((*cat)[0].co_units, std::vector<std::string>{"D1"});
}

TEST_P(StoreTest, KnowledgeBaseEntriesAreVersioned) {
  KbEntry e;
  e.question = "供暖时间？";
  e.answer = "11月15日至次年3月15日";
  e.updated_by = "admin";
  auto created = store_->PutKbEntry(e, 0);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->id, "KB-0001");
  EXPECT_EQ(created->version, 1);
  auto second = store_->PutKbEntry(e, 0);
  EXPECT_EQ(second->id, "KB-0002");

  KbEntry edit = *created;
  edit.answer = "每年11月15日起供暖，至次年3月15日止";
  auto v2 = store_->PutKbEntry(edit, 1);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->version, 2);
  // A stale editor (still at version 1) is refused and changes nothing.
  edit.answer = "stale";
  EXPECT_EQ(store_->PutKbEntry(edit, 1).status().code(), StatusCode::kConflict);
  EXPECT_EQ(store_->GetKbEntry("KB-0001")->answer, "每年11月15日起供暖，至次年3月15日止");
  KbEntry ghost = e;
  ghost.id = "KB-9999";
  EXPECT_EQ(store_->PutKbEntry(ghost, 3).status().code(), StatusCode::kNotFound);

  auto history = store_->KbVersions("KB-0001");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].answer, "11月15日至次年3月15日");
  EXPECT_EQ(store_->ListKbEntries()->size(), 2u);
  EXPECT_EQ(store_->GetKbEntry("KB-7").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreTest, RoutingCountsComeFromTheEventLog) {
  for (int i = 0; i < 3; ++i) {
    Ticket t = Create();  // category 010101
    CommandInput d;
    d.unit = "S1";
    ASSERT_TRUE(Command(t.id, "dispatch", d, Operator()).ok());
    if (i < 2) {
      CommandInput r;
      r.reason = "不属于本单位";
      ASSERT_TRUE(Command(t.id, "return", r, Staff("S1")).ok());
    }
  }
  auto counts = store_->RoutingCounts();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ((*counts)[0].unit, "S1");
  EXPECT_EQ((*counts)[0].category, "0101");
  EXPECT_EQ((*counts)[0].dispatched, 3);
  EXPECT_EQ((*counts)[0].returned, 2);
}

TEST_P(StoreTest, DataSurvivesReopen) {
  Ticket t = Create();
  Reopen();
  ASSERT_TRUE(store_);
  EXPECT_EQ(store_->GetTicket(t.id)->appeal.content, t.appeal.content);
}

// Statistics are counted in SQL over the filtered set, the same way on every backend.
TEST_P(StoreTest, StatsCountTheFilteredTicketsSeveralWays) {
  Appeal web = testing::HeatingAppeal();
  web.channel = Channel::kWeb;
  web.category = "";  // not classified yet
  web.area = "S1";
  Ticket a = Create(), b = Create(), c = Create(web);
  CommandInput d;
  d.unit = "S1";
  ASSERT_TRUE(Command(a.id, "dispatch", d, Operator()).ok());
  auto all = store_->Stats(TicketFilter{});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->total, 3);
  EXPECT_EQ(all->by_state, (std::map<std::string, std::int64_t>{{"dispatched", 1}, {"triage", 2}}));
  EXPECT_EQ(all->by_channel, (std::map<std::string, std::int64_t>{{"phone", 2}, {"web", 1}}));
  EXPECT_EQ(all->by_category, (std::map<std::string, std::int64_t>{{"", 1}, {"01", 2}}));
  EXPECT_EQ(all->by_area, (std::map<std::string, std::int64_t>{{"", 2}, {"S1", 1}}));
  EXPECT_EQ(all->by_satisfaction, (std::map<std::string, std::int64_t>{{"", 3}}));
  // by_day: the local (UTC+8) date of intake; ctx_.now is 2026-11-18 in China.
  EXPECT_EQ(all->by_day, (std::map<std::string, std::int64_t>{{"2026-11-18", 3}}));
  TicketFilter unit;
  unit.visible_units = std::vector<std::string>{"S1"};
  auto scoped = store_->Stats(unit);
  ASSERT_TRUE(scoped.ok());
  EXPECT_EQ(scoped->total, 1);
  EXPECT_EQ(scoped->by_state, (std::map<std::string, std::int64_t>{{"dispatched", 1}}));
  TicketFilter none;
  none.visible_units = std::vector<std::string>{};
  EXPECT_EQ(store_->Stats(none)->total, 0);
  EXPECT_EQ(*store_->CountTickets(), 3);
  (void)b;
  (void)c;
  EXPECT_EQ(all->closed_without_callback, 0);
}

// 诉求人提出无需回访: closed on the accepted reply, counted apart from the callbacks.
TEST_P(StoreTest, StatsCountTicketsClosedWithoutACallback) {
  Appeal quiet = testing::HeatingAppeal();
  quiet.no_callback = true;
  Ticket q = Create(quiet), open = Create(quiet), other = Create();
  for (TicketId id : {q.id, other.id}) {
    CommandInput d;
    d.unit = "S1";
    ASSERT_TRUE(Command(id, "dispatch", d, Operator()).ok());
    ASSERT_TRUE(Command(id, "sign", {}, testing::Staff("S1")).ok());
    CommandInput reply;
    reply.content = "已处理";
    reply.result = ReplyResult::kResolved;
    ASSERT_TRUE(Command(id, "reply", reply, testing::Staff("S1")).ok());
    CommandInput accept;
    accept.accept = true;
    ASSERT_TRUE(Command(id, "review", accept, testing::Dispatcher()).ok());
  }
  EXPECT_EQ(store_->GetTicket(q.id)->state, TicketState::kClosed);
  EXPECT_EQ(store_->GetTicket(other.id)->state, TicketState::kToCallback);
  auto stats = store_->Stats(TicketFilter{});
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->closed_without_callback, 1) << "the open one with no_callback is not counted";
  TicketFilter elsewhere;
  elsewhere.visible_units = std::vector<std::string>{"S2"};
  EXPECT_EQ(store_->Stats(elsewhere)->closed_without_callback, 0) << "the filter applies";
  (void)open;
}

TEST_P(StoreTest, PersonalDataAccessIsRecordedNewestFirstAndFiltered) {
  EXPECT_TRUE(store_->RecordPiiAccess({}).ok());
  ASSERT_TRUE(store_
                  ->RecordPiiAccess({{0, 100, "op1", "operator", 7, "GET /api/v1/tickets/{id}", "工单详情"},
                                     {0, 101, "sup", "supervisor", 7, "GET /api/v1/tickets/{id}", ""},
                                     {0, 102, "op1", "operator", 8, "GET /api/v1/tickets", "列表"}})
                  .ok());
  auto all = store_->ListPiiAccess(PiiAccessFilter{});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].at, 102);
  EXPECT_GT((*all)[0].seq, (*all)[1].seq);
  EXPECT_EQ((*all)[2].screen, "工单详情");
  PiiAccessFilter by_ticket;
  by_ticket.ticket_id = 7;
  EXPECT_EQ(store_->ListPiiAccess(by_ticket)->size(), 2u);
  PiiAccessFilter by_actor;
  by_actor.actor = "op1";
  by_actor.limit = 1;
  auto page = store_->ListPiiAccess(by_actor);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].ticket_id, 8);
  by_actor.offset = 1;
  EXPECT_EQ((*store_->ListPiiAccess(by_actor))[0].ticket_id, 7);
}

}  // namespace
}  // namespace hotline

namespace hotline {
namespace {

// The clearing ledger (domain/ledger.h): the month's unsatisfied or unresolved
// callbacks, one row per ticket, cleared when the ticket is closed now.
class LedgerStoreTest : public testing::StoreFixture {
 protected:
  // Intake, dispatch to `unit`, sign, reply and the accepted review: waiting for the callback.
  Ticket ToCallback(const std::string& unit) {
    Ticket t = Create();
    CommandInput d;
    d.unit = unit;
    EXPECT_TRUE(Command(t.id, "dispatch", d, testing::Operator()).ok());
    EXPECT_TRUE(Command(t.id, "sign", {}, testing::Staff(unit)).ok());
    ReplyAndReview(t.id, unit);
    return t;
  }
  void ReplyAndReview(TicketId id, const std::string& unit) {
    CommandInput reply;
    reply.content = "已处理";
    reply.result = ReplyResult::kResolved;
    auto r = Command(id, "reply", reply, testing::Staff(unit));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    CommandInput review;
    review.accept = true;
    r = Command(id, "review", review, testing::Dispatcher());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
  }
  void CallBack(TicketId id, bool satisfied) {
    CommandInput in;
    in.satisfaction = satisfied ? Satisfaction::kSatisfied : Satisfaction::kUnsatisfied;
    in.resolved = satisfied;
    if (!satisfied) in.dissatisfaction = Dissatisfaction::kUnresolved;
    auto r = Command(id, "callback", in, testing::CallbackAgent());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->state, satisfied ? TicketState::kClosed : TicketState::kUnsatisfied);
  }
  void Supervisor(TicketId id, const std::string& command, const std::string& reason) {
    CommandInput in;
    in.reason = reason;
    auto r = Command(id, command, in, testing::Supervisor());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
};
HOTLINE_STORE_CONFORMANCE(LedgerStoreTest);

TEST_P(LedgerStoreTest, ListsTheMonthsUnsatisfiedTicketsAndWhetherTheyWereCleared) {
  const MonthSpan month = ParseLedgerMonth(LedgerMonthOf(ctx_.now)).value();
  ctx_.now = month.from + 3600;
  // Closed by the supervisor with a reason.
  Ticket a = ToCallback("S1");
  CallBack(a.id, false);
  Supervisor(a.id, "close", "诉求人要求不合理，已解释");
  // Unsatisfied twice in the month, 二次办理 twice, then satisfied and resolved.
  Ticket b = ToCallback("S1C1");
  CallBack(b.id, false);
  Supervisor(b.id, "reopen", "仍未解决");
  ReplyAndReview(b.id, "S1C1");
  CallBack(b.id, false);
  Supervisor(b.id, "reopen", "仍未解决");
  ReplyAndReview(b.id, "S1C1");
  CallBack(b.id, true);
  // Still open, in the other district.
  Ticket c = ToCallback("S3");
  CallBack(c.id, false);
  // Satisfied at the first callback: not in the ledger.
  Ticket d = ToCallback("S1");
  CallBack(d.id, true);
  // Unsatisfied after the month: in the next month's ledger only.
  Ticket e = ToCallback("S1");
  ctx_.now = month.to;
  CallBack(e.id, false);

  LedgerFilter f;
  f.from = month.from;
  f.to = month.to;
  auto page = store_->Ledger(f);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 3);
  EXPECT_EQ(page->cleared, 2);
  EXPECT_EQ(page->matching, 3);
  ASSERT_EQ(page->items.size(), 3u);
  // By the first unsatisfied callback of the month.
  EXPECT_EQ(page->items[0].ticket.id, a.id);
  EXPECT_EQ(page->items[1].ticket.id, b.id);
  EXPECT_EQ(page->items[2].ticket.id, c.id);
  EXPECT_EQ(page->items[0].unsatisfied.command, "callback");
  EXPECT_EQ(page->items[0].unsatisfied.input.dissatisfaction, Dissatisfaction::kUnresolved);
  EXPECT_EQ(page->items[0].unsatisfied_callbacks, 1);
  EXPECT_EQ(page->items[1].unsatisfied_callbacks, 2);
  EXPECT_LT(page->items[1].unsatisfied.seq, page->items[1].ticket.version);
  ASSERT_TRUE(page->items[0].closing.has_value());
  EXPECT_EQ(HowCleared(*page->items[0].closing), ClearedHow::kClosedWithReason);
  EXPECT_EQ(page->items[0].closing->input.reason, "诉求人要求不合理，已解释");
  EXPECT_EQ(page->items[0].closing->at, page->items[0].ticket.closed_at);
  ASSERT_TRUE(page->items[1].closing.has_value());
  EXPECT_EQ(HowCleared(*page->items[1].closing), ClearedHow::kSatisfied);
  EXPECT_FALSE(page->items[2].closing.has_value());
  EXPECT_EQ(page->items[2].ticket.state, TicketState::kUnsatisfied);

  // cleared=no / yes, paging: the counts stay the month's.
  f.cleared = false;
  page = store_->Ledger(f);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].ticket.id, c.id);
  EXPECT_EQ(page->total, 3);
  EXPECT_EQ(page->matching, 1);
  f.cleared = true;
  f.per_page = 1;
  f.page = 2;
  page = store_->Ledger(f);
  EXPECT_EQ(page->matching, 2);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].ticket.id, b.id);

  // Unit scope and lead unit.
  LedgerFilter d1;
  d1.from = month.from;
  d1.to = month.to;
  d1.visible_units = units_.Subtree("D1");
  page = store_->Ledger(d1);
  EXPECT_EQ(page->total, 2);
  EXPECT_EQ(page->cleared, 2);
  d1.visible_units.reset();
  d1.lead_units = units_.Subtree("D2");
  page = store_->Ledger(d1);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].ticket.id, c.id);
  d1.visible_units = std::vector<std::string>{};
  EXPECT_EQ(store_->Ledger(d1)->total, 0);

  // The next month holds e only.
  LedgerFilter next;
  next.from = month.to;
  next.to = month.to + 31 * 86400;
  page = store_->Ledger(next);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].ticket.id, e.id);

  LedgerFilter bad;
  EXPECT_EQ(store_->Ledger(bad).status().field(), "month");
  bad.to = 1;
  bad.per_page = 5000;
  EXPECT_EQ(store_->Ledger(bad).status().field(), "per_page");
}

}  // namespace
}  // namespace hotline

// Several servers on one PostgreSQL database (issue 11): two HotlineServices, each
// on its own PgStore, stand for two servers. What one changes reaches the other's
// live streams, reference data and time limits through ClusterSync; only one gives
// the deadline notices. Skipped without HOTLINE_TEST_PG; the change feed itself is
// in the store conformance suite (both backends).
#include "service/cluster_sync.h"

#include <gtest/gtest.h>

#include <thread>

#include "domain/test_fixtures.h"
#include "service/credentials.h"
#include "service/hotline_service.h"
#include "store/postgres/pg_scratch_db.h"
#include "store/postgres/pg_store.h"

namespace hotline::service {
namespace {

using hotline::testing::Dispatcher;
using hotline::testing::Operator;

const Actor kAdmin{"admin", Role::kAdmin, ""};

TimeLimitDefaults Defaults() {
  TimeLimitRule d;
  d.id = "default";
  for (DeadlineKind kind : kAllDeadlineKinds) d.limit(kind) = TimeLimit{2, LimitUnit::kWorkingDays};
  return TimeLimitDefaults{TimeLimitPolicy::Make({d}).value(), WorkingHours(), {{"2026-10-01", "holiday"}}};
}

struct Server {
  std::unique_ptr<PgStore> store;
  std::unique_ptr<HotlineService> service;
  // The service goes first: it uses the store to the end.
  void Stop() {
    service.reset();
    store.reset();
  }
};

class ClusterSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto url = pg::TestServerUrl();
    if (!url) GTEST_SKIP() << "HOTLINE_TEST_PG is not set: PostgreSQL test skipped";
    ASSERT_TRUE(InitCrypto().ok());
    auto db = pg::ScratchDatabase::Create(*url);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    a_ = Open(/*seed=*/true);
    b_ = Open(/*seed=*/false);
  }
  void TearDown() override {
    a_.Stop();
    b_.Stop();
  }
  Server Open(bool seed) {
    Server s;
    auto store = PgStore::Open(db_->url());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return s;
    s.store = std::move(store).value();
    if (seed) {
      EXPECT_TRUE(s.store->ReplaceUnits(hotline::testing::SmallCity().units()).ok());
      EXPECT_TRUE(s.store->ReplaceCategories(hotline::testing::SmallTaxonomy().categories()).ok());
    }
    s.service = std::make_unique<HotlineService>(*s.store, clock_, WorkCalendar());
    EXPECT_TRUE(s.service->time_limits().Start(Defaults()).ok());
    EXPECT_TRUE(s.service->LoadReferenceData().ok());
    s.service->live().SetRenderer([](const Ticket& t, const std::string& command) {
      return std::to_string(t.id) + " " + command;
    });
    EXPECT_TRUE(s.service->cluster().Open().ok());
    return s;
  }
  // Polls `s` until it has applied `n` announcements of the other server (or 5 s).
  int Sync(Server& s, int n) {
    int applied = 0;
    for (int i = 0; i < 50 && applied < n; ++i) {
      auto r = s.service->cluster().Poll(std::chrono::milliseconds(100));
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      if (r.ok()) applied += *r;
    }
    return applied;
  }

  FakeClock clock_{1'795'000'000};
  std::unique_ptr<pg::ScratchDatabase> db_;
  Server a_, b_;
};

TEST_F(ClusterSyncTest, ATicketChangedOnOneServerIsPushedLiveByTheOther) {
  auto stream = b_.service->live().Subscribe(hotline::testing::Supervisor());
  auto t = a_.service->tickets().Intake(hotline::testing::HeatingAppeal(), Operator());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  CommandInput to;
  to.unit = "S1";
  ASSERT_TRUE(a_.service->tickets().Command(t->id, "dispatch", to, Dispatcher()).ok());
  EXPECT_EQ(Sync(b_, 2), 2);
  const std::string seen = stream->Drain();
  const std::size_t intake = seen.find(std::to_string(t->id) + " intake");
  const std::size_t dispatch = seen.find(std::to_string(t->id) + " dispatch");
  EXPECT_NE(intake, std::string::npos) << seen;
  EXPECT_NE(dispatch, std::string::npos) << seen;
  EXPECT_LT(intake, dispatch) << "in commit order";
  EXPECT_GT(b_.service->deadlines().queued(), 0u) << "the other server tracks its deadlines too";
  EXPECT_EQ(Sync(a_, 1), 0) << "a server skips its own announcements";
}

TEST_F(ClusterSyncTest, AnAdminEditOnOneServerTakesEffectOnTheOther) {
  TimeLimitRuleText r;
  r.rule = "default";
  r.sign = r.contact = r.reply = r.handle = r.callback = "3 natural_hours";
  ASSERT_TRUE(a_.service->time_limits().ReplaceRules({r}, {{"08:00", "12:00"}}, 0, kAdmin).ok());
  EXPECT_EQ(Sync(b_, 1), 1);
  const auto in_force = b_.service->time_limits().InForce(kAdmin);
  ASSERT_TRUE(in_force.ok());
  EXPECT_EQ(in_force->setup->version, 1);
  EXPECT_EQ(b_.service->reference()->time_limits->policy.rules()[0].limit(DeadlineKind::kSign),
            (TimeLimit{3, LimitUnit::kNaturalHours}));

  // A unit added on one server is known to the other without a restart.
  std::vector<Unit> units = hotline::testing::SmallCity().units();
  units.push_back(Unit{"S9", "新设街道", UnitKind::kStreet, "D1"});
  ASSERT_TRUE(a_.store->ReplaceUnits(units).ok());
  EXPECT_EQ(Sync(b_, 1), 1);
  EXPECT_TRUE(b_.service->reference()->units.Find("S9"));
}

TEST_F(ClusterSyncTest, ALogoutOnOneServerEndsTheSessionOnTheOther) {
  auto hash = HashPassword("Hotline-12345!");
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(a_.store->PutUser(User{"op1", *hash, Role::kOperator, "", "话务员甲", true}).ok());
  auto login = a_.service->accounts().Login("op1", "Hotline-12345!");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  ASSERT_TRUE(b_.service->accounts().Authenticate(login->token).ok()) << "one session for every server";
  ASSERT_TRUE(a_.service->accounts().Logout(login->token).ok());
  EXPECT_EQ(Sync(b_, 2), 2) << "the user written, then the session ended";
  EXPECT_FALSE(b_.service->accounts().Authenticate(login->token).ok()) << "not kept alive by the other's cache";
}

TEST_F(ClusterSyncTest, OneServerGivesTheDeadlineNoticesAndAnotherTakesOver) {
  EXPECT_TRUE(*a_.service->deadlines().Lead());
  EXPECT_FALSE(*b_.service->deadlines().Lead());
  a_.Stop();  // the leader stops
  bool took = false;
  for (int i = 0; i < 50 && !took; ++i) {
    took = *b_.service->deadlines().Lead();
    if (!took) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(took);
}

}  // namespace
}  // namespace hotline::service

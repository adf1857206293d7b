#include <gtest/gtest.h>

#include <set>

#include <map>

#include <cstdlib>

#include "app/config.h"
#include "app/csv_reader.h"
#include "app/demo_city.h"
#include "app/history_model.h"
#include "app/import_fixture.h"
#include "app/importer.h"
#include "app/reference_files.h"
#include "domain/ledger.h"
#include "store/temp_dir.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::app {
namespace {

TEST(CsvTable, QuotesCommentsAndTabs) {
  auto t = CsvTable::Parse("# comment\na,b,c\n1,\"x, \"\"y\"\"\",3\n4,,\n");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ(t->Get(0, "b"), "x, \"y\"");
  EXPECT_EQ(t->Get(1, "c"), "");
  EXPECT_EQ(t->Get(0, "missing"), "");
  auto tsv = CsvTable::Parse("k\tv\n一\t二,三\n", '\t');
  EXPECT_EQ(tsv->Get(0, "v"), "二,三");
  EXPECT_FALSE(CsvTable::Parse("").ok());
}

TEST(ReferenceFiles, DemoCityIsConsistent) {
  const std::string dir = DataDir();
  auto units = LoadUnitsFile(dir + "/demo/units.csv");
  ASSERT_TRUE(units.ok()) << units.status().ToString();
  auto tree = UnitTree::Build(*units);
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  int districts = 0, streets = 0, departments = 0;
  for (const Unit& u : *units) {
    districts += u.kind == UnitKind::kDistrict;
    streets += u.kind == UnitKind::kStreet;
    departments += u.kind == UnitKind::kDepartment;
  }
  EXPECT_GE(districts, 6);
  EXPECT_GE(streets, 40);
  EXPECT_GE(departments, 30);
  auto cats = LoadTaxonomyFile(dir + "/taxonomy.csv");
  ASSERT_TRUE(cats.ok());
  auto tax = Taxonomy::Build(*cats);
  ASSERT_TRUE(tax.ok()) << tax.status().ToString();
  int leaves = 0;
  for (const Category& c : *cats) leaves += tax->IsLeaf(c.code) && c.level == 3;
  EXPECT_GE(leaves, 60);
  auto catalog = LoadCatalogFile(dir + "/demo/catalog.csv");
  ASSERT_TRUE(catalog.ok());
  for (const CatalogRule& r : *catalog) {
    EXPECT_NE(tax->Find(r.category), nullptr) << r.category;
    EXPECT_NE(tree->Find(r.lead), nullptr) << r.lead;
    if (!r.area.empty()) {
      EXPECT_NE(tree->Find(r.area), nullptr) << r.area;
    }
  }
  // Every leaf routes somewhere.
  for (const Category& c : *cats) {
    if (tax->IsLeaf(c.code)) {
      EXPECT_TRUE(MatchCatalog(*catalog, *tax, *tree, c.code, "", false)) << c.code;
    }
  }
  auto cal = LoadCalendarFile(dir + "/calendar/cn_holidays.csv");
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_FALSE(cal->IsWorkingDay(DaysFromCivil(2026, 10, 1)));
  EXPECT_TRUE(cal->IsWorkingDay(DaysFromCivil(2026, 10, 10)));  // a make-up Saturday
}

TEST(ReferenceFiles, ErrorsNameFileAndLine) {
  TempDir tmp;
  auto bad = LoadUnitsFile(tmp.Write("u.csv", "code,name,kind,parent\nA,甲,city,\nB,乙,planet,A\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "kind");
  EXPECT_NE(bad.status().message().find("line 3"), std::string::npos);
  EXPECT_EQ(LoadUnitsFile("/nonexistent.csv").status().code(), StatusCode::kNotFound);
  // Comment and blank lines count: the line is the file's own.
  auto later = LoadUnitsFile(tmp.Write("u2.csv", "# units\ncode,name,kind,parent\n\nA,甲,city,\nB,乙,planet,A\n"));
  EXPECT_NE(later.status().message().find("line 5"), std::string::npos) << later.status().ToString();
  auto quote = LoadUnitsFile(tmp.Write("u3.csv", "code,name,kind,parent\nA,甲\"市,city,\n"));
  EXPECT_EQ(quote.status().field(), "name");
  EXPECT_NE(quote.status().message().find("line 2"), std::string::npos) << quote.status().ToString();
}

using ImportTest = ImportFixture;

TEST_F(ImportTest, CsvWithOwnColumnsReportsBadRows) {
  const std::string path = tmp_.Write("a.csv",
                                      "channel,appeal_type,content,caller_phone,area,created_at\n"
                                      "phone,complaint,路灯不亮,13800000000,LC-D01-S01,2026-01-05 09:30:00\n"
                                      "fax,complaint,坏行,,,\n"
                                      "web,help,,,,\n"
                                      "web,help,井盖缺失,,LC-NOWHERE,\n"
                                      "sms,consultation,公积金怎么提取,,,2026/2/1 8:00:00\n");
  std::size_t last_done = 0;
  auto report = ImportAppeals(*store_, path, ctx_, actor_, [&](std::size_t d, std::size_t) { last_done = d; });
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->imported, 2u);
  ASSERT_EQ(report->errors.size(), 3u);
  EXPECT_NE(report->errors[0].find("line 3: channel"), std::string::npos) << report->errors[0];
  EXPECT_NE(report->errors[1].find("line 4: content"), std::string::npos) << report->errors[1];
  EXPECT_NE(report->errors[2].find("line 5: area"), std::string::npos) << report->errors[2];
  EXPECT_EQ(last_done, 5u);
  auto first = store_->GetTicket(1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->created_at, *ParseLocalTime("2026-01-05 09:30:00"));
  EXPECT_EQ(first->appeal.area, "LC-D01-S01");
  EXPECT_EQ(first->appeal.query_code.size(), 6u);
}

TEST_F(ImportTest, MessageBoardLayoutAndJsonl) {
  const std::string board = tmp_.Write("b.csv",
                                       "id,user,title,time,detail,label1\n"
                                       "1,u1,小区噪音,2019/1/8 10:00:00,夜间施工扰民,城乡建设\n"
                                       "2,u2,工资拖欠,2019-01-09 11:00:00,公司拖欠三个月工资,劳动和社会保障\n");
  auto r1 = ImportAppeals(*store_, board, ctx_, actor_);
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1->imported, 2u);
  auto t = store_->GetTicket(1);
  EXPECT_EQ(t->appeal.category, "01");  // 城乡建设 is level-1 code 01 in data/taxonomy.csv
  EXPECT_NE(t->appeal.content.find("夜间施工扰民"), std::string::npos);

  const std::string jsonl = tmp_.Write("c.jsonl",
                                       "{\"channel\":\"web\",\"appeal_type\":\"help\",\"content\":\"路面塌陷\","
                                       "\"created_at\":\"2026-03-01 10:00:00\"}\n"
                                       "{not json}\n"
                                       "{\"channel\":\"web\",\"appeal_type\":\"help\",\"content\":7}\n");
  auto r2 = ImportAppeals(*store_, jsonl, ctx_, actor_);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->imported, 1u);
  EXPECT_EQ(r2->errors.size(), 2u);
  EXPECT_EQ(*store_->CountTickets(), 3);
}

TEST(Config, TomlThenEnvironment) {
  TempDir tmp;
  Config c;
  const std::string path = tmp.Write(
      "h.toml", "db = \"sqlite:/tmp/x.db\"\nport = 9001\nwarn_percent = 80\nauto_supervision_level = 7\n[demo]\nappeals = 10\n");
  ASSERT_TRUE(ApplyTomlFile(path, c).ok());
  EXPECT_EQ(c.warn_percent, 80);
  EXPECT_EQ(c.auto_supervision_level, 3) << "clamped to the highest level";
  EXPECT_EQ(c.db, "sqlite:/tmp/x.db");
  EXPECT_EQ(c.port, 9001);
  EXPECT_EQ(c.demo_appeals, 10);
  setenv("HOTLINE_PORT", "9002", 1);
  ASSERT_TRUE(ApplyEnvironment(c).ok());
  EXPECT_EQ(c.port, 9002);
  setenv("HOTLINE_WARN_PERCENT", "60", 1);
  ASSERT_TRUE(ApplyEnvironment(c).ok());
  EXPECT_EQ(c.warn_percent, 60);
  unsetenv("HOTLINE_WARN_PERCENT");
  setenv("HOTLINE_PORT", "ninety", 1);
  EXPECT_EQ(ApplyEnvironment(c).field(), "HOTLINE_PORT");
  unsetenv("HOTLINE_PORT");
  auto broken = ApplyTomlFile(tmp.Write("bad.toml", "port = = 3\n"), c);
  EXPECT_EQ(broken.field(), "config");
  EXPECT_NE(broken.message().find("line 1"), std::string::npos);
}

TEST(DemoCity, GeneratedHistoriesReplayToTheirState) {
  auto store = SqliteStore::Open(":memory:").value();
  DemoOptions opt;
  opt.data_dir = DataDir();
  opt.appeals = 150;
  opt.now = 1'795'000'000;
  WorkCalendar cal;
  ASSERT_TRUE(SeedDemoCity(*store, opt, cal).ok());
  auto users = store->ListUsers();
  ASSERT_TRUE(users.ok());
  EXPECT_GT(users->size(), 100u);
  auto units = UnitTree::Build(*store->LoadUnits()).value();
  Context ctx;
  ctx.units = &units;
  ctx.calendar = &cal;
  const auto n = *store->CountTickets();
  EXPECT_GT(n, 100);
  const auto district_supervisor = store->FindUser("LC-D01.sup");
  ASSERT_TRUE(district_supervisor.ok()) << "each district has its own supervisor";
  EXPECT_EQ(district_supervisor->role, Role::kSupervisor);
  EXPECT_EQ(district_supervisor->unit, "LC-D01");
  int closed = 0, paused = 0;
  std::map<int, int> supervisions_by_level;
  int supervisions_closed = 0, supervisions_answered = 0;
  for (TicketId id = 1; id <= n; ++id) {
    auto t = store->GetTicket(id);
    auto replayed = Replay(*store->GetEvents(id), ctx);
    ASSERT_TRUE(replayed.ok()) << id << ": " << replayed.status().ToString();
    EXPECT_EQ(replayed->state, t->state) << id;
    EXPECT_EQ(replayed->lead_unit, t->lead_unit) << id;
    EXPECT_EQ(replayed->deadlines, t->deadlines) << id;
    EXPECT_EQ(replayed->due_at, t->due_at) << id;
    EXPECT_EQ(replayed->paused_at, t->paused_at) << id;
    EXPECT_EQ(replayed->supervisions, t->supervisions) << id;
    EXPECT_EQ(replayed->supervision_level, t->supervision_level) << id;
    for (const Supervision& s : t->supervisions) {
      ++supervisions_by_level[s.level];
      supervisions_closed += s.closed_at != 0;
      supervisions_answered += s.answered_at != 0;
    }
    closed += t->state == TicketState::kClosed;
    const auto events = store->GetEvents(id);
    for (const Event& e : *events) paused += e.command == "pause";
  }
  EXPECT_GT(closed, n / 3);
  EXPECT_GT(paused, 0) << "some units stopped the clock";
  EXPECT_GE(supervisions_by_level.size(), 2u) << "late tickets are supervised at several levels";
  EXPECT_GT(supervisions_answered, 0);
  EXPECT_GT(supervisions_closed, 0) << "and closed (销号) once the ticket is";
  // Seeding again is a no-op.
  ASSERT_TRUE(SeedDemoCity(*store, opt, cal).ok());
  EXPECT_EQ(*store->CountTickets(), n);
}

// 动态清零 (domain/ledger.h): recent months of the demo city hold both rows the
// supervisor has cleared and rows still waiting.
TEST(DemoCity, RecentLedgersHaveClearedAndOpenRows) {
  auto store = SqliteStore::Open(":memory:").value();
  DemoOptions opt;
  opt.data_dir = DataDir();
  opt.appeals = 1200;
  opt.now = 1'795'000'000;
  WorkCalendar cal;
  ASSERT_TRUE(SeedDemoCity(*store, opt, cal).ok());
  std::int64_t total = 0, cleared = 0;
  std::set<std::string> hows;
  for (const std::string& month : {LedgerMonthOf(opt.now - 31 * 86400), LedgerMonthOf(opt.now)}) {
    const MonthSpan span = ParseLedgerMonth(month).value();
    LedgerFilter f;
    f.from = span.from;
    f.to = span.to;
    f.per_page = 1000;
    auto page = store->Ledger(f);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    total += page->total;
    cleared += page->cleared;
    for (const LedgerRow& r : page->items)
      if (r.closing) hows.insert(std::string(Name(HowCleared(*r.closing))));
  }
  EXPECT_GT(cleared, 0) << "cleared rows";
  EXPECT_GT(total - cleared, 0) << "open rows";
  EXPECT_TRUE(hows.count("closed_with_reason") || hows.count("satisfied"));
}

TEST(HistoryModel, LearnsTheCityCategoriesFromItsTickets) {
  auto store = SqliteStore::Open(":memory:").value();
  auto taxonomy = Taxonomy::Build(*LoadTaxonomyFile(DataDir() + "/taxonomy.csv")).value();
  // No history yet: a clear error, nothing trained.
  auto none = TrainHistoryModel(*store, taxonomy, {}, nullptr);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().field(), "history");

  DemoOptions opt;
  opt.data_dir = DataDir();
  opt.appeals = 600;
  opt.now = 1'795'000'000;
  ASSERT_TRUE(SeedDemoCity(*store, opt, WorkCalendar()).ok());
  HistoryModelReport report;
  auto model = TrainHistoryModel(*store, taxonomy, {}, &report);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_GT(report.tickets, 300u);
  EXPECT_GT(report.categories, 20u);
  EXPECT_EQ(model->labels().size(), report.categories);
  for (const auto& label : model->labels()) EXPECT_TRUE(taxonomy.IsLeaf(label)) << label;
  // Wording the demo templates never use still lands in the right leaf, helped
  // by the taxonomy's names ("停水").
  bool water = false;
  for (const auto& p : model->Predict("我们楼从昨天早上开始停水，到现在还没来水", 3)) water |= p.category == "120101";
  EXPECT_TRUE(water);
}

}  // namespace
}  // namespace hotline::app

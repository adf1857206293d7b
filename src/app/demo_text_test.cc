#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "app/reference_files.h"
#include "app/demo_city.h"
#include "app/demo_text.h"
#include "domain/work_calendar.h"
#include "store/sqlite/sqlite_store.h"

namespace hotline::app {
namespace {

long Lowest(long lo, long) { return lo; }
long Highest(long, long hi) { return hi; }

TEST(DemoText, PlaceholdersDrawNumbersInTheirRangeAndStep) {
  EXPECT_EQ(*FillNumbers("{n}号楼", Lowest), "1号楼");
  EXPECT_EQ(*FillNumbers("{n}号楼", Highest), "12号楼");
  EXPECT_EQ(*FillNumbers("约{n:100-800/100}米", Lowest), "约100米");
  EXPECT_EQ(*FillNumbers("约{n:100-800/100}米", Highest), "约800米");
  EXPECT_EQ(*FillNumbers("{n:2-4}个月拖欠{n:30-500/10}万元", Highest), "4个月拖欠500万元");
  EXPECT_EQ(*FillNumbers("没有数字", Lowest), "没有数字");
  // The step is applied to the drawn value: every result is a multiple of it.
  std::set<std::string> seen;
  long k = 0;
  for (int i = 0; i < 20; ++i)
    seen.insert(*FillNumbers("{n:1000-5000/500}", [&](long lo, long hi) { return lo + (k++ % (hi - lo + 1)); }));
  EXPECT_EQ(seen, (std::set<std::string>{"1000", "1500", "2000", "2500", "3000", "3500", "4000", "4500", "5000"}));
  for (const char* bad : {"{n:5}", "{n:5-}", "{n:9-5}", "{n:1-10/3}", "{n:1-9/0}", "{n:a-b}", "{n:1-5x}", "{n"}) {
    auto r = FillNumbers(bad, Lowest);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().field(), "template") << bad;
    }
  }
}

UnixSeconds LocalNoon(int y, unsigned m, unsigned d) {
  return static_cast<UnixSeconds>(DaysFromCivil(y, m, d)) * 86400 + 12 * 3600 - WorkCalendar::kUtcOffsetSeconds;
}

TEST(DemoText, SeasonsFollowTheLocalCalendar) {
  EXPECT_TRUE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2026, 11, 15)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2027, 1, 20)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2027, 3, 15)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2027, 3, 16)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2026, 11, 14)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2026, 7, 1)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kSummer, LocalNoon(2026, 7, 1)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kSummer, LocalNoon(2026, 12, 1)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kAny, LocalNoon(2026, 12, 1)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kNationalDay, LocalNoon(2026, 10, 8)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kNationalDay, LocalNoon(2026, 11, 8)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kHarvest, LocalNoon(2026, 6, 10)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kHarvest, LocalNoon(2026, 8, 10)));
  EXPECT_TRUE(InDemoSeason(DemoSeason::kAutumn, LocalNoon(2026, 11, 20)));
  EXPECT_FALSE(InDemoSeason(DemoSeason::kAutumn, LocalNoon(2026, 4, 20)));
  // 00:30 on 15 November in the city is still 14 November in UTC.
  EXPECT_TRUE(InDemoSeason(DemoSeason::kHeating, LocalNoon(2026, 11, 15) - 11 * 3600 - 1800));
  EXPECT_EQ(ParseDemoSeason("heating"), DemoSeason::kHeating);
  EXPECT_EQ(ParseDemoSeason(""), DemoSeason::kAny);
  EXPECT_FALSE(ParseDemoSeason("winter").has_value());
}

// Month * 100 + day of `t` in the city.
int LocalMonthDay(UnixSeconds t) {
  const std::string date = CivilFromDays(static_cast<int>((t + WorkCalendar::kUtcOffsetSeconds) / 86400));
  return std::stoi(date.substr(5, 2)) * 100 + std::stoi(date.substr(8, 2));
}

// A year of demo appeals reads as people write: no "4百米" or "3十元", no
// placeholders left, plausible deposits, heating complaints in the heating
// season and mosquitoes in summer; the units' named staff sign and reply.
TEST(DemoText, AYearOfDemoAppealsHasNoGeneratorArtefacts) {
  auto store = SqliteStore::Open(":memory:").value();
  DemoOptions opt;
  opt.data_dir = DataDir();
  opt.appeals = 3000;
  opt.now = 1'795'000'000;  // November 2026: the history spans a whole year
  ASSERT_TRUE(SeedDemoCity(*store, opt, WorkCalendar()).ok());
  const std::int64_t n = *store->CountTickets();
  ASSERT_GT(n, 2500);

  const std::regex digit_then_number_word("[0-9](十|百|千)");
  const std::regex deposit("([0-9]+)元(装修)?押金");
  const std::regex heating("供暖|暖气|室温|停暖|开栓|结冰|零下");
  const std::regex summer("蚊|空调|中暑|夏天");
  const std::regex national_day("国庆");
  int heating_seen = 0, summer_seen = 0, deposits_seen = 0;
  std::map<std::string, int> signed_by;  // username → sign events
  std::set<std::string> usernames;
  const auto users = store->ListUsers();  // kept: *temporary in a range-for would dangle
  ASSERT_TRUE(users.ok());
  for (const User& u : *users) usernames.insert(u.username);
  for (TicketId id = 1; id <= n; ++id) {
    auto t = store->GetTicket(id);
    ASSERT_TRUE(t.ok());
    const std::string& text = t->appeal.content;
    EXPECT_FALSE(std::regex_search(text, digit_then_number_word)) << text;
    EXPECT_EQ(text.find_first_of("{}"), std::string::npos) << text;
    std::smatch m;
    if (std::regex_search(text, m, deposit)) {
      ++deposits_seen;
      EXPECT_GE(std::stol(m[1]), 500) << text;
    }
    const int md = LocalMonthDay(t->created_at);
    if (std::regex_search(text, heating)) {
      ++heating_seen;
      EXPECT_TRUE(md >= 1115 || md <= 315) << md << " " << text;
    }
    if (std::regex_search(text, summer)) {
      ++summer_seen;
      EXPECT_TRUE(md >= 501 && md <= 1015) << md << " " << text;
    }
    if (std::regex_search(text, national_day)) {
      EXPECT_TRUE(md >= 1001 && md <= 1031) << md << " " << text;
    }
    const auto events = store->GetEvents(id);
    ASSERT_TRUE(events.ok());
    for (const Event& e : *events)
      if (e.command == "sign") {
        EXPECT_TRUE(usernames.count(e.actor.username)) << e.actor.username;
        ++signed_by[e.actor.username];
      }
  }
  EXPECT_GT(heating_seen, 10);  // the checks above were exercised
  EXPECT_GT(summer_seen, 5);
  EXPECT_GT(deposits_seen, 0);
  int by_named_staff = 0, by_unit_account = 0;
  for (const auto& [username, count] : signed_by)
    (username.ends_with(".1") || username.ends_with(".2") ? by_named_staff : by_unit_account) += count;
  EXPECT_GT(by_named_staff, 4 * by_unit_account);
  EXPECT_GT(by_unit_account, 0);
}

TEST(DemoCity, EveryUnitHasTwoNamedStaffBesideItsAccount) {
  auto store = SqliteStore::Open(":memory:").value();
  ASSERT_TRUE(LoadReferenceFiles(*store, DataDir()).ok());
  ASSERT_TRUE(CreateDemoAccounts(*store, "demo").ok());
  const auto units = store->LoadUnits().value();
  std::set<std::string> names;
  for (const Unit& u : units) {
    auto account = store->FindUser(u.code);
    ASSERT_TRUE(account.ok()) << u.code;
    EXPECT_EQ(account->display_name, u.name);
    for (int k = 1; k <= 2; ++k) {
      auto staff = store->FindUser(DemoStaffUsername(u.code, k));
      ASSERT_TRUE(staff.ok()) << u.code << "." << k;
      EXPECT_EQ(staff->role, Role::kUnitStaff);
      EXPECT_EQ(staff->unit, u.code);
      EXPECT_TRUE(staff->active);
      // A personal name: two or three Chinese characters, no unit name or code.
      EXPECT_GE(staff->display_name.size(), 6u) << staff->display_name;
      EXPECT_LE(staff->display_name.size(), 9u) << staff->display_name;
      EXPECT_EQ(staff->password_hash, account->password_hash);  // one hash: fast start-up
      names.insert(staff->display_name);
    }
  }
  EXPECT_EQ(names.size(), 2 * units.size());  // nobody shares a name
  EXPECT_EQ(DemoStaffUsername("LC-D01-S01", 1), "LC-D01-S01.1");
  EXPECT_EQ(DemoStaffName(0), DemoStaffName(0));
  EXPECT_NE(DemoStaffName(0), DemoStaffName(1));
}

}  // namespace
}  // namespace hotline::app

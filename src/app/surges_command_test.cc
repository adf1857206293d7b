// `hotline surges` (DESIGN.md §5): date,series,count rows in, date,series,count,expected,score,alarm rows out.
#include "app/surges_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "app/csv_reader.h"
#include "app/reference_files.h"
#include "domain/work_calendar.h"

namespace hotline::app {
namespace {

struct Outcome {
  int status = 0;
  std::string out, err;
};

Outcome Surges(const std::string& csv, const analytics::HolidayCalendar& holidays = {}) {
  std::ostringstream out, err;
  Outcome r;
  r.status = RunSurgesOnText(SurgesCommand{}, "in.csv", csv, holidays, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// 150 days of a steady series "热力 供暖" from 2023-09-01 with a surge in its last four days,
// and a second series (a name that needs quoting) with only two rows.
std::string Input() {
  std::mt19937_64 rng(5);
  std::string csv = "date,series,count\n";
  const int first = DaysFromCivil(2023, 9, 1);
  for (int i = 0; i < 150; ++i) {
    std::int64_t c = std::poisson_distribution<std::int64_t>(10)(rng);
    if (i >= 146) c += 12;
    if (i == 20) continue;  // a day without a row counts 0
    csv += CivilFromDays(first + i) + ",热力 供暖," + std::to_string(c) + "\n";
  }
  csv += "2024-01-27,\"district 2, \"\"east\"\"\",3\n2024-01-25,\"district 2, \"\"east\"\"\",1\n";
  return csv;
}

TEST(SurgesCommand, WritesEveryDayOfEverySeriesWithExpectedScoreAndAlarm) {
  const Outcome r = Surges(Input());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto table = CsvTable::Parse(r.out);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "date,series,count,expected,score,alarm");
  // 150 days of the first series (2023-09-01 … 2024-01-28), then 2024-01-25 … 2024-01-28 of the second.
  ASSERT_EQ(table->size(), 154u);
  EXPECT_EQ(table->Get(0, "date"), "2023-09-01");
  EXPECT_EQ(table->Get(0, "series"), "热力 供暖");
  EXPECT_EQ(table->Get(0, "expected"), "");  // no history yet
  EXPECT_EQ(table->Get(0, "score"), "");
  EXPECT_EQ(table->Get(0, "alarm"), "0");
  EXPECT_EQ(table->Get(20, "count"), "0");   // the missing day
  EXPECT_EQ(table->Get(62, "expected"), "");
  EXPECT_NE(table->Get(63, "expected"), "");  // 56 days of history + the 7-day gap
  int alarms_before = 0;
  for (std::size_t i = 63; i < 146; ++i) {
    const double expected = std::stod(table->Get(i, "expected"));
    EXPECT_NEAR(expected, 10, 3) << i;
    EXPECT_EQ(table->Get(i, "expected").size() - table->Get(i, "expected").find('.'), 5u);  // 4 decimals
    alarms_before += table->Get(i, "alarm") == "1";
  }
  EXPECT_EQ(alarms_before, 0);
  EXPECT_EQ(table->Get(149, "date"), "2024-01-28");
  EXPECT_EQ(table->Get(149, "alarm"), "1");  // +12 a day for four days on a level of 10
  EXPECT_GE(std::stod(table->Get(149, "score")), 3.0);
  EXPECT_EQ(table->Get(150, "series"), "district 2, \"east\"");
  EXPECT_EQ(table->Get(150, "date"), "2024-01-25");
  EXPECT_EQ(table->Get(151, "count"), "0");
  EXPECT_EQ(table->Get(152, "count"), "3");
  EXPECT_EQ(table->Get(153, "date"), "2024-01-28");  // runs to the file's last date
}

TEST(SurgesCommand, ColumnsInAnyOrderAndAnEmptyInput) {
  const Outcome r = Surges("count,date,series\n4,2024-01-01,a\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "date,series,count,expected,score,alarm\n2024-01-01,a,4,,,0\n");
  EXPECT_EQ(Surges("date,series,count\n").out, "date,series,count,expected,score,alarm\n");
}

void ExpectRefused(const std::string& csv, const std::string& message) {
  const Outcome r = Surges(csv);
  EXPECT_EQ(r.status, 2) << csv;
  EXPECT_EQ(r.out, "") << csv;  // nothing written
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
}

TEST(SurgesCommand, BadInputIsRefusedNamingTheLineAndTheField) {
  const std::string header = "date,series,count\n";
  const std::string good = "2024-01-01,a,1\n";
  ExpectRefused(header + good + "2024-02-30,a,1\n", "in.csv: line 3: field date: '2024-02-30' is not a date");
  ExpectRefused(header + good + "2024/01/02,a,1\n", "line 3: field date:");
  ExpectRefused(header + good + "2024-01-02,a,-1\n", "line 3: field count: '-1' is not a whole number");
  ExpectRefused(header + good + "2024-01-02,a,1.5\n", "line 3: field count: '1.5'");
  ExpectRefused(header + good + "2024-01-02,a,\n", "line 3: field count: ''");
  ExpectRefused(header + good + "2024-01-02,a\n", "line 3: field count:");
  ExpectRefused(header + good + "2024-01-02,,1\n", "line 3: field series: is required");
  ExpectRefused(header + good + "2024-01-01,a,2\n", "line 3: field date: repeats series 'a' on 2024-01-01 (line 2)");
  ExpectRefused(header + good + "2024-01-02,a,1,x\n", "line 3: field column 4: unknown column");
  ExpectRefused("date,series\n" + good, "line 1: field count: missing column");
  ExpectRefused(header + good + "2024-01-02,\"a,1\n", "line 3:");  // a quote left open
  // Every bad line is listed (the first 20), with their number.
  const Outcome r = Surges(header + "x,a,1\n" + good + "2024-01-02,a,y\n");
  EXPECT_NE(r.err.find("line 2: field date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 4: field count"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(2 bad lines)"), std::string::npos) << r.err;
}

TEST(SurgesCommand, ReadsTheFileAndTheOfficialCalendar) {
  auto cal = LoadHolidayCalendar(DataDir() + "/calendar/cn_holidays.csv");
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_TRUE(cal->IsHoliday(DaysFromCivil(2023, 1, 23)));
  EXPECT_TRUE(cal->IsWorkday(DaysFromCivil(2023, 1, 28)));
  EXPECT_FALSE(cal->IsHoliday(DaysFromCivil(2023, 3, 1)));

  const auto dir = std::filesystem::temp_directory_path() / ("surges_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  SurgesCommand cmd;
  cmd.input = (dir / "counts.csv").string();
  std::ofstream(cmd.input) << "date,series,count\n2024-01-01,a,2\n";
  std::ostringstream out, err;
  EXPECT_EQ(RunSurges(cmd, out, err), 0) << err.str();
  EXPECT_EQ(out.str(), "date,series,count,expected,score,alarm\n2024-01-01,a,2,,,0\n");

  std::ofstream(dir / "bad_calendar.csv") << "date,kind\n2024-01-01,party\n";
  cmd.holidays = (dir / "bad_calendar.csv").string();
  std::ostringstream out2, err2;
  EXPECT_EQ(RunSurges(cmd, out2, err2), 1);
  EXPECT_EQ(out2.str(), "");
  EXPECT_NE(err2.str().find("field kind"), std::string::npos) << err2.str();

  cmd.holidays.clear();
  cmd.input = (dir / "missing.csv").string();
  std::ostringstream out3, err3;
  EXPECT_EQ(RunSurges(cmd, out3, err3), 1);
  EXPECT_NE(err3.str().find("cannot read"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hotline::app

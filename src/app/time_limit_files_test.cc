#include "app/time_limit_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/reference_files.h"
#include "domain/state_machine.h"
#include "store/temp_dir.h"

namespace hotline::app {
namespace {

TimeLimit L(const char* text) { return ParseTimeLimit(text).value(); }

TimeLimit LimitFor(const TimeLimitPolicy& policy, const AppealFacts& facts, DeadlineKind kind) {
  return policy.Lookup(facts)[static_cast<std::size_t>(kind)].limit;
}

// --- the shipped files ------------------------------------------------------------------

TEST(TimeLimitFiles, ShippedFilesLoad) {
  auto files = LoadTimeLimitFiles(DataDir());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(files->working_hours.periods(), WorkingHours().periods());
  std::vector<int> expected_years;
  for (int y = 2019; y <= 2026; ++y) expected_years.push_back(y);
  EXPECT_EQ(files->calendar_years, expected_years);
}

TEST(TimeLimitFiles, ShippedRulesFollowDB11TAnd2110) {
  const TimeLimitPolicy policy = LoadTimeLimitPolicyFile(DataDir() + "/policies/time_limits.csv").value();
  const auto facts = [](Urgency u, bool enterprise = false) {
    return AppealFacts{AppealType::kHelp, "0101", u, Channel::kPhone, enterprise};
  };
  // Taken (sign) within 1 h / 2 h / 24 h; answered (reply) within 2 h / 24 h / 7 days.
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kUrgent), DeadlineKind::kSign), L("1 natural_hours"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kImportant), DeadlineKind::kSign), L("2 natural_hours"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kNormal), DeadlineKind::kSign), L("24 natural_hours"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kUrgent), DeadlineKind::kReply), L("2 natural_hours"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kImportant), DeadlineKind::kReply), L("24 natural_hours"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kNormal), DeadlineKind::kReply), L("7 natural_days"));
  // 2110 for a normal company appeal.
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kNormal, true), DeadlineKind::kContact), L("2 natural_hours"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kNormal, true), DeadlineKind::kReply), L("1 working_days"));
  EXPECT_EQ(LimitFor(policy, facts(Urgency::kNormal, true), DeadlineKind::kHandle), L("10 working_days"));
}

// The handling limits before issue 10 (Policy in state_machine.h) are kept by the data.
TEST(TimeLimitFiles, ShippedHandlingLimitsMatchTheBuiltInPolicy) {
  const TimeLimitPolicy policy = LoadTimeLimitPolicyFile(DataDir() + "/policies/time_limits.csv").value();
  const Policy built_in;
  for (int i = 0; i < 6; ++i) {
    const AppealFacts citizen{static_cast<AppealType>(i), "0101", Urgency::kNormal, Channel::kPhone, false};
    EXPECT_EQ(LimitFor(policy, citizen, DeadlineKind::kHandle), (TimeLimit{built_in.handling_days[i], LimitUnit::kWorkingDays}))
        << Name(citizen.appeal_type);
    AppealFacts company = citizen;
    company.enterprise = true;
    EXPECT_EQ(LimitFor(policy, company, DeadlineKind::kHandle),
              (TimeLimit{built_in.enterprise_handling_days, LimitUnit::kWorkingDays}));
  }
}

// --- errors name the file, the line and the field -------------------------------------

class TimeLimitFileErrors : public ::testing::Test {
 protected:
  static constexpr const char* kHeader =
      "# comment\nrule,appeal_type,category,urgency,channel,enterprise,sign,contact,reply,handle,callback,note\n";
  static constexpr const char* kDefault =
      "default,,,,,,24 natural_hours,1 working_days,7 natural_days,7 natural_days,2 working_days,\n";
  std::string Write(const std::string& text) {
    const std::string path = dir_.Path("rules.csv");
    std::ofstream(path) << text;
    return path;
  }
  Status PolicyError(const std::string& rows) { return LoadTimeLimitPolicyFile(Write(kHeader + rows)).status(); }
  TempDir dir_;
};

TEST_F(TimeLimitFileErrors, AGoodFileLoads) {
  auto policy = LoadTimeLimitPolicyFile(Write(std::string(kHeader) + kDefault +
                                              "company,,,,,yes,,2 natural_hours,,,,\n"));
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_EQ(policy->rules().size(), 2u);
  EXPECT_EQ(policy->rules()[1].enterprise, true);
}

TEST_F(TimeLimitFileErrors, UnknownConditionsAndLimits) {
  Status s = PolicyError(std::string(kDefault) + "x,,,very_urgent,,,1 natural_hours,,,,,\n");
  EXPECT_EQ(s.field(), "urgency");
  EXPECT_NE(s.message().find("rules.csv line 4: unknown urgency 'very_urgent'"), std::string::npos) << s.message();
  s = PolicyError(std::string(kDefault) + "x,petition,,,,,1 natural_hours,,,,,\n");
  EXPECT_EQ(s.field(), "appeal_type");
  s = PolicyError(std::string(kDefault) + "x,,,,fax,,1 natural_hours,,,,,\n");
  EXPECT_EQ(s.field(), "channel");
  s = PolicyError(std::string(kDefault) + "x,,,,,maybe,1 natural_hours,,,,,\n");
  EXPECT_EQ(s.field(), "enterprise");
  s = PolicyError(std::string(kDefault) + "x,,,urgent,,,,,2 hours,,,\n");
  EXPECT_EQ(s.field(), "reply");
  EXPECT_NE(s.message().find("line 4"), std::string::npos) << s.message();
}

TEST_F(TimeLimitFileErrors, PolicyRefusalsPointAtTheRulesLine) {
  Status s = PolicyError(std::string(kDefault) + "a,,,urgent,,,1 natural_hours,,,,,\n\nb,,,urgent,,,2 natural_hours,,,,,\n");
  EXPECT_EQ(s.field(), "rule");
  EXPECT_NE(s.message().find("line 6: rule 'b': has the same conditions as rule 'a'"), std::string::npos)
      << s.message();
  s = PolicyError("a,,,urgent,,,1 natural_hours,,,,,\n");
  EXPECT_EQ(s.field(), "rules");  // no default rule
  EXPECT_NE(s.message().find("rules.csv: a default rule"), std::string::npos) << s.message();
}

TEST_F(TimeLimitFileErrors, MissingColumnsAndFiles) {
  const Status s = LoadTimeLimitPolicyFile(Write("rule,sign\ndefault,1 natural_hours\n")).status();
  EXPECT_NE(s.message().find("no column"), std::string::npos) << s.message();
  EXPECT_EQ(LoadTimeLimitFiles(dir_.Path("nowhere")).status().code(), StatusCode::kNotFound);
}

TEST_F(TimeLimitFileErrors, ADataDirectoryWithoutCalendarCoversNoYear) {
  std::filesystem::create_directories(dir_.path() / "policies");
  std::ofstream(dir_.Path("policies/time_limits.csv")) << kHeader << kDefault;
  std::ofstream(dir_.Path("policies/working_hours.csv")) << "start,end\n08:00,12:00\n";
  auto files = LoadTimeLimitFiles(dir_.path().string());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_TRUE(files->calendar_years.empty());
  EXPECT_EQ(files->working_hours.seconds_per_day(), 4 * 3600);
  EXPECT_EQ(files->policy.rules().size(), 1u);
}

TEST_F(TimeLimitFileErrors, WorkingHours) {
  const std::string path = dir_.Path("hours.csv");
  std::ofstream(path) << "start,end\n09:00,12:00\n11:00,17:00\n";
  Status s = LoadWorkingHoursFile(path).status();
  EXPECT_EQ(s.field(), "working_hours[1]");
  EXPECT_NE(s.message().find("hours.csv line 3"), std::string::npos) << s.message();
  std::ofstream(path) << "start,end\n9h,12:00\n";
  EXPECT_EQ(LoadWorkingHoursFile(path).status().field(), "start");
  std::ofstream(path) << "start,end\n08:30,12:00\n14:00,18:00\n";
  auto hours = LoadWorkingHoursFile(path);
  ASSERT_TRUE(hours.ok());
  EXPECT_EQ(hours->seconds_per_day(), 7 * 3600 + 1800);
}

TEST_F(TimeLimitFileErrors, CalendarYears) {
  const std::string path = dir_.Path("cal.csv");
  std::ofstream(path) << "date,kind\n2027-01-01,holiday\n2025-10-01,holiday\n2027-02-01,holiday\n";
  EXPECT_EQ(LoadCalendarYears(path).value(), (std::vector<int>{2025, 2027}));
  std::ofstream(path) << "date,kind\n2027-1-1,holiday\n";
  const Status s = LoadCalendarYears(path).status();
  EXPECT_EQ(s.field(), "date");
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace hotline::app

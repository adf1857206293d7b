// `hotline dedupe` (DESIGN.md §5): JSON lines in, {id, group} lines out.
#include "app/dedupe_command.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hotline::app {
namespace {

struct Outcome {
  int status = 0;
  std::vector<nlohmann::json> rows;
  std::string err;
};

Outcome Dedupe(const std::string& input, DedupeCommand cmd = {}) {
  std::istringstream in(input);
  std::ostringstream out, err;
  Outcome r;
  r.status = RunDedupe(cmd, in, out, err);
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) r.rows.push_back(nlohmann::json::parse(line));
  r.err = err.str();
  return r;
}

const std::string kPlant =
    "A市暮云街道丽发新城小区旁边建了一个搅拌站，每天噪音很大，粉尘严重，影响居民休息，请相关部门尽快处理。";
const std::string kPlantAgain = "丽发新城小区附近的搅拌站噪音很大，粉尘严重，严重影响居民休息，希望相关部门尽快处理。";

TEST(DedupeCommand, GroupsByTheEarliestMemberInInputOrder) {
  const std::string input =
      R"({"id":"b","text":")" + kPlantAgain + R"(","time":"2019-12-02T09:00:00+08:00","caller":"13800001111"})" "\n"
      R"({"id":7,"text":"请问办理居住证需要哪些材料？","time":1575000000})" "\n"
      "\n"
      R"({"id":"a","text":")" + kPlant + R"(","time":"2019-11-20 10:00:00","lat":28.1,"lon":112.98,"address":"丽发新城"})" "\n";
  const Outcome r = Dedupe(input);
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0], (nlohmann::json{{"id", "b"}, {"group", "a"}}));
  EXPECT_EQ(r.rows[1], (nlohmann::json{{"id", 7}, {"group", 7}}));  // the id keeps its JSON type
  EXPECT_EQ(r.rows[2], (nlohmann::json{{"id", "a"}, {"group", "a"}}));
}

TEST(DedupeCommand, TheWindowAndTheThresholdAreOptions) {
  const std::string input = R"({"id":"a","text":")" + kPlant + R"(","time":"2019-01-01"})" "\n"
                            R"({"id":"b","text":")" + kPlant + R"(","time":"2019-12-01"})" "\n";
  EXPECT_EQ(Dedupe(input).rows.at(1)["group"], "b");  // 334 days apart: beyond the 90-day default
  DedupeCommand any;
  any.options.window_seconds = 0;
  EXPECT_EQ(Dedupe(input, any).rows.at(1)["group"], "a");
  const std::string near = R"({"id":"a","text":")" + kPlant + R"(","time":"2019-12-01"})" "\n"
                           R"({"id":"b","text":")" + kPlantAgain + R"(","time":"2019-12-02"})" "\n";
  EXPECT_EQ(Dedupe(near).rows.at(1)["group"], "a");
  DedupeCommand strict;
  strict.options.threshold = 1.0;
  EXPECT_EQ(Dedupe(near, strict).rows.at(1)["group"], "b");
}

TEST(DedupeCommand, BadLinesRefuseTheInputNamingLineAndField) {
  const std::string input = R"({"id":"a","text":"路灯坏了","time":"2019-12-01"})" "\n"
                            R"({"id":"b","text":"路灯坏了","time":"2019-02-30"})" "\n"
                            R"({"id":"c","text":"路灯坏了","time":"2019-12-01","lat":28.1})" "\n"
                            "not json\n"
                            R"({"id":"a","text":"路灯坏了","time":"2019-12-01"})" "\n"
                            R"({"id":"e","text":"路灯坏了","time":"2019-12-01","lng":112.9,"lat":28.1})" "\n"
                            R"({"id":"f","time":"2019-12-01"})" "\n"
                            R"({"id":1.5,"text":"路灯坏了","time":"2019-12-01"})" "\n";
  const Outcome r = Dedupe(input);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.rows.empty());
  for (const char* expected :
       {"line 2: field time: \"2019-02-30\" is not an ISO 8601 date-time", "line 3: field lon:", "line 4: not a JSON object",
        "line 5: field id: repeats the id of line 1", "line 6: field lng: unknown field", "line 7: field text:",
        "line 8: field id:", "input refused (7 bad lines)"})
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  EXPECT_EQ(r.err.find("line 1:"), std::string::npos);
}

TEST(DedupeCommand, EmptyInputIsEmptyOutput) {
  const Outcome r = Dedupe("");
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.rows.empty());
}

}  // namespace
}  // namespace hotline::app

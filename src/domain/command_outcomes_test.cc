// The state machine as a golden file: every state × command × actor (each role,
// and unit staff of the lead unit, of the unit above it, of a sibling and of a
// unit below) with valid input, and what happens — "→ new_state" or the refusal.
// A change to the command table shows as a diff of testdata/command_outcomes.txt;
// after checking that diff, regenerate with HOTLINE_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

using namespace hotline::testing;

std::map<std::string, CommandInput> ValidInputs() {
  std::map<std::string, CommandInput> v;
  v["dispatch"].unit = "S1C1";
  v["return"].reason = "不属于本单位职责";
  v["request-extension"].days = 3;
  v["request-extension"].reason = "等待配件";
  v["decide-extension"].approve = true;
  v["reply"].content = "已处理";
  v["reply"].result = ReplyResult::kResolved;
  v["review"].accept = true;
  v["callback"].satisfaction = Satisfaction::kSatisfied;
  v["callback"].resolved = true;
  v["reopen"].reason = "仍未解决";
  v["close"].reason = "多次联系不上";
  v["supervise"].level = 1;
  v["escalate"].level = 1;
  v["escalate"].reason = "久拖不决";
  v["answer-directly"].content = "政策答复";
  v["out-of-scope"].reason = "司法程序中";
  v["transfer-emergency"].number = "110";
  v["merge"].main_ticket = 99;
  v["attach"].attachment = "a1";
  v["attach"].content = "photo.jpg";
  return v;
}

std::string Outcomes() {
  const UnitTree units = SmallCity();
  const Taxonomy taxonomy = SmallTaxonomy();
  Context ctx;
  ctx.units = &units;
  ctx.taxonomy = &taxonomy;
  ctx.now = 1'795'000'000;
  const std::vector<std::pair<std::string, Actor>> actors = {
      {"operator", Operator()},          {"dispatcher", Dispatcher()},   {"supervisor", Supervisor()},
      {"callback", CallbackAgent()},     {"analyst", Analyst()},         {"admin", {"admin", Role::kAdmin, ""}},
      {"citizen", {"portal", Role::kCitizen, ""}}, {"unit:lead", Staff("S1")}, {"unit:above", Staff("D1")},
      {"unit:sibling", Staff("S2")},     {"unit:below", Staff("S1C1")},
  };
  const auto inputs = ValidInputs();
  std::ostringstream out;
  out << "# state command actor -> outcome (lead unit S1 under D1; sibling S2; below S1C1)\n";
  for (auto state : TicketStateNames()) {
    for (const std::string& cmd : CommandNames()) {
      for (const auto& [who, actor] : actors) {
        Ticket t = Intake(HeatingAppeal(), Operator(), ctx).value().ticket;
        t.id = 7;
        t.state = *ParseTicketState(state);
        t.lead_unit = IsTerminal(t.state) || state == "triage" || state == "to_dispatch" ? "" : "S1";
        t.callback_attempts = 3;
        t.extension_pending = cmd == "decide-extension";
        auto it = inputs.find(cmd);
        auto r = Apply(t, cmd, it == inputs.end() ? CommandInput{} : it->second, actor, ctx);
        out << state << ' ' << cmd << ' ' << who << " -> ";
        if (r.ok()) out << "ok " << Name(r->ticket.state);
        else out << r.status().code_name();
        out << '\n';
      }
    }
  }
  return out.str();
}

TEST(CommandOutcomesTest, MatchTheGoldenFile) {
  const std::string path = std::string(HOTLINE_SOURCE_DIR) + "/src/domain/testdata/command_outcomes.txt";
  const std::string actual = Outcomes();
  if (const char* update = std::getenv("HOTLINE_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path) << actual;
    GTEST_SKIP() << "wrote " << path;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path << " (run with HOTLINE_UPDATE_GOLDEN=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  std::istringstream want(expected.str()), got(actual);
  std::string w, g;
  int line = 0, differences = 0;
  while (true) {
    const bool more_wanted = static_cast<bool>(std::getline(want, w));
    const bool more_got = static_cast<bool>(std::getline(got, g));
    if (!more_wanted && !more_got) break;
    if (!more_wanted) w = "<end of file>";
    if (!more_got) g = "<end of output>";
    ++line;
    if (w != g && ++differences <= 20)
      ADD_FAILURE() << "line " << line << ": expected \"" << w << "\", got \"" << g << "\"";
  }
  EXPECT_EQ(differences, 0) << "the command table changed; check the diff, then HOTLINE_UPDATE_GOLDEN=1";
}

}  // namespace
}  // namespace hotline

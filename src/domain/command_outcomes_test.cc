// The state machine as a golden file: every state × command × actor (each role,
// and unit staff of the lead unit, of the unit above it, of a sibling and of a
// unit below) with valid input, and what happens — "→ new_state" or the refusal.
// A change to the command table shows as a diff of testdata/command_outcomes.txt;
// after checking that diff, regenerate with HOTLINE_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

using namespace hotline::testing;

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
  const auto inputs = ValidCommandInputs();
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

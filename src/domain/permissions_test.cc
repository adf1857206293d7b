#include "domain/permissions.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/test_fixtures.h"

namespace hotline {
namespace {

using namespace hotline::testing;

TEST(PermissionsTest, NamesAreStableSnakeCaseAndParse) {
  std::set<std::string_view> seen;
  for (Capability c : AllCapabilities()) {
    const std::string_view name = Name(c);
    EXPECT_TRUE(seen.insert(name).second) << name;
    for (char ch : name) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == '_') << name;
    EXPECT_EQ(ParseCapability(name), c) << name;
    EXPECT_FALSE(Describe(c).empty()) << name;
  }
  EXPECT_EQ(ParseCapability("nothing"), std::nullopt);
  EXPECT_EQ(Name(Capability::kPersonalData), "personal_data");
  EXPECT_EQ(Name(AccessScope::kUnitSubtree), "unit_subtree");
}

TEST(PermissionsTest, AdminHoldsEverythingAndCitizensOnlyThePortal) {
  for (Capability c : AllCapabilities()) {
    EXPECT_EQ(ScopeOf(Role::kAdmin, c), c == Capability::kOwnAccount ? AccessScope::kOwnAccount : AccessScope::kAll)
        << Name(c);
    const AccessScope citizen = ScopeOf(Role::kCitizen, c);
    EXPECT_TRUE(citizen == AccessScope::kNone || citizen == AccessScope::kPublic) << Name(c);
    for (Role r : AllRoles())
      if (r != Role::kCitizen) {
        EXPECT_NE(ScopeOf(r, c), AccessScope::kPublic) << Name(r) << ' ' << Name(c);
      }
  }
}

// The rules that were scattered in the service before the table, spelled out once.
TEST(PermissionsTest, KeepsTheRulesTheServiceApplied) {
  auto roles_with = [](Capability c) {
    std::set<Role> out;
    for (Role r : AllRoles())
      if (Allows(r, c)) out.insert(r);
    return out;
  };
  using R = Role;
  EXPECT_EQ(roles_with(Capability::kPersonalData),
            (std::set<Role>{R::kOperator, R::kUnitStaff, R::kSupervisor, R::kCallbackAgent, R::kAdmin}));
  EXPECT_EQ(roles_with(Capability::kQueryCode), (std::set<Role>{R::kOperator, R::kAdmin, R::kCitizen}));
  EXPECT_EQ(roles_with(Capability::kTriage),
            (std::set<Role>{R::kOperator, R::kDispatcher, R::kSupervisor, R::kCallbackAgent, R::kAdmin}));
  EXPECT_EQ(roles_with(Capability::kKbEdit), (std::set<Role>{R::kSupervisor, R::kAdmin}));
  // The clearing ledger: supervisors and analysts the whole city, unit staff their subtree.
  EXPECT_EQ(roles_with(Capability::kLedger),
            (std::set<Role>{R::kUnitStaff, R::kSupervisor, R::kAnalyst, R::kAdmin}));
  EXPECT_EQ(ScopeOf(R::kUnitStaff, Capability::kLedger), AccessScope::kUnitSubtree);
  for (Capability c : {Capability::kUserAdmin, Capability::kReferenceAdmin, Capability::kTimeLimitAdmin, Capability::kAuditRead,
                       Capability::kPersonalDataRecord})
    EXPECT_EQ(roles_with(c), std::set<Role>{R::kAdmin}) << Name(c);
  for (Capability c : {Capability::kTicketRead, Capability::kTicketList, Capability::kStats, Capability::kLiveEvents,
                       Capability::kAttachmentRead, Capability::kRelatedTickets, Capability::kSearchByPhone,
                       Capability::kPersonalData})
    EXPECT_EQ(ScopeOf(R::kUnitStaff, c), AccessScope::kUnitSubtree) << Name(c);
  // Only roles that see phones may search by one (masked numbers must not be recoverable by guessing).
  for (Role r : AllRoles())
    EXPECT_EQ(ScopeOf(r, Capability::kSearchByPhone), ScopeOf(r, Capability::kPersonalData)) << Name(r);
}

TEST(PermissionsTest, IntakeFollowsTheTable) {
  const UnitTree units = SmallCity();
  Context ctx;
  ctx.units = &units;
  for (Role r : AllRoles()) {
    const auto t = Intake(HeatingAppeal(), {"x", r, r == Role::kUnitStaff ? "S1" : ""}, ctx);
    EXPECT_EQ(t.ok(), Allows(r, Capability::kIntake)) << Name(r);
    if (!t.ok()) {
      EXPECT_EQ(t.status().code(), StatusCode::kPermissionDenied) << Name(r);
    }
  }
}

TEST(PermissionsTest, UnitSubtreeCoversLeadCoHandlersAndDispatchChain) {
  const UnitTree units = SmallCity();
  Ticket t;
  EXPECT_FALSE(WithinUnitSubtree(t, "S1", units));  // not dispatched: in no unit
  t.lead_unit = "S1C1";
  EXPECT_TRUE(WithinUnitSubtree(t, "S1C1", units));
  EXPECT_TRUE(WithinUnitSubtree(t, "S1", units));  // below the actor's unit
  EXPECT_TRUE(WithinUnitSubtree(t, "D1", units));
  EXPECT_FALSE(WithinUnitSubtree(t, "S2", units));  // sibling
  EXPECT_FALSE(WithinUnitSubtree(t, "", units));
  t.lead_unit = "D1";
  EXPECT_FALSE(WithinUnitSubtree(t, "S1", units));  // above
  t.co_units = {"S2"};
  EXPECT_TRUE(WithinUnitSubtree(t, "S2", units));  // co-handler
  t.co_units.clear();
  t.dispatch_chain = {"S3"};
  EXPECT_TRUE(WithinUnitSubtree(t, "S3", units));  // dispatched it further down

  EXPECT_TRUE(AllowsTicket(Staff("S3"), Capability::kTicketRead, t, units));
  EXPECT_FALSE(AllowsTicket(Staff("S1"), Capability::kTicketRead, t, units));
  EXPECT_TRUE(AllowsTicket(Analyst(), Capability::kTicketRead, t, units));
  EXPECT_FALSE(AllowsTicket(Analyst(), Capability::kPersonalData, t, units));
  const Actor citizen{"portal", Role::kCitizen, ""};
  EXPECT_FALSE(AllowsTicket(citizen, Capability::kTicketRead, t, units));
  EXPECT_TRUE(AllowsTicket(citizen, Capability::kTicketRead, t, units, /*holds_query_code=*/true));
}

// For staff, the ticket_read scope is what the state machine's CanSee decides.
TEST(PermissionsTest, TicketReadScopeMatchesCanSee) {
  const UnitTree units = SmallCity();
  std::vector<Ticket> tickets(5);
  tickets[1].lead_unit = "S1";
  tickets[2].lead_unit = "S2";
  tickets[2].co_units = {"S1C1"};
  tickets[3].lead_unit = "D1";
  tickets[3].dispatch_chain = {"C"};
  tickets[4].lead_unit = "HEAT";
  std::vector<Actor> actors = {Operator(), Dispatcher(), Supervisor(), CallbackAgent(), Analyst(),
                               {"admin", Role::kAdmin, ""}};
  for (const char* u : {"C", "D1", "S1", "S1C1", "S2", "D2", "HEAT"}) actors.push_back(Staff(u));
  for (const char* u : {"D1", "S1", "D2"}) actors.push_back({std::string(u) + ".sup", Role::kSupervisor, u});
  for (const Actor& a : actors)
    for (std::size_t i = 0; i < tickets.size(); ++i)
      EXPECT_EQ(AllowsTicket(a, Capability::kTicketRead, tickets[i], units), CanSee(tickets[i], a, units))
          << Name(a.role) << ' ' << a.unit << " ticket " << i;
}

// CommandTable() describes exactly what Apply refuses with PermissionDenied.
TEST(PermissionsTest, CommandTableDescribesTheStateMachine) {
  const UnitTree units = SmallCity();
  Context ctx;
  ctx.units = &units;
  std::vector<Actor> actors = {Operator(), Dispatcher(), Supervisor(), CallbackAgent(), Analyst(),
                               {"admin", Role::kAdmin, ""}, {"portal", Role::kCitizen, ""}};
  for (const char* u : {"D1", "S1", "S1C1", "S2"}) actors.push_back(Staff(u));
  for (const char* u : {"D1", "S2"}) actors.push_back({std::string(u) + ".sup", Role::kSupervisor, u});
  const auto table = CommandTable();
  ASSERT_EQ(table.size(), CommandNames().size());
  for (const CommandAuthority& c : table)
    for (auto state_name : TicketStateNames())
      for (const char* lead : {"", "S1"})
        for (bool extension_pending : {false, true})
        for (bool reply_awaiting : {false, true})
        for (bool paused : {false, true})
        for (int supervision : {0, 1, 2})  // none, one waiting for the unit's answer, one answered
        for (const Actor& a : actors) {
          Ticket t;
          if (supervision) {
            t.supervisions.emplace_back();
            t.supervisions.back().answered_at = supervision == 2 ? 1 : 0;
          }
          t.state = *ParseTicketState(state_name);
          t.lead_unit = lead;
          t.extension_pending = extension_pending;
          t.reply_awaiting = reply_awaiting;
          t.paused_at = paused ? 1 : 0;
          bool allowed = a.role == Role::kAdmin || std::count(c.roles.begin(), c.roles.end(), a.role) > 0;
          if (allowed && a.role == Role::kUnitStaff && c.unit_scope == UnitScope::kLeadUnit)
            allowed = !t.lead_unit.empty() && units.IsWithin(t.lead_unit, a.unit);
          if (allowed && a.role == Role::kUnitStaff &&
              (c.unit_scope == UnitScope::kCoUnit || c.unit_scope == UnitScope::kWhistled))
            allowed = false;  // these tickets have no co-units and no whistle
          if (allowed && a.role == Role::kSupervisor && !a.unit.empty())
            allowed = WithinUnitSubtree(t, a.unit, units);
          for (const auto& limit : c.role_states)
            if (allowed && limit.role == a.role)
              allowed = std::count(limit.only_in.begin(), limit.only_in.end(), t.state) > 0;
          const bool in_state = std::count(c.from.begin(), c.from.end(), t.state) > 0 &&
                                (!c.extension_pending || *c.extension_pending == t.extension_pending) &&
                                (!c.reply_awaiting || *c.reply_awaiting == t.reply_awaiting) &&
                                (!c.paused || *c.paused == paused) &&
                                (!c.supervision || (*c.supervision == "open" ? supervision > 0 : supervision == 1));
          const Status s = CheckCommandAllowed(t, c.name, a, ctx);
          const StatusCode want =
              !allowed ? StatusCode::kPermissionDenied : in_state ? StatusCode::kOk : StatusCode::kConflict;
          EXPECT_EQ(s.code(), want) << c.name << ' ' << state_name << " lead=" << lead << ' ' << Name(a.role) << ' '
                                    << a.unit << ": " << s.ToString();
        }
}

// docs/PERMISSIONS.md is the rendering of the two tables; regenerate it with
// HOTLINE_UPDATE_GOLDEN=1 (or `hotline permissions --out docs/PERMISSIONS.md`).
TEST(PermissionsTest, DocsMatchTheTables) {
  const std::string path = std::string(HOTLINE_SOURCE_DIR) + "/docs/PERMISSIONS.md";
  const std::string actual = PermissionsMarkdown();
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
  EXPECT_EQ(differences, 0) << "docs/PERMISSIONS.md is not the rendering of the tables: "
                               "`hotline permissions --out docs/PERMISSIONS.md` or HOTLINE_UPDATE_GOLDEN=1";
}

}  // namespace
}  // namespace hotline

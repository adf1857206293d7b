// The authorisation matrix over HTTP, generated from the two tables: the
// permission table (domain/permissions.h) and the command table
// (CommandTable() in domain/state_machine.h). No expected status is written by
// hand: each cell's is computed from the tables, so a change to a table changes
// the expectations, and a server that does not follow its tables fails the
// cell, which names itself (role, endpoint or command, ticket placement, state).
//
// Ticket placements are relative to one unit account, LC-D01-S01 (东华街道):
// its own unit, a unit below it, a sibling ticket it co-handles, the unit above
// it, a sibling unit, and no unit yet (not dispatched). Commands are probed
// with a body no command accepts, so nothing changes: the server answers 403
// (ticket_read scope, role, unit scope), then 409 (state), then 400 (input).
//
// Known defects (cells where the server answers differently from the tables)
// are listed in kKnownDefects with the answer the server gives today; when one
// is fixed its cell fails: delete the entry.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "api/views.h"
#include "domain/permissions.h"
#include "domain/supervision.h"
#include "support/stream_reader.h"
#include "support/test_server.h"

namespace hotline {
namespace {

using nlohmann::json;
using testing::HttpClient;
using testing::HttpResult;
using testing::StreamReader;
using testing::TestServer;

constexpr char kUnit[] = "LC-D01-S01";  // the unit account's unit (a street of district LC-D01)
constexpr char kCallerName[] = "王小明";
constexpr char kCallerPhone[] = "13912345678";
const Actor kAdmin{"admin", Role::kAdmin, ""};

// Where a ticket lies relative to kUnit.
struct Placement {
  std::string name;
  std::string lead;                   // empty: not dispatched
  std::vector<std::string> co_units;  // co-handlers
};
const std::vector<Placement> kPlacements = {
    {"own_unit", kUnit, {}},
    {"unit_below", "LC-D01-S01-C01", {}},
    {"co_handler", "LC-D01-S02", {kUnit}},
    {"unit_above", "LC-D01", {}},
    {"sibling_unit", "LC-D01-S02", {}},
};

struct TicketCase {
  std::string placement;
  Ticket ticket;            // as stored after setup
  bool within = false;      // WithinUnitSubtree(ticket, kUnit): the table's unit_subtree
  bool lead_within = false;  // the lead unit is kUnit or below it (commands with lead-unit scope)
  bool co_within = false;    // a co-unit is kUnit or below it (commands with co-unit scope)
  std::string attachment;   // an attachment's id, empty when none
  std::string Label() const { return placement + "/" + std::string(Name(ticket.state)); }
};

// Percent-encodes a query parameter's value.
std::string Q(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

// The start of a response body for a failure message, cut at a UTF-8 character boundary.
std::string Clip(const std::string& body, std::size_t max = 300) {
  if (body.size() <= max) return body;
  while (max > 0 && (static_cast<unsigned char>(body[max]) & 0xC0) == 0x80) --max;
  return body.substr(0, max) + "…";
}

const CommandAuthority& Command(const std::string& name) {
  static const std::vector<CommandAuthority> table = CommandTable();
  for (const CommandAuthority& c : table)
    if (c.name == name) return c;
  throw std::runtime_error("no command " + name);
}

bool InScope(AccessScope scope, bool within) {
  return scope == AccessScope::kAll || (scope == AccessScope::kUnitSubtree && within);
}

// Whether `role` may exercise `c` on the ticket (staff sessions; citizens use the portal).
bool AllowsOn(Role role, Capability c, const TicketCase& t) { return InScope(ScopeOf(role, c), t.within); }

// A cell the server answers differently from the tables today: the status it gives.
struct KnownDefect {
  std::string cell;  // "METHOD path" as the probe names it
  int status;
  std::string why;
};
// Cells the server answers differently from the tables, each with the status it
// gives and why; empty since the routes check the table's capability before
// they read a request (RestApi::Authed). A new entry is a defect to fix.
const std::vector<KnownDefect> kKnownDefects = {};
const KnownDefect* FindDefect(const std::string& cell) {
  for (const KnownDefect& d : kKnownDefects)
    if (d.cell == cell) return &d;
  return nullptr;
}

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer("authz_matrix");
    clients_ = new std::map<Role, HttpClient>();
    for (Role r : AllRoles()) {
      if (r == Role::kCitizen) continue;  // no accounts: the portal
      const std::string user = r == Role::kUnitStaff ? kUnit : std::string(Name(r));
      HttpClient c = server_->Client();
      if (c.Login(user) != 201) throw std::runtime_error("login " + user);
      clients_->emplace(r, std::move(c));
    }
    cases_ = new std::vector<TicketCase>();
    service::HotlineService& s = server_->service();
    const UnitTree& units = s.reference()->units;
    int n = 0;
    auto intake = [&] {
      Appeal a;
      a.channel = Channel::kPhone;
      a.type = AppealType::kComplaint;
      a.content = "矩阵测试 人民路路灯不亮 第" + std::to_string(++n) + "号";
      a.caller = {kCallerName, kCallerPhone};
      a.address = "东城区东华街道人民路12号";
      return Must(s.tickets().Intake(a, kAdmin));
    };
    auto add = [&](const std::string& placement, const Ticket& t) {
      const Ticket stored = Must(s.tickets().Get(t.id, kAdmin));
      TicketCase c{placement, stored, WithinUnitSubtree(stored, kUnit, units),
                   !stored.lead_unit.empty() && units.IsWithin(stored.lead_unit, kUnit),
                   std::any_of(stored.co_units.begin(), stored.co_units.end(),
                               [&](const std::string& co) { return units.IsWithin(co, kUnit); }),
                   ""};
      if (!IsTerminal(stored.state))
        c.attachment = Must(s.attachments().Attach(stored.id, "note.txt", "text/plain", "hello", kAdmin)).id;
      cases_->push_back(c);
    };
    auto run = [&](const Ticket& t, const char* command, CommandInput in = {}) {
      return Must(s.tickets().Command(t.id, command, in, kAdmin));
    };
    // One ticket per placement and state: dispatched, in_progress, replied, to_callback, unsatisfied.
    CommandInput reply, accept, unsatisfied;
    reply.content = "已修复";
    reply.result = ReplyResult::kResolved;
    accept.accept = true;
    unsatisfied.satisfaction = Satisfaction::kUnsatisfied;
    unsatisfied.resolved = false;
    unsatisfied.dissatisfaction = Dissatisfaction::kUnresolved;
    const std::vector<std::pair<const char*, CommandInput>> steps = {
        {"sign", {}}, {"reply", reply}, {"review", accept}, {"callback", unsatisfied}};
    for (const Placement& p : kPlacements) {
      for (std::size_t stage = 0; stage <= steps.size(); ++stage) {
        CommandInput dispatch;
        dispatch.unit = p.lead;
        dispatch.co_units = p.co_units;
        Ticket t = run(intake(), "dispatch", dispatch);
        for (std::size_t i = 0; i < stage; ++i) t = run(t, steps[i].first, steps[i].second);
        add(p.name, t);
      }
    }
    add("no_unit", intake());                       // triage
    add("no_unit", run(intake(), "to-dispatch"));  // to_dispatch
    CommandInput answer;
    answer.content = "政策答复";
    add("no_unit", run(intake(), "answer-directly", answer));  // answered_directly (final)
  }
  static void TearDownTestSuite() {
    delete cases_;
    delete clients_;
    delete server_;
  }

  template <typename T>
  static T Must(Result<T> r) {
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(r).value();
  }
  static HttpClient& As(Role r) { return clients_->at(r); }
  static std::vector<Role> StaffRoles() {
    std::vector<Role> out;
    for (Role r : AllRoles())
      if (r != Role::kCitizen) out.push_back(r);
    return out;
  }
  static const TicketCase& Find(const std::string& placement, TicketState state) {
    for (const TicketCase& c : *cases_)
      if (c.placement == placement && c.ticket.state == state) return c;
    throw std::runtime_error("no ticket " + placement);
  }
  static std::string Path(const TicketCase& t, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(t.ticket.id) + rest;
  }
  static std::string Text(const TicketCase& t) { return t.ticket.appeal.content; }  // unique per ticket

  static TestServer* server_;
  static std::map<Role, HttpClient>* clients_;
  static std::vector<TicketCase>* cases_;
};

TestServer* AuthorizationMatrixTest::server_ = nullptr;
std::map<Role, HttpClient>* AuthorizationMatrixTest::clients_ = nullptr;
std::vector<TicketCase>* AuthorizationMatrixTest::cases_ = nullptr;

// Every ticket command × every role × every placement and state.
TEST_F(AuthorizationMatrixTest, TicketCommandsFollowTheCommandTable) {
  const json probe = {{"matrix_probe", true}};  // a field no command reads
  int cells = 0;
  for (const CommandAuthority& c : CommandTable()) {
    for (Role role : StaffRoles()) {
      for (const TicketCase& t : *cases_) {
        int want = 403;
        if (AllowsOn(role, Capability::kTicketRead, t)) {
          bool allowed = role == Role::kAdmin || std::count(c.roles.begin(), c.roles.end(), role) > 0;
          if (allowed && role == Role::kUnitStaff && c.unit_scope == UnitScope::kLeadUnit) allowed = t.lead_within;
          if (allowed && role == Role::kUnitStaff && c.unit_scope == UnitScope::kCoUnit) allowed = t.co_within;
          if (allowed && role == Role::kUnitStaff && c.unit_scope == UnitScope::kWhistled)
            allowed = false;  // no ticket of the matrix has a whistle
          for (const auto& limit : c.role_states)
            if (allowed && limit.role == role)
              allowed = std::count(limit.only_in.begin(), limit.only_in.end(), t.ticket.state) > 0;
          const bool in_state = std::count(c.from.begin(), c.from.end(), t.ticket.state) > 0 &&
                                (!c.extension_pending || *c.extension_pending == t.ticket.extension_pending) &&
                                (!c.reply_awaiting || *c.reply_awaiting == t.ticket.reply_awaiting) &&
                                (!c.paused || *c.paused == (t.ticket.paused_at != 0)) &&
                                (!c.supervision || (*c.supervision == "open" ? OpenSupervisionLevel(t.ticket) > 0
                                                                             : UnansweredSupervisions(t.ticket) > 0));
          want = !allowed ? 403 : in_state ? 400 : 409;
        }
        const HttpResult r = As(role).Post(Path(t, "/" + c.name), probe);
        EXPECT_EQ(r.status, want) << "command " << c.name << " by " << Name(role) << " on ticket " << t.Label()
                                  << ": " << r.body;
        ++cells;
      }
    }
  }
  EXPECT_GT(cells, 3000);
}

// Citizens act only through the portal: the command table grants them the
// callback, which the portal's evaluation issues with the ticket's query code.
TEST_F(AuthorizationMatrixTest, CitizensEvaluateOnlyThroughThePortalWithTheQueryCode) {
  std::set<std::string> citizen_commands;
  for (const CommandAuthority& c : CommandTable())
    if (std::count(c.roles.begin(), c.roles.end(), Role::kCitizen)) citizen_commands.insert(c.name);
  ASSERT_EQ(citizen_commands, (std::set<std::string>{"attach", "callback"})) << "a portal route for each citizen command";
  {  // attach: POST /api/v1/public/tickets/{number}/attachments, with the code, only in triage
    HttpClient portal = server_->Client();
    server_->AdvanceClock(601);
    const std::string jpeg = "\xFF\xD8\xFF\xE0 photo";
    int wrong_codes = 0;
    for (const TicketCase& t : *cases_) {
      const std::string target = "/api/v1/public/tickets/" + TicketNumber(t.ticket) + "/attachments?name=a.jpg&code=";
      if (++wrong_codes <= 5) {
        const std::string wrong = t.ticket.appeal.query_code == "000000" ? "111111" : "000000";
        EXPECT_EQ(portal.Request("POST", target + wrong, jpeg, "image/jpeg").status, 404) << "photo without the code, " << t.Label();
      }
      if (t.ticket.state == TicketState::kTriage) continue;  // would change the shared ticket (server_test covers it)
      EXPECT_EQ(portal.Request("POST", target + t.ticket.appeal.query_code, jpeg, "image/jpeg").status, 409)
          << "photo after triage, " << t.Label();
    }
  }
  const CommandAuthority& callback = Command("callback");
  HttpClient portal = server_->Client();
  server_->AdvanceClock(601);  // a fresh window of the portal's failed-lookup limit (20 per 10 minutes)
  int wrong_codes = 0;
  const json unsatisfied = {{"satisfaction", "unsatisfied"}, {"resolved", false}};
  for (const TicketCase& t : *cases_) {
    if (t.ticket.state == TicketState::kToCallback) continue;  // would change the shared ticket: below
    const std::string number = TicketNumber(t.ticket);
    const std::string target = "/api/v1/public/tickets/" + number + "/evaluation";
    if (++wrong_codes <= 10) {
      json wrong = unsatisfied;
      wrong["code"] = t.ticket.appeal.query_code == "000000" ? "111111" : "000000";
      EXPECT_EQ(portal.Post(target, wrong).status, 404) << "evaluation without the query code, " << t.Label();
    }
    json right = unsatisfied;
    right["code"] = t.ticket.appeal.query_code;
    const bool in_state = std::count(callback.from.begin(), callback.from.end(), t.ticket.state) > 0;
    EXPECT_EQ(portal.Post(target, right).status, in_state ? 200 : 409) << "evaluation, " << t.Label();
  }
  // One ticket of its own in to_callback: the evaluation goes through.
  service::HotlineService& s = server_->service();
  Appeal a;
  a.content = "矩阵测试 门前积水";
  a.caller = {kCallerName, kCallerPhone};
  Ticket t = Must(s.tickets().Intake(a, kAdmin));
  CommandInput in;
  in.unit = kUnit;
  t = Must(s.tickets().Command(t.id, "dispatch", in, kAdmin));
  t = Must(s.tickets().Command(t.id, "sign", {}, kAdmin));
  in = {};
  in.content = "已处理";
  in.result = ReplyResult::kResolved;
  t = Must(s.tickets().Command(t.id, "reply", in, kAdmin));
  in = {};
  in.accept = true;
  t = Must(s.tickets().Command(t.id, "review", in, kAdmin));
  json right = {{"code", t.appeal.query_code}, {"satisfaction", "satisfied"}, {"resolved", true}};
  EXPECT_EQ(portal.Post("/api/v1/public/tickets/" + TicketNumber(t) + "/evaluation", right).status, 200);
}

// Reading a ticket, its events, files and related tickets, and finding it in the
// list: every role × every placement and state.
TEST_F(AuthorizationMatrixTest, TicketReadsFollowThePermissionTable) {
  for (Role role : StaffRoles()) {
    HttpClient& c = As(role);
    for (const TicketCase& t : *cases_) {
      const std::string cell = std::string(Name(role)) + " on ticket " + t.Label();
      const int read = AllowsOn(role, Capability::kTicketRead, t) ? 200 : 403;
      const int files = AllowsOn(role, Capability::kAttachmentRead, t) ? 200 : 403;
      const int related = AllowsOn(role, Capability::kRelatedTickets, t) ? 200 : 403;
      EXPECT_EQ(c.Get(Path(t)).status, read) << "ticket_read GET /tickets/{id}, " << cell;
      EXPECT_EQ(c.Get(Path(t, "/events")).status, read) << "ticket_read GET /tickets/{id}/events, " << cell;
      EXPECT_EQ(c.Get(Path(t, "/attachments")).status, files) << "attachment_read GET /attachments, " << cell;
      if (!t.attachment.empty()) {
        EXPECT_EQ(c.Get(Path(t, "/attachments/" + t.attachment)).status, files)
            << "attachment_read GET /attachments/{aid}, " << cell;
      }
      EXPECT_EQ(c.Get(Path(t, "/related")).status, related) << "related_tickets GET /related, " << cell;
      // The list: allowed for the role, and the ticket is in it only within the scope.
      const HttpResult list = c.Get("/api/v1/tickets?q=" + TicketNumber(t.ticket));
      EXPECT_EQ(list.status, Allows(role, Capability::kTicketList) ? 200 : 403) << "ticket_list, " << cell;
      if (list.status == 200) {
        EXPECT_EQ(list.Json()["total"], AllowsOn(role, Capability::kTicketList, t) ? 1 : 0)
            << "ticket_list scope, " << cell;
      }
    }
  }
  // The portal: a ticket only with its number and query code.
  HttpClient portal = server_->Client();
  server_->AdvanceClock(601);  // a fresh window of the portal's failed-lookup limit (20 per 10 minutes)
  ASSERT_EQ(ScopeOf(Role::kCitizen, Capability::kTicketRead), AccessScope::kPublic);
  int wrong_codes = 0;
  for (const TicketCase& t : *cases_) {
    const std::string target = "/api/v1/public/tickets/" + TicketNumber(t.ticket);
    EXPECT_EQ(portal.Get(target + "?code=" + t.ticket.appeal.query_code).status, 200) << t.Label();
    if (++wrong_codes <= 10) {
      EXPECT_EQ(portal.Get(target + "?code=000000x").status, 404) << t.Label();
    }
  }
}

struct Request {
  std::string method, target;
  json body;  // null: no body
};

// Every other endpoint × every role: the table's answer with a valid request.
TEST_F(AuthorizationMatrixTest, OtherEndpointsFollowThePermissionTable) {
  service::HotlineService& s = server_->service();
  const auto ref = s.reference();
  json units = json::array(), categories = json::array(), catalog = json::array();
  for (const Unit& u : ref->units.units())
    units.push_back({{"code", u.code}, {"name", u.name}, {"kind", Name(u.kind)}, {"parent", u.parent}});
  for (const Category& c : ref->taxonomy.categories())
    categories.push_back({{"code", c.code}, {"name", c.name}, {"level", c.level}, {"parent", c.parent}});
  for (const CatalogRule& r : ref->catalog)
    catalog.push_back(
        {{"category", r.category}, {"area", r.area}, {"enterprise", r.enterprise}, {"lead", r.lead}, {"co_units", r.co_units}});
  KbEntry entry;
  entry.question = "矩阵测试：路灯坏了找谁？";
  entry.answer = "拨打12345或联系街道城管科。";
  entry.is_public = true;
  const std::string kb_id = Must(s.kb().Put(entry, 0, kAdmin)).id;
  auto kb_version = [&] { return Must(server_->store().GetKbEntry(kb_id)).version; };
  const json kb_body = {{"question", entry.question}, {"answer", entry.answer}, {"public", true}};

  struct Endpoint {
    Capability capability;
    std::function<Request()> request;
    int ok;  // the status when allowed
  };
  const std::vector<Endpoint> endpoints = {
      {Capability::kTicketList, [] { return Request{"GET", "/api/v1/tickets", nullptr}; }, 200},
      {Capability::kTicketList, [] { return Request{"GET", "/api/v1/tickets?q=" + Q("路灯"), nullptr}; }, 200},
      {Capability::kSearchByPhone,
       [] { return Request{"GET", std::string("/api/v1/tickets?phone=") + kCallerPhone, nullptr}; }, 200},
      {Capability::kStats, [] { return Request{"GET", "/api/v1/stats", nullptr}; }, 200},
      {Capability::kLedger, [] { return Request{"GET", "/api/v1/ledger?month=2026-11", nullptr}; }, 200},
      {Capability::kLedger, [] { return Request{"GET", "/api/v1/ledger?month=2026-11&format=csv", nullptr}; }, 200},
      {Capability::kTriage, [] { return Request{"POST", "/api/v1/triage", {{"content", "人民路路灯不亮"}}}; }, 200},
      {Capability::kIntake,
       [] {
         return Request{"POST", "/api/v1/tickets",
                        {{"channel", "phone"}, {"appeal_type", "complaint"}, {"content", "矩阵测试 受理"},
                         {"caller", {{"name", kCallerName}, {"phone", kCallerPhone}}}}};
       },
       201},
      {Capability::kKbRead, [] { return Request{"GET", "/api/v1/kb?q=" + Q("社保卡"), nullptr}; }, 200},
      {Capability::kKbRead, [] { return Request{"GET", "/api/v1/kb", nullptr}; }, 200},
      {Capability::kKbRead, [&] { return Request{"GET", "/api/v1/kb/" + kb_id, nullptr}; }, 200},
      {Capability::kKbVersions, [&] { return Request{"GET", "/api/v1/kb/" + kb_id + "/versions", nullptr}; }, 200},
      {Capability::kKbEdit, [&] { return Request{"POST", "/api/v1/kb", kb_body}; }, 201},
      {Capability::kKbEdit,
       [&] {
         json b = kb_body;
         b["version"] = kb_version();
         return Request{"PUT", "/api/v1/kb/" + kb_id, b};
       },
       200},
      {Capability::kKbEdit,
       [&] { return Request{"DELETE", "/api/v1/kb/" + kb_id + "?version=" + std::to_string(kb_version()), nullptr}; },
       200},
      {Capability::kReferenceRead, [] { return Request{"GET", "/api/v1/units", nullptr}; }, 200},
      {Capability::kReferenceRead, [] { return Request{"GET", "/api/v1/categories", nullptr}; }, 200},
      {Capability::kReferenceRead, [] { return Request{"GET", "/api/v1/catalog", nullptr}; }, 200},
      {Capability::kReferenceRead, [] { return Request{"GET", "/api/v1/limits", nullptr}; }, 200},
      {Capability::kReferenceRead, [] { return Request{"GET", "/api/v1/policies", nullptr}; }, 200},
      {Capability::kReferenceRead, [] { return Request{"GET", "/api/v1/calendar/2026", nullptr}; }, 200},
      {Capability::kTimeLimitAdmin,
       [&] {
         // The rules in force as text, with the version in force: a valid save.
         const auto in_force = Must(s.time_limits().InForce(kAdmin));
         json rules = json::array(), hours = json::array();
         for (const TimeLimitRule& r : in_force.setup->policy.rules()) {
           const TimeLimitRuleText text = FormatTimeLimitRule(r);
           json row = json::object();
           for (std::string_view column : kTimeLimitColumns) row[std::string(column)] = *CellOf(text, column);
           rules.push_back(row);
         }
         for (const WorkPeriodText& p : FormatWorkingHours(in_force.setup->work_time.hours()))
           hours.push_back({{"start", p.start}, {"end", p.end}});
         return Request{"PUT", "/api/v1/policies",
                        {{"version", in_force.setup->version}, {"rules", rules}, {"working_hours", hours}}};
       },
       200},
      {Capability::kTimeLimitAdmin,
       [] {
         return Request{"PUT", "/api/v1/calendar/2030", {{"days", {{{"date", "2030-01-01"}, {"kind", "holiday"}}}}}};
       },
       200},
      {Capability::kReferenceAdmin, [&] { return Request{"PUT", "/api/v1/units", {{"items", units}}}; }, 200},
      {Capability::kReferenceAdmin, [&] { return Request{"PUT", "/api/v1/categories", {{"items", categories}}}; },
       200},
      {Capability::kReferenceAdmin, [&] { return Request{"PUT", "/api/v1/catalog", {{"items", catalog}}}; }, 200},
      {Capability::kUserAdmin, [] { return Request{"GET", "/api/v1/users", nullptr}; }, 200},
      {Capability::kUserAdmin,
       [] {
         return Request{"POST", "/api/v1/users",
                        {{"username", "matrix-user"}, {"role", "analyst"}, {"password", "Matrix-2026-pw"}}};
       },
       201},
      {Capability::kUserAdmin,
       [] {
         return Request{"PUT", "/api/v1/users/matrix-user", {{"role", "analyst"}, {"display_name", "矩阵"}}};
       },
       200},
      {Capability::kUserAdmin, [] { return Request{"DELETE", "/api/v1/users/matrix-user", nullptr}; }, 200},
      {Capability::kAuditRead, [] { return Request{"GET", "/api/v1/audit", nullptr}; }, 200},
      {Capability::kPersonalDataRecord, [] { return Request{"GET", "/api/v1/audit/personal-data", nullptr}; }, 200},
      {Capability::kOwnAccount, [] { return Request{"GET", "/api/v1/me", nullptr}; }, 200},
      // A wrong current password: allowed roles get 400 (and one failure on the login guard).
      {Capability::kOwnAccount,
       [] {
         return Request{"POST", "/api/v1/me/password",
                        {{"current_password", "not-the-password-1"}, {"new_password", "Another-pw-2026"}}};
       },
       400},
  };
  HttpClient anonymous = server_->Client();
  // The portal's share of the table (kPublic): what a citizen reaches without an account.
  ASSERT_EQ(ScopeOf(Role::kCitizen, Capability::kKbRead), AccessScope::kPublic);
  EXPECT_EQ(anonymous.Get("/api/v1/public/kb?q=" + Q("社保卡")).status, 200);
  EXPECT_EQ(anonymous.Get("/api/v1/public/kb/" + kb_id).status, 200);
  ASSERT_EQ(ScopeOf(Role::kCitizen, Capability::kReferenceRead), AccessScope::kPublic);
  EXPECT_EQ(anonymous.Get("/api/v1/public/areas").status, 200);
  ASSERT_EQ(ScopeOf(Role::kCitizen, Capability::kIntake), AccessScope::kPublic);
  const HttpResult appeal = anonymous.Post(
      "/api/v1/public/appeals", {{"appeal_type", "complaint"}, {"content", "矩阵测试 网上诉求"},
                                 {"caller", {{"name", kCallerName}, {"phone", kCallerPhone}}}});
  EXPECT_EQ(appeal.status, 201);
  ASSERT_EQ(ScopeOf(Role::kCitizen, Capability::kQueryCode), AccessScope::kPublic);
  EXPECT_TRUE(appeal.Json().contains("query_code")) << "the citizen receives the query code of their own appeal";

  for (const Endpoint& e : endpoints) {
    for (Role role : StaffRoles()) {
      const Request req = e.request();
      const HttpResult r = As(role).Request(req.method, req.target, req.body.is_null() ? "" : req.body.dump());
      EXPECT_EQ(r.status, Allows(role, e.capability) ? e.ok : 403)
          << Name(e.capability) << ' ' << req.method << ' ' << req.target << " by " << Name(role) << ": "
          << Clip(r.body, 300);
    }
    // Citizens hold no session: every staff endpoint wants one.
    const Request req = e.request();
    EXPECT_EQ(anonymous.Request(req.method, req.target, req.body.is_null() ? "" : req.body.dump()).status, 401)
        << Name(e.capability) << ' ' << req.method << ' ' << req.target << " without a session (citizen)";
  }

}

// The live stream: every role sees the changes of the tickets in its scope.
TEST_F(AuthorizationMatrixTest, LiveEventsFollowThePermissionTable) {
  std::map<Role, std::unique_ptr<StreamReader>> streams;
  for (Role role : StaffRoles()) {
    streams[role] = std::make_unique<StreamReader>(server_->port(), As(role).token());
    ASSERT_TRUE(streams[role]->WaitFor("\r\n\r\n")) << Name(role);
    const int want = Allows(role, Capability::kLiveEvents) ? 200 : 403;
    EXPECT_EQ(streams[role]->seen().substr(0, 12), "HTTP/1.1 " + std::to_string(want)) << "live_events " << Name(role);
  }
  // Changes to one ticket of every placement (the supervise flag), then a marker in the own unit.
  service::HotlineService& s = server_->service();
  CommandInput level;
  level.level = 1;
  level.instructions = "尽快处理";
  for (const Placement& p : kPlacements) Must(s.tickets().Command(Find(p.name, TicketState::kInProgress).ticket.id, "supervise", level, kAdmin));
  Must(s.tickets().Command(Find("no_unit", TicketState::kTriage).ticket.id, "supervise", level, kAdmin));
  const TicketCase& marker = Find("own_unit", TicketState::kDispatched);
  Must(s.tickets().Command(marker.ticket.id, "supervise", level, kAdmin));
  for (Role role : StaffRoles()) {
    StreamReader& stream = *streams[role];
    ASSERT_TRUE(stream.WaitFor("\"id\":" + std::to_string(marker.ticket.id) + ",")) << Name(role);
    std::vector<const TicketCase*> changed = {&Find("no_unit", TicketState::kTriage)};
    for (const Placement& p : kPlacements) changed.push_back(&Find(p.name, TicketState::kInProgress));
    for (const TicketCase* c : changed) {
      const TicketCase& t = *c;
      const bool seen = stream.seen().find("\"id\":" + std::to_string(t.ticket.id) + ",") != std::string::npos;
      EXPECT_EQ(seen, AllowsOn(role, Capability::kLiveEvents, t)) << "live_events " << Name(role) << ' ' << t.Label();
    }
    // No personal data in the stream, for any role.
    EXPECT_EQ(stream.seen().find(kCallerPhone), std::string::npos) << Name(role);
    EXPECT_EQ(stream.seen().find(kCallerName), std::string::npos) << Name(role);
    EXPECT_EQ(stream.seen().find(MaskPhone(kCallerPhone)), std::string::npos) << Name(role);
  }
}

// Callers' names and phones, and the query code, in every view that shows a
// ticket: unmasked exactly for the roles the table grants personal_data.
TEST_F(AuthorizationMatrixTest, PersonalDataIsMaskedAsTheTableSays) {
  const TicketCase& t = Find("own_unit", TicketState::kInProgress);  // every role may read it
  const std::string masked_name = MaskName(kCallerName), masked_phone = MaskPhone(kCallerPhone);
  ASSERT_NE(masked_name, kCallerName);
  ASSERT_NE(masked_phone, kCallerPhone);
  for (Role role : StaffRoles()) {
    ASSERT_TRUE(AllowsOn(role, Capability::kTicketRead, t));
    HttpClient& c = As(role);
    const bool unmasked = AllowsOn(role, Capability::kPersonalData, t);
    const bool code = ScopeOf(role, Capability::kQueryCode) == AccessScope::kAll;
    auto check_view = [&](const json& view, const std::string& where) {
      const std::string cell = std::string(Name(role)) + ", " + where;
      EXPECT_EQ(view["caller"]["name"], unmasked ? kCallerName : masked_name) << cell;
      EXPECT_EQ(view["caller"]["phone"], unmasked ? kCallerPhone : masked_phone) << cell;
      EXPECT_EQ(view.contains("query_code"), code) << "query_code, " << cell;
      if (code) {
        EXPECT_EQ(view["query_code"], t.ticket.appeal.query_code) << cell;
      }
    };
    auto check_body = [&](const std::string& body, const std::string& where) {  // nothing unmasked anywhere
      if (unmasked) return;
      EXPECT_EQ(body.find(kCallerPhone), std::string::npos) << Name(role) << ", " << where;
      EXPECT_EQ(body.find(kCallerName), std::string::npos) << Name(role) << ", " << where;
    };
    const HttpResult one = c.Get(Path(t));
    ASSERT_EQ(one.status, 200);
    check_view(one.Json(), "GET /tickets/{id}");
    check_body(one.body, "GET /tickets/{id}");
    const HttpResult by_number = c.Get("/api/v1/tickets?q=" + TicketNumber(t.ticket));
    ASSERT_EQ(by_number.Json()["total"], 1) << Name(role);
    check_view(by_number.Json()["items"][0], "GET /tickets?q=number");
    const HttpResult search = c.Get("/api/v1/tickets?per_page=200&q=" + Q(Text(t)));
    ASSERT_EQ(search.status, 200);
    const json found = search.Json();
    ASSERT_GE(found["items"].size(), 1u) << Name(role);
    for (const json& item : found["items"]) check_view(item, "GET /tickets?q=text");
    check_body(search.body, "GET /tickets?q=text");
    const HttpResult list = c.Get("/api/v1/tickets?per_page=200");
    check_body(list.body, "GET /tickets");
    for (const char* rest : {"/events", "/related", "/attachments"}) {
      const HttpResult r = c.Get(Path(t, rest));
      EXPECT_EQ(r.status, 200) << Name(role) << rest;
      check_body(r.body, std::string("GET /tickets/{id}") + rest);
    }
    check_body(c.Get("/api/v1/stats").body, "GET /stats");
    // A command's answer is the ticket view too (a probe refused for input is no view: use attach's list).
    if (Allows(role, Capability::kIntake)) {
      const HttpResult created = c.Post("/api/v1/tickets", {{"channel", "phone"},
                                                            {"appeal_type", "complaint"},
                                                            {"content", "矩阵测试 脱敏"},
                                                            {"caller", {{"name", kCallerName}, {"phone", kCallerPhone}}}});
      ASSERT_EQ(created.status, 201) << Name(role);
      const json v = created.Json();
      EXPECT_EQ(v["caller"]["name"], unmasked ? kCallerName : masked_name) << Name(role) << ", POST /tickets";
      EXPECT_EQ(v["caller"]["phone"], unmasked ? kCallerPhone : masked_phone) << Name(role) << ", POST /tickets";
      EXPECT_EQ(v.contains("query_code"), code) << Name(role) << ", POST /tickets";
    }
  }
  // The portal shows no personal data.
  const HttpResult pub = server_->Client().Get("/api/v1/public/tickets/" + TicketNumber(t.ticket) +
                                               "?code=" + t.ticket.appeal.query_code);
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(pub.body.find(kCallerPhone), std::string::npos);
  EXPECT_EQ(pub.body.find(kCallerName), std::string::npos);
  EXPECT_EQ(pub.body.find(masked_phone), std::string::npos);

  // Every unmasked view is recorded, and only those: the roles in the record are
  // exactly the roles the table grants personal_data.
  const HttpResult record = As(Role::kAdmin).Get("/api/v1/audit/personal-data?per_page=200&ticket=" +
                                                 std::to_string(t.ticket.id));
  ASSERT_EQ(record.status, 200);
  std::set<std::string> recorded, granted;
  const json items = record.Json()["items"];
  for (const json& item : items) recorded.insert(item["role"].get<std::string>());
  for (Role role : StaffRoles())
    if (AllowsOn(role, Capability::kPersonalData, t)) granted.insert(std::string(Name(role)));
  EXPECT_EQ(recorded, granted) << Clip(record.body, 500);
}

// Authority before input: a refused role learns that it is refused, whatever
// the request holds. Each probe is a request the endpoint refuses as input.
TEST_F(AuthorizationMatrixTest, AuthorityIsCheckedBeforeInput) {
  const TicketCase& sibling = Find("sibling_unit", TicketState::kInProgress);
  struct Probe {
    std::string cell;  // names the known defect, if any
    Capability capability;
    Request request;
    int input_status;  // what an allowed role gets
  };
  const std::vector<Probe> probes = {
      {"POST /api/v1/tickets", Capability::kIntake, {"POST", "/api/v1/tickets", {{"content", 5}}}, 400},
      {"POST /api/v1/triage", Capability::kTriage, {"POST", "/api/v1/triage", {{"content", 5}}}, 400},
      {"POST /api/v1/kb", Capability::kKbEdit, {"POST", "/api/v1/kb", {{"question", 5}}}, 400},
      {"PUT /api/v1/kb/{id}", Capability::kKbEdit, {"PUT", "/api/v1/kb/KB-0001", {{"version", "x"}}}, 400},
      {"DELETE /api/v1/kb/{id}", Capability::kKbEdit, {"DELETE", "/api/v1/kb/NO-SUCH?version=1", nullptr}, 404},
      {"PUT /api/v1/units", Capability::kReferenceAdmin, {"PUT", "/api/v1/units", {{"items", 5}}}, 400},
      {"PUT /api/v1/categories", Capability::kReferenceAdmin, {"PUT", "/api/v1/categories", {{"items", 5}}}, 400},
      {"PUT /api/v1/catalog", Capability::kReferenceAdmin, {"PUT", "/api/v1/catalog", {{"items", 5}}}, 400},
      {"PUT /api/v1/policies", Capability::kTimeLimitAdmin, {"PUT", "/api/v1/policies", {{"version", "x"}}}, 400},
      {"PUT /api/v1/calendar/{year}", Capability::kTimeLimitAdmin,
       {"PUT", "/api/v1/calendar/2030", {{"days", 5}}}, 400},
      {"POST /api/v1/users", Capability::kUserAdmin, {"POST", "/api/v1/users", {{"role", "nobody"}}}, 400},
      {"PUT /api/v1/users/{username}", Capability::kUserAdmin,
       {"PUT", "/api/v1/users/analyst", {{"role", "nobody"}}}, 400},
      {"DELETE /api/v1/users/{username}", Capability::kUserAdmin, {"DELETE", "/api/v1/users/no-such-user", nullptr},
       404},
      {"GET /api/v1/audit", Capability::kAuditRead, {"GET", "/api/v1/audit?page=0", nullptr}, 400},
      {"GET /api/v1/audit/personal-data", Capability::kPersonalDataRecord,
       {"GET", "/api/v1/audit/personal-data?ticket=x", nullptr}, 400},
      {"GET /api/v1/tickets?phone", Capability::kSearchByPhone,
       {"GET", std::string("/api/v1/tickets?per_page=0&phone=") + kCallerPhone, nullptr}, 400},
  };
  for (const Probe& p : probes) {
    const KnownDefect* defect = FindDefect(p.cell);
    for (Role role : StaffRoles()) {
      const Request& req = p.request;
      const HttpResult r = As(role).Request(req.method, req.target, req.body.is_null() ? "" : req.body.dump());
      if (Allows(role, p.capability)) {
        EXPECT_EQ(r.status, p.input_status) << p.cell << " by " << Name(role) << ": " << Clip(r.body, 200);
      } else if (defect) {
        EXPECT_EQ(r.status, defect->status) << "KNOWN DEFECT (fixed? remove it from kKnownDefects): " << p.cell
                                            << " by " << Name(role) << " should be 403 (" << Name(p.capability)
                                            << "): " << defect->why;
      } else {
        EXPECT_EQ(r.status, 403) << p.cell << " by " << Name(role) << ": " << Clip(r.body, 200);
      }
    }
  }
  // The attach command: with a body it accepts, on a ticket outside the actor's scope.
  const std::string cell = "POST /api/v1/tickets/{id}/attach";
  const KnownDefect* defect = FindDefect(cell);
  const CommandAuthority& attach = Command("attach");
  for (Role role : StaffRoles()) {
    const HttpResult r = As(role).Post(Path(sibling, "/attach"), {{"attachment", "x"}, {"content", "a.txt"}});
    const bool allowed = AllowsOn(role, Capability::kTicketRead, sibling) &&
                         (role == Role::kAdmin || std::count(attach.roles.begin(), attach.roles.end(), role) > 0);
    if (allowed) {
      EXPECT_EQ(r.status, 400) << cell << " by " << Name(role);
    } else if (defect) {
      EXPECT_EQ(r.status, defect->status) << "KNOWN DEFECT (fixed? remove it from kKnownDefects): " << cell << " by "
                                          << Name(role) << " should be 403: " << defect->why;
    } else {
      EXPECT_EQ(r.status, 403) << cell << " by " << Name(role) << ": " << r.body;
    }
  }
}

// Last: logging out ends the session (own_account), for every role.
TEST_F(AuthorizationMatrixTest, ZzLogoutEndsEverySession) {
  for (Role role : StaffRoles()) {
    EXPECT_EQ(As(role).Request("DELETE", "/api/v1/sessions").status,
              Allows(role, Capability::kOwnAccount) ? 200 : 403)
        << Name(role);
    EXPECT_EQ(As(role).Get("/api/v1/me").status, 401) << Name(role);
  }
}

}  // namespace
}  // namespace hotline

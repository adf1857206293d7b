// Runs every tests/scenarios/*.txt (see support/scenario.h) twice: in process
// through the server's request handler, and over HTTP on loopback.
#include <gtest/gtest.h>

#include <boost/url/parse.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/scenario.h"
#include "support/test_server.h"

namespace hotline {
namespace {

using testing::ScenarioResponse;

std::vector<std::string> ScenarioFiles() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(HOTLINE_SCENARIO_DIR))
    if (entry.path().extension() == ".txt") out.push_back(entry.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Read(const std::string& name) {
  std::ifstream in(std::string(HOTLINE_SCENARIO_DIR) + "/" + name + ".txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

testing::TestServer& Server() {
  static testing::TestServer* server = new testing::TestServer("scenario_test");  // shared by every scenario
  return *server;
}

ScenarioResponse InProcess(const std::string& method, const std::string& target, const std::string& body,
                           const std::string& token) {
  api::HttpRequest req;
  req.method = method;
  req.body = body;
  req.remote = "127.0.0.1";
  if (!token.empty()) req.headers["authorization"] = "Bearer " + token;
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return {400, "bad target"};
  req.path = url->path();
  for (auto param : url->params()) req.query.emplace(param.key, param.value);
  auto r = Server().Handle(req);
  return {r.status, r.body};
}

ScenarioResponse OverHttp(const std::string& method, const std::string& target, const std::string& body,
                          const std::string& token) {
  auto client = Server().Client();
  client.SetToken(token);
  auto r = client.Request(method, target, body);
  return {r.status, r.body};
}

class ScenarioTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioTest, InProcess) {
  for (const auto& failure : testing::RunScenario(GetParam() + ".txt", Read(GetParam()), InProcess))
    ADD_FAILURE() << failure;
}

TEST_P(ScenarioTest, OverHttp) {
  for (const auto& failure : testing::RunScenario(GetParam() + ".txt", Read(GetParam()), OverHttp))
    ADD_FAILURE() << failure;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioTest, ::testing::ValuesIn(ScenarioFiles()),
                         [](const auto& info) { return info.param; });

// The runner itself must be able to fail.
TEST(ScenarioRunnerTest, ReportsWrongStatusesAndFields) {
  auto always = [](const std::string&, const std::string&, const std::string&, const std::string&) {
    return ScenarioResponse{200, R"({"state":"triage","items":[1,2]})"};
  };
  EXPECT_TRUE(testing::RunScenario("t", "GET /x\nexpect 200 state=triage items#=2 state~tri\n", always).empty());
  auto failures = testing::RunScenario("t", "GET /x\nexpect 201\nexpect 200 state=closed missing!=null\n", always);
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].rfind("t:2: expected status 201", 0), 0u) << failures[0];
  EXPECT_EQ(failures[1].rfind("t:3: state=closed", 0), 0u) << failures[1];
}

}  // namespace
}  // namespace hotline

// Scenario files: the behaviour of the hotline as plain text, in the spirit of
// DuckDB's sqllogictest, run against a server in process or over HTTP.
//
//   # a comment
//   as operator                          log in (demo password) and act as this user
//   POST /api/v1/tickets {"content":…}   a request (method, target, optional JSON body)
//   expect 201 state=triage caller.phone=13800138000 error.reason=state_not_allowed
//   expect 200 items.0.state!=closed content~路灯 events#=3
//   let id = id                          remember a field of the last response as $id
//
// `expect` checks the status, then each field of the last response's JSON by a
// dotted path (array items by index): `=` equals (strings unquoted, null for
// null or missing), `!=` differs, `~` contains, `#=` has this many elements.
// `$name` is replaced in later lines. A failure names the file and line.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hotline::testing {

struct ScenarioResponse {
  int status = 0;
  std::string body;
};

// Sends one request as the user who logged in with `token` (empty: anonymous).
using ScenarioTransport = std::function<ScenarioResponse(const std::string& method, const std::string& target,
                                                         const std::string& body, const std::string& token)>;

// Runs the scenario text; returns the failures ("file:line: …"), empty when it passes.
std::vector<std::string> RunScenario(const std::string& name, const std::string& text,
                                     const ScenarioTransport& send);

}  // namespace hotline::testing

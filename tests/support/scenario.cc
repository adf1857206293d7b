#include "support/scenario.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace hotline::testing {

namespace {

using nlohmann::json;

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The value at a dotted path ("error.reason", "items.0.state"), or nullptr when absent.
const json* At(const json& root, const std::string& path) {
  const json* cur = &root;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('.', start);
    if (end == std::string::npos) end = path.size();
    const std::string key = path.substr(start, end - start);
    if (cur->is_object()) {
      auto it = cur->find(key);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    } else if (cur->is_array()) {
      if (key.empty() || key.find_first_not_of("0123456789") != std::string::npos) return nullptr;
      const std::size_t i = std::stoul(key);
      if (i >= cur->size()) return nullptr;
      cur = &(*cur)[i];
    } else {
      return nullptr;
    }
    start = end + 1;
  }
  return cur;
}

std::string Text(const json* v) {
  if (!v || v->is_null()) return "null";
  if (v->is_string()) return v->get<std::string>();
  return v->dump();
}

std::string Substitute(std::string line, const std::map<std::string, std::string>& vars) {
  for (const auto& [name, value] : vars) {
    const std::string key = "$" + name;
    for (std::size_t at = line.find(key); at != std::string::npos; at = line.find(key, at + value.size()))
      line.replace(at, key.size(), value);
  }
  return line;
}

}  // namespace

std::vector<std::string> RunScenario(const std::string& name, const std::string& text,
                                     const ScenarioTransport& send) {
  std::vector<std::string> failures;
  std::map<std::string, std::string> tokens, vars;
  std::string token;
  ScenarioResponse last;
  json last_json;
  std::istringstream in(text);
  std::string raw;
  int line_no = 0;
  auto fail = [&](const std::string& what) { failures.push_back(name + ":" + std::to_string(line_no) + ": " + what); };
  while (std::getline(in, raw)) {
    ++line_no;
    const std::string line = Substitute(Trim(raw), vars);
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    if (verb == "as") {
      std::string user;
      words >> user;
      if (!tokens.count(user)) {
        auto r = send("POST", "/api/v1/sessions", json{{"username", user}, {"password", "demo"}}.dump(), "");
        json j = json::parse(r.body, nullptr, false);
        if (r.status != 201 || !j.contains("token")) {
          fail("cannot log in as " + user + ": " + std::to_string(r.status));
          return failures;
        }
        tokens[user] = j["token"];
      }
      token = tokens[user];
    } else if (verb == "GET" || verb == "POST" || verb == "PUT" || verb == "DELETE") {
      std::string target;
      words >> target;
      std::string body;
      std::getline(words, body);
      last = send(verb, target, Trim(body), token);
      last_json = json::parse(last.body, nullptr, false);
    } else if (verb == "expect") {
      int status = 0;
      words >> status;
      if (last.status != status) {
        fail("expected status " + std::to_string(status) + ", got " + std::to_string(last.status) + ": " +
             last.body.substr(0, 300));
        continue;
      }
      std::string check;
      while (words >> check) {
        std::size_t op = check.find_first_of("!~#=");
        if (op == std::string::npos) {
          fail("bad check '" + check + "'");
          continue;
        }
        const std::string path = check.substr(0, op);
        std::string kind = check.substr(op, check[op] == '=' || check[op] == '~' ? 1 : 2);
        const std::string want = check.substr(op + kind.size());
        const json* v = At(last_json, path);
        const std::string got = Text(v);
        bool ok = false;
        if (kind == "=") ok = got == want;
        else if (kind == "!=") ok = got != want;
        else if (kind == "~") ok = got.find(want) != std::string::npos;
        else if (kind == "#=") ok = v && (v->is_array() || v->is_object()) && std::to_string(v->size()) == want;
        if (!ok) fail(check + " but " + path + " is " + (kind == "#=" && v ? std::to_string(v->size()) : got));
      }
    } else if (verb == "let") {
      std::string var, eq, path;
      words >> var >> eq >> path;
      const json* v = At(last_json, path);
      if (eq != "=" || !v) fail("cannot let " + var + " = " + path);
      else vars[var] = Text(v);
    } else {
      fail("unknown line '" + line + "'");
    }
  }
  return failures;
}

}  // namespace hotline::testing

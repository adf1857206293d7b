#include "app/dedupe_command.h"

#include <cmath>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "triage/appeal_time.h"
#include "triage/duplicate_groups.h"

namespace hotline::app {
namespace {

using Json = nlohmann::ordered_json;

struct LineError {
  std::size_t line;
  std::string field;
  std::string message;
};

// Reads one appeal; returns the problem, if any.
std::optional<LineError> ReadAppeal(std::size_t n, const std::string& line, Json& id, triage::DedupeAppeal& a) {
  const auto fail = [n](std::string field, std::string message) {
    return std::optional<LineError>(LineError{n, std::move(field), std::move(message)});
  };
  Json j = Json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail("", "not a JSON object (or not valid JSON in UTF-8)");
  for (const auto& item : j.items())
    if (const std::string& key = item.key(); key != "id" && key != "text" && key != "time" && key != "lat" && key != "lon" && key != "caller" &&
        key != "address")
      return fail(key, "unknown field (expected id, text, time, lat, lon, caller, address)");

  if (!j.contains("id") || j["id"].is_null()) return fail("id", "is required");
  id = j["id"];
  if (id.is_string()) {
    if (id.get<std::string>().empty()) return fail("id", "must not be empty");
    a.id = id.get<std::string>();
  } else if (id.is_number_integer() || id.is_number_unsigned()) {
    a.id = id.dump();
  } else {
    return fail("id", "must be a string or an integer");
  }

  if (!j.contains("text") || !j["text"].is_string()) return fail("text", "is required and must be a string");
  a.text = j["text"].get<std::string>();

  if (!j.contains("time") || j["time"].is_null()) return fail("time", "is required");
  const Json& t = j["time"];
  if (t.is_string()) {
    const auto parsed = triage::ParseAppealTime(t.get<std::string>());
    if (!parsed) return fail("time", "\"" + t.get<std::string>() + "\" is not an ISO 8601 date-time");
    a.time = *parsed;
  } else if (t.is_number()) {
    const double v = t.get<double>();
    if (!std::isfinite(v) || v < 0 || v > 253402300799.0)
      return fail("time", "Unix seconds must be between 0 and 253402300799");
    a.time = static_cast<std::int64_t>(std::floor(v));
  } else {
    return fail("time", "must be an ISO 8601 string or Unix seconds");
  }

  for (const char* key : {"lat", "lon"}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    if (!j[key].is_number()) return fail(key, "must be a number of degrees");
    const double v = j[key].get<double>();
    const double limit = std::string(key) == "lat" ? 90 : 180;
    if (!std::isfinite(v) || std::abs(v) > limit)
      return fail(key, std::string("must be between -") + (limit == 90 ? "90 and 90" : "180 and 180"));
    (std::string(key) == "lat" ? a.lat : a.lon) = v;
  }
  if (a.lat.has_value() != a.lon.has_value())
    return fail(a.lat ? "lon" : "lat", "lat and lon come together (one is missing)");

  for (const char* key : {"caller", "address"}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    if (!j[key].is_string()) return fail(key, "must be a string");
    (std::string(key) == "caller" ? a.caller : a.address) = j[key].get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

int RunDedupe(const DedupeCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err) {
  std::vector<triage::DedupeAppeal> appeals;
  std::vector<Json> ids;
  std::vector<LineError> errors;
  std::unordered_map<std::string, std::size_t> first_line;  // id → line
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json id;
    triage::DedupeAppeal a;
    if (auto e = ReadAppeal(n, line, id, a)) {
      errors.push_back(std::move(*e));
      continue;
    }
    // 7 and "7" are different ids; the key keeps them apart.
    const std::string key = (id.is_string() ? "s" : "n") + a.id;
    if (auto [it, inserted] = first_line.try_emplace(key, n); !inserted) {
      errors.push_back({n, "id", "repeats the id of line " + std::to_string(it->second)});
      continue;
    }
    appeals.push_back(std::move(a));
    ids.push_back(std::move(id));
  }
  if (!errors.empty()) {
    std::size_t shown = 0;
    for (const auto& e : errors) {
      if (++shown > 20) break;
      err << "hotline dedupe: line " << e.line << ": " << (e.field.empty() ? "" : "field " + e.field + ": ")
          << e.message << '\n';
    }
    if (errors.size() > 20) err << "hotline dedupe: … and " << errors.size() - 20 << " more bad lines\n";
    err << "hotline dedupe: input refused (" << errors.size() << " bad line" << (errors.size() == 1 ? "" : "s")
        << "); nothing written\n";
    return 2;
  }
  const auto groups = triage::GroupDuplicates(appeals, cmd.options);
  for (std::size_t i = 0; i < appeals.size(); ++i) {
    Json row;
    row["id"] = ids[i];
    row["group"] = ids[groups[i]];
    out << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  out.flush();
  return 0;
}

}  // namespace hotline::app

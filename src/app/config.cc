#include "app/config.h"

#include <algorithm>
#include <cstdlib>

#include <toml++/toml.h>

namespace hotline::app {

Status ApplyTomlFile(const std::string& path, Config& c) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument("config", path + ": " + std::string(e.description()) + " at line " +
                                                 std::to_string(e.source().begin.line));
  }
  if (auto v = t["db"].value<std::string>()) c.db = *v;
  if (auto v = t["address"].value<std::string>()) c.address = *v;
  if (auto v = t["port"].value<int64_t>()) c.port = static_cast<int>(*v);
  if (auto v = t["threads"].value<int64_t>()) c.threads = static_cast<int>(*v);
  if (auto v = t["workers"].value<int64_t>()) c.workers = static_cast<int>(*v);
  if (auto v = t["retention_days"].value<int64_t>()) c.retention_days = static_cast<int>(*v);
  if (auto v = t["near_due_working_days"].value<int64_t>())
    c.near_due_working_days = static_cast<int>(std::clamp<int64_t>(*v, 1, 30));
  if (auto v = t["warn_percent"].value<int64_t>()) c.warn_percent = static_cast<int>(std::clamp<int64_t>(*v, 1, 99));
  if (auto v = t["auto_supervision_level"].value<int64_t>())
    c.auto_supervision_level = static_cast<int>(std::clamp<int64_t>(*v, 0, 3));
  if (auto v = t["data_dir"].value<std::string>()) c.data_dir = *v;
  if (auto v = t["web_dir"].value<std::string>()) c.web_dir = *v;
  if (auto v = t["log_level"].value<std::string>()) c.log_level = *v;
  if (auto v = t["model"].value<std::string>()) c.model = *v;
  if (auto v = t["divisions"].value<std::string>()) c.divisions = *v;
  if (auto v = t["divisions_home"].value<std::string>()) c.divisions_home = *v;
  if (auto v = t["demo"]["appeals"].value<int64_t>()) c.demo_appeals = static_cast<int>(*v);
  if (c.port < 0 || c.port > 65535) return Status::InvalidArgument("port", path + ": port must be 0..65535");
  return Status::Ok();
}

Status ApplyEnvironment(Config& c) {
  auto env = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (auto v = env("HOTLINE_DB")) c.db = v;
  if (auto v = env("HOTLINE_ADDRESS")) c.address = v;
  if (auto v = env("HOTLINE_PORT")) {
    char* end = nullptr;
    long p = std::strtol(v, &end, 10);
    if (*end || p < 0 || p > 65535) return Status::InvalidArgument("HOTLINE_PORT", "HOTLINE_PORT must be 0..65535");
    c.port = static_cast<int>(p);
  }
  if (auto v = env("HOTLINE_THREADS")) c.threads = std::max(1, std::atoi(v));
  if (auto v = env("HOTLINE_WORKERS")) c.workers = std::max(1, std::atoi(v));
  if (auto v = env("HOTLINE_RETENTION_DAYS")) c.retention_days = std::max(0, std::atoi(v));
  if (auto v = env("HOTLINE_NEAR_DUE_WORKING_DAYS")) c.near_due_working_days = std::clamp(std::atoi(v), 1, 30);
  if (auto v = env("HOTLINE_WARN_PERCENT")) c.warn_percent = std::clamp(std::atoi(v), 1, 99);
  if (auto v = env("HOTLINE_AUTO_SUPERVISION_LEVEL")) c.auto_supervision_level = std::clamp(std::atoi(v), 0, 3);
  if (auto v = env("HOTLINE_DATA_DIR")) c.data_dir = v;
  if (auto v = env("HOTLINE_WEB_DIR")) c.web_dir = v;
  if (auto v = env("HOTLINE_LOG_LEVEL")) c.log_level = v;
  if (auto v = env("HOTLINE_MODEL")) c.model = v;
  if (auto v = env("HOTLINE_DIVISIONS")) c.divisions = v;
  if (auto v = env("HOTLINE_DIVISIONS_HOME")) c.divisions_home = v;
  return Status::Ok();
}

}  // namespace hotline::app

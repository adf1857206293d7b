// An in-process hotline server on a loopback port with a fresh SQLite file,
// the demo city's reference data and accounts (no generated appeals).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>

#include "api/credentials.h"
#include "api/hotline_service.h"
#include "api/http_server.h"
#include "api/rest_api.h"
#include "app/demo_city.h"
#include "app/reference_files.h"
#include "app/triage_resources.h"
#include "store/sqlite/sqlite_store.h"
#include "support/http_client.h"

namespace hotline::testing {

class TestServer {
 public:
  explicit TestServer(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / ("hotline_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (!api::InitCrypto().ok()) throw std::runtime_error("crypto");
    auto s = SqliteStore::Open((dir_ / "hotline.db").string());
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    store_ = std::move(s).value();
    const std::string data = app::DataDir();
    Check(app::LoadReferenceFiles(*store_, data));
    Check(app::CreateDemoAccounts(*store_, "demo"));
    auto cal = app::LoadCalendarFile(data + "/calendar/cn_holidays.csv");
    service_ = std::make_unique<api::HotlineService>(*store_, clock_, cal.ok() ? *cal : WorkCalendar());
    std::ifstream synonyms(data + "/kb/synonyms.txt");
    std::stringstream text;
    text << synonyms.rdbuf();
    Check(service_->LoadKbSynonyms(text.str()));
    auto triage = app::LoadTriageResources(data, "");
    if (!triage.ok()) throw std::runtime_error(triage.status().ToString());
    service_->SetTriageResources(std::move(triage).value());
    Check(service_->LoadReferenceData());
    rest_ = std::make_unique<api::RestApi>(*service_);
    api::ServerOptions opt;
    opt.port = 0;
    opt.threads = 2;
    server_ = std::make_unique<api::HttpServer>(opt, [this](const api::HttpRequest& r) { return rest_->Handle(r); });
    Check(server_->Start());
  }
  ~TestServer() {
    server_->Stop();
    server_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient Client() { return HttpClient("127.0.0.1", server_->port()); }
  SqliteStore& store() { return *store_; }
  unsigned short port() const { return server_->port(); }

 private:
  static void Check(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }
  std::filesystem::path dir_;
  SystemClock clock_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<api::HotlineService> service_;
  std::unique_ptr<api::RestApi> rest_;
  std::unique_ptr<api::HttpServer> server_;
};

}  // namespace hotline::testing

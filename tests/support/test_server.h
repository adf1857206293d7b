// An in-process hotline server on a loopback port with a fresh database (a
// SQLite file, or PostgreSQL under HOTLINE_TEST_DB=postgres: support/test_backend.h),
// the demo city's reference data and accounts (no generated appeals).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>

#include "service/hotline_service.h"
#include "api/http_server.h"
#include "api/rest_api.h"
#include "api/site.h"
#include "app/demo_city.h"
#include "app/open_hotline.h"
#include "app/reference_files.h"
#include "support/http_client.h"
#include "support/test_backend.h"

namespace hotline::testing {

// Wall-clock time that a test can move forward (session expiry, throttling windows).
class OffsetClock final : public Clock {
 public:
  UnixSeconds Now() const override { return system_.Now() + offset_.load(); }
  void Advance(UnixSeconds seconds) { offset_ += seconds; }

 private:
  SystemClock system_;
  std::atomic<UnixSeconds> offset_{0};
};

class TestServer {
 public:
  // `web_dir`: the front end to serve for non-API paths (may not exist).
  // `tune`: changes to the server's options (limits) before it starts.
  explicit TestServer(const std::string& name, const std::string& web_dir = "",
                      const std::function<void(api::ServerOptions&)>& tune = nullptr) {
    dir_ = std::filesystem::temp_directory_path() / ("hotline_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    database_ = std::make_unique<TestDatabase>((dir_ / "hotline.db").string());
    app::HotlineOptions open;
    open.db = database_->url();
    open.clock = &clock_;
    open.prepare = [](Store& store, const WorkCalendar&) {
      HOTLINE_RETURN_IF_ERROR(app::LoadReferenceFiles(store, app::DataDir()));
      return app::CreateDemoAccounts(store, "demo");
    };
    auto hotline = app::OpenHotline(open);
    if (!hotline.ok()) throw std::runtime_error(hotline.status().ToString());
    hotline_ = std::make_unique<app::Hotline>(std::move(hotline).value());
    service_ = hotline_->service.get();
    rest_ = std::make_unique<api::RestApi>(*service_);
    site_ = std::make_unique<api::Site>(*rest_, web_dir.empty() ? (dir_ / "web").string() : web_dir);
    api::ServerOptions opt;
    opt.port = 0;
    opt.threads = 2;
    opt.allows_large_body = api::AllowsLargeBody;
    if (tune) tune(opt);
    server_ = std::make_unique<api::HttpServer>(opt, [this](const api::HttpRequest& r) { return site_->Handle(r); });
    Check(server_->Start());
  }
  ~TestServer() {
    server_->Stop();
    server_.reset();
    site_.reset();
    rest_.reset();
    hotline_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpClient Client() { return HttpClient("127.0.0.1", server_->port()); }
  Store& store() { return *hotline_->store; }
  unsigned short port() const { return server_->port(); }
  const std::filesystem::path& dir() const { return dir_; }
  service::HotlineService& service() { return *service_; }
  // Handles a request in process, as the server would after parsing it (no sockets).
  api::HttpResponse Handle(const api::HttpRequest& req) { return site_->Handle(req); }
  void AdvanceClock(UnixSeconds seconds) { clock_.Advance(seconds); }

 private:
  static void Check(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }
  std::filesystem::path dir_;
  std::unique_ptr<TestDatabase> database_;  // outlives the server and its store
  OffsetClock clock_;
  std::unique_ptr<app::Hotline> hotline_;
  service::HotlineService* service_ = nullptr;
  std::unique_ptr<api::RestApi> rest_;
  std::unique_ptr<api::Site> site_;
  std::unique_ptr<api::HttpServer> server_;
};

}  // namespace hotline::testing

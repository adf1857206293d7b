// soak: mixed load against a running hotline server for a long time, to show
// that nothing degrades or leaks: intakes at a fixed rate (half of them sent on
// to dispatch), list and detail reads, logins and logouts, and a crowd of
// live-event subscribers. Prints, per request kind, the count, errors, mean, p50,
// p99, p99.9 and max, and the server's resident memory every `--every` seconds.
//
//   soak --port 8080 --pid SERVER_PID [--seconds 1800] [--rate 200] [--subscribers 50] [--every 60]
#include <boost/asio.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.h"

using Clock = std::chrono::steady_clock;
using hotline::testing::HttpClient;

namespace {

struct Kind {
  std::vector<double> ms;
  long errors = 0;
};

class Recorder {
 public:
  void Add(const std::string& kind, double ms, bool ok) {
    std::lock_guard lock(mu_);
    Kind& k = kinds_[kind];
    k.ms.push_back(ms);
    if (!ok) ++k.errors;
  }
  void Print() {
    std::lock_guard lock(mu_);
    // The mean and the far tail too: a writer paced at a fixed rate falls behind on
    // rare long stalls that p99 does not show.
    std::printf("%-10s %9s %7s %9s %9s %9s %9s %9s\n", "kind", "requests", "errors", "mean ms", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms");
    for (auto& [name, k] : kinds_) {
      std::sort(k.ms.begin(), k.ms.end());
      auto pct = [&](double p) { return k.ms.empty() ? 0.0 : k.ms[static_cast<std::size_t>(p * (k.ms.size() - 1))]; };
      double sum = 0;
      for (double v : k.ms) sum += v;
      const double mean = k.ms.empty() ? 0.0 : sum / static_cast<double>(k.ms.size());
      std::printf("%-10s %9zu %7ld %9.2f %9.2f %9.2f %9.2f %9.2f\n", name.c_str(), k.ms.size(), k.errors, mean,
                  pct(0.5), pct(0.99), pct(0.999), pct(1.0));
    }
  }

 private:
  std::mutex mu_;
  std::map<std::string, Kind> kinds_;
};

long RssKiB(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = 0;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> value;
      return value;
    }
    std::getline(in, key);
  }
  return -1;
}

// Times one request and records it under `kind` (ok when the status is `expect`).
int Timed(Recorder& rec, const std::string& kind, int expect, const std::function<hotline::testing::HttpResult()>& fn,
          std::string* body = nullptr) {
  const auto start = Clock::now();
  auto r = fn();
  rec.Add(kind, std::chrono::duration<double, std::milli>(Clock::now() - start).count(), r.status == expect);
  if (body) *body = r.body;
  return r.status;
}

// Logs in, waiting out 429s: the server answers 429 (login_busy) when more
// logins arrive at once than its bounded password-hash queue holds, as the
// soak's twenty workers do at start. A worker that cannot log in stops the
// run: one silently missing writer once cost an eighth of the intake rate.
void LoginOrDie(HttpClient& c, const std::string& username) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    const int status = c.Login(username);
    if (status == 201) return;
    if (status != 429) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + 50 * attempt));
  }
  std::fprintf(stderr, "soak: login as %s failed\n", username.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  int port = 8080, pid = 0, seconds = 1800, rate = 200, subscribers = 50, every = 60;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (a == "--port") port = v;
    else if (a == "--pid") pid = v;
    else if (a == "--seconds") seconds = v;
    else if (a == "--rate") rate = v;
    else if (a == "--subscribers") subscribers = v;
    else if (a == "--every") every = v;
  }
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  Recorder rec;
  std::mutex ids_mu;
  std::vector<long long> ids;
  std::atomic<long> events_received{0};
  std::atomic<long> intakes_saved{0};
  std::vector<std::thread> threads;

  // Live-event subscribers: raw sockets, drained by one thread.
  threads.emplace_back([&] {
    boost::asio::io_context ioc;
    HttpClient login("127.0.0.1", static_cast<unsigned short>(port));
    LoginOrDie(login, "supervisor");
    std::vector<std::unique_ptr<boost::asio::ip::tcp::socket>> socks;
    for (int i = 0; i < subscribers; ++i) {
      auto s = std::make_unique<boost::asio::ip::tcp::socket>(ioc);
      boost::system::error_code ec;
      s->connect({boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)}, ec);
      if (ec) continue;
      const std::string req =
          "GET /api/v1/live HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + login.token() + "\r\n\r\n";
      boost::asio::write(*s, boost::asio::buffer(req), ec);
      s->non_blocking(true);
      socks.push_back(std::move(s));
    }
    char buf[65536];
    while (Clock::now() < end) {
      for (auto& s : socks) {
        boost::system::error_code ec;
        const std::size_t n = s->read_some(boost::asio::buffer(buf), ec);
        if (!ec) events_received += static_cast<long>(std::count(buf, buf + n, '\n'));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });

  // Intakes at `rate` per second over 8 threads; every other one is dispatched.
  const int writers = 8;
  for (int w = 0; w < writers; ++w)
    threads.emplace_back([&, w] {
      HttpClient op("127.0.0.1", static_cast<unsigned short>(port)), disp("127.0.0.1", static_cast<unsigned short>(port));
      LoginOrDie(op, "operator");
      LoginOrDie(disp, "dispatcher");
      const auto period = std::chrono::microseconds(1'000'000LL * writers / std::max(1, rate));
      auto next = Clock::now();
      for (long n = 0; Clock::now() < end; ++n) {
        next += period;
        std::string body;
        const nlohmann::json appeal = {{"channel", "phone"},
                                       {"appeal_type", "complaint"},
                                       {"content", "浸泡测试：人民路夜间施工噪声扰民 #" + std::to_string(w) + "-" + std::to_string(n)},
                                       {"caller", {{"name", "测试"}, {"phone", "13800000000"}}},
                                       {"area", "LC-D01-S01"}};
        const int status = Timed(rec, "intake", 201, [&] { return op.Post("/api/v1/tickets", appeal); }, &body);
        if (status == 201) ++intakes_saved;
        if (status == 201 && n % 2 == 0) {
          const long long id = nlohmann::json::parse(body)["id"];
          const std::string base = "/api/v1/tickets/" + std::to_string(id) + "/";
          Timed(rec, "command", 200, [&] { return op.Post(base + "to-dispatch", nlohmann::json::object()); });
          Timed(rec, "command", 200, [&] { return disp.Post(base + "dispatch", {{"unit", "LC-D01-S01"}}); });
          std::lock_guard lock(ids_mu);
          ids.push_back(id);
        }
        std::this_thread::sleep_until(next);
      }
    });

  // Readers: lists and details, about 100 per second.
  for (int r = 0; r < 4; ++r)
    threads.emplace_back([&, r] {
      HttpClient c("127.0.0.1", static_cast<unsigned short>(port));
      LoginOrDie(c, r % 2 ? "LC-D01-S01" : "supervisor");
      std::mt19937 rng(static_cast<unsigned>(r));
      while (Clock::now() < end) {
        Timed(rec, "list", 200, [&] { return c.Get("/api/v1/tickets?per_page=20&state=dispatched"); });
        long long id = 0;
        {
          std::lock_guard lock(ids_mu);
          if (!ids.empty()) id = ids[rng() % ids.size()];
        }
        if (id) Timed(rec, "detail", 200, [&] { return c.Get("/api/v1/tickets/" + std::to_string(id)); });
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
      }
    });

  // Logins and logouts, one a second.
  threads.emplace_back([&] {
    while (Clock::now() < end) {
      HttpClient c("127.0.0.1", static_cast<unsigned short>(port));
      Timed(rec, "login", 201, [&] {
        auto r = c.Post("/api/v1/sessions", {{"username", "callback"}, {"password", "demo"}});
        if (r.status == 201) c.SetToken(r.Json()["token"]);
        return r;
      });
      Timed(rec, "logout", 200, [&] { return c.Request("DELETE", "/api/v1/sessions"); });
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });

  const auto start = Clock::now();
  std::printf("elapsed_s rss_kib live_lines\n");
  while (Clock::now() < end) {
    std::printf("%9.0f %7ld %10ld\n", std::chrono::duration<double>(Clock::now() - start).count(), pid ? RssKiB(pid) : -1,
                events_received.load());
    std::fflush(stdout);
    std::this_thread::sleep_until(std::min(end, Clock::now() + std::chrono::seconds(every)));
  }
  for (auto& t : threads) t.join();
  std::printf("%9.0f %7ld %10ld\n", std::chrono::duration<double>(Clock::now() - start).count(), pid ? RssKiB(pid) : -1,
              events_received.load());
  rec.Print();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("intakes saved: %ld in %.0f s = %.1f/s (target %d/s)\n", intakes_saved.load(), elapsed,
              static_cast<double>(intakes_saved.load()) / elapsed, rate);
  return 0;
}

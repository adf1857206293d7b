// intake_load: drives durable intakes (POST /api/v1/tickets) against a running
// hotline server over N concurrent keep-alive connections for a fixed time, and
// prints throughput and latency percentiles. One thread, asynchronous I/O, so the
// load generator itself stays light on this 2-core machine.
//
//   intake_load --port 8080 [--host 127.0.0.1] [--connections 64] [--seconds 10]
//   intake_load --ports 8081,8082,8083 ...   several servers on one database
//                                            (issue 11): connections spread over
//                                            them in turn, one login on each
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Stats {
  std::vector<double> latencies_ms;
  long ok = 0, failed = 0;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(asio::io_context& ioc, tcp::endpoint ep, std::string token, Clock::time_point end, Stats& stats, int id)
      : stream_(ioc), ep_(ep), token_(std::move(token)), end_(end), stats_(stats), id_(id) {}
  void Start() {
    stream_.async_connect(ep_, [self = shared_from_this()](beast::error_code ec) {
      if (ec) {
        ++self->stats_.failed;
        return;
      }
      self->Send();
    });
  }

 private:
  void Send() {
    if (Clock::now() >= end_) return;
    req_ = {http::verb::post, "/api/v1/tickets", 11};
    req_.set(http::field::host, "127.0.0.1");
    req_.set(http::field::authorization, "Bearer " + token_);
    req_.set(http::field::content_type, "application/json");
    req_.body() = nlohmann::json{{"channel", "phone"},
                                 {"appeal_type", "complaint"},
                                 {"content", "压测：东华街道人民路" + std::to_string(id_) + "号附近夜间施工噪声扰民，请求处理 #" +
                                                 std::to_string(seq_++)},
                                 {"caller", {{"name", "测试"}, {"phone", "13800000000"}}},
                                 {"area", "LC-D01-S01"}}
                      .dump();
    req_.prepare_payload();
    start_ = Clock::now();
    http::async_write(stream_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        ++self->stats_.failed;
        return;
      }
      self->res_ = {};
      http::async_read(self->stream_, self->buffer_, self->res_, [self](beast::error_code ec2, std::size_t) {
        if (ec2) {
          ++self->stats_.failed;
          return;
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - self->start_).count();
        if (self->res_.result_int() == 201) {
          ++self->stats_.ok;
          self->stats_.latencies_ms.push_back(ms);
        } else {
          ++self->stats_.failed;
        }
        self->Send();
      });
    });
  }

  beast::tcp_stream stream_;
  tcp::endpoint ep_;
  std::string token_;
  Clock::time_point end_;
  Stats& stats_;
  int id_;
  long seq_ = 0;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
  beast::flat_buffer buffer_;
  Clock::time_point start_;
};

std::string Login(asio::io_context& ioc, const tcp::endpoint& ep) {
  beast::tcp_stream s(ioc);
  s.connect(ep);
  http::request<http::string_body> req{http::verb::post, "/api/v1/sessions", 11};
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::content_type, "application/json");
  req.body() = R"({"username":"operator","password":"demo"})";
  req.prepare_payload();
  http::write(s, req);
  beast::flat_buffer b;
  http::response<http::string_body> res;
  http::read(s, b, res);
  if (res.result_int() != 201) throw std::runtime_error("login failed: " + res.body());
  return nlohmann::json::parse(res.body())["token"].get<std::string>();
}

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  std::vector<int> ports = {8080};
  int connections = 64, seconds = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--host")) host = argv[i + 1];
    else if (!std::strcmp(argv[i], "--port")) ports = {std::atoi(argv[i + 1])};
    else if (!std::strcmp(argv[i], "--ports")) {
      ports.clear();
      for (const char* p = argv[i + 1]; *p;) {
        ports.push_back(std::atoi(p));
        p = std::strchr(p, ',') ? std::strchr(p, ',') + 1 : p + std::strlen(p);
      }
    }
    else if (!std::strcmp(argv[i], "--connections")) connections = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atoi(argv[i + 1]);
  }
  asio::io_context ioc;
  std::vector<tcp::endpoint> endpoints;
  std::vector<std::string> tokens;
  for (int port : ports) {
    endpoints.emplace_back(asio::ip::make_address(host), static_cast<unsigned short>(port));
    tokens.push_back(Login(ioc, endpoints.back()));
  }
  Stats stats;
  const auto begin = Clock::now();
  const auto end = begin + std::chrono::seconds(seconds);
  for (int i = 0; i < connections; ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % endpoints.size();
    std::make_shared<Connection>(ioc, endpoints[s], tokens[s], end, stats, i)->Start();
  }
  ioc.run();
  const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
  auto& l = stats.latencies_ms;
  std::sort(l.begin(), l.end());
  auto pct = [&](double p) { return l.empty() ? 0.0 : l[std::min(l.size() - 1, static_cast<std::size_t>(p * l.size()))]; };
  std::printf("connections=%d seconds=%.1f ok=%ld failed=%ld throughput=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms\n",
              connections, elapsed, stats.ok, stats.failed, stats.ok / elapsed, pct(0.50), pct(0.99),
              l.empty() ? 0.0 : l.back());
  return stats.failed > 0 ? 1 : 0;
}

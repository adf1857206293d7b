#include "api/http_server.h"

#include "service/live_events.h"
#include "api/router.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <sys/resource.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace hotline::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

HttpRequest ToRequest(const http::request<http::string_body>& req, const std::string& remote, bool& bad_target) {
  HttpRequest out;
  out.method = std::string(req.method_string());
  out.body = req.body();
  out.remote = remote;
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  auto url = boost::urls::parse_origin_form(req.target());
  if (!url) {
    bad_target = true;
    return out;
  }
  out.path = url->path();
  for (auto param : url->params()) out.query.emplace(param.key, param.value);
  return out;
}

http::response<http::string_body> ToBeast(HttpResponse r, unsigned version, bool keep_alive) {
  http::response<http::string_body> res{static_cast<http::status>(r.status), version};
  res.set(http::field::server, "hotline");
  res.set(http::field::content_type, r.content_type);
  for (auto& [k, v] : r.headers) res.set(k, v);
  res.body() = std::move(r.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

// Bytes of large bodies in memory at once, shared by every connection.
class BodyBudget {
 public:
  explicit BodyBudget(std::size_t capacity) : free_(capacity) {}
  bool Reserve(std::size_t n) {
    std::lock_guard lock(mu_);
    if (n > free_) return false;
    free_ -= n;
    return true;
  }
  void Release(std::size_t n) {
    std::lock_guard lock(mu_);
    free_ += n;
  }

 private:
  std::mutex mu_;
  std::size_t free_;
};

// Holds a reservation until the request it was for has been handled.
struct BodyReservation {
  BodyReservation(BodyBudget* budget, std::size_t bytes) : budget(budget), bytes(bytes) {}
  ~BodyReservation() {
    if (budget && bytes) budget->Release(bytes);
  }
  BodyBudget* budget;
  std::size_t bytes;
};

struct Shared {
  const Handler& handler;
  asio::thread_pool& workers;
  const ServerOptions& options;
  BodyBudget& budget;
  std::atomic<int>& connections;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared shared) : stream_(std::move(socket)), shared_(shared) {
    ++shared_.connections;
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }
  ~Session() { --shared_.connections; }
  void Run() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::Read, shared_from_this()));
  }
  // Answers 503 at once and closes: the server has too many connections.
  void Refuse() {
    HttpResponse r =
        ErrorResponse(503, Reasons::kUnavailable, "too many connections; try again shortly", "", Reasons::kServerBusy);
    r.headers.emplace_back("Retry-After", "1");
    asio::dispatch(stream_.get_executor(), [self = shared_from_this(), r = std::move(r)]() mutable {
      self->Write(ToBeast(std::move(r), 11, false));
    });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);  // the request line (URL) and headers together
    // Beast checks Content-Length against the limit while reading the header: allow
    // the largest body there, and set this request's own limit in OnHeader.
    body_limit_ = std::max(shared_.options.max_body_bytes, shared_.options.max_large_body_bytes);
    parser_->body_limit(body_limit_);
    reservation_.reset();
    stream_.expires_after(std::chrono::seconds(shared_.options.header_timeout_seconds));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  // Errors while reading a request: answers (when there is anything to say) and closes.
  void Fail(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::operation_aborted)
      return Close();
    if (ec == http::error::body_limit) return TooLarge();
    if (ec == http::error::header_limit) {
      HttpResponse r =
          ErrorResponse(431, Reasons::kBadRequest, "request line and headers exceed 16 KiB", "", Reasons::kTooLong);
      return Write(ToBeast(std::move(r), 11, false));
    }
    HttpResponse r = ErrorResponse(400, Reasons::kBadRequest, "malformed HTTP request");
    return Write(ToBeast(std::move(r), 11, false));
  }
  void TooLarge() {
    HttpResponse r =
        ErrorResponse(413, Reasons::kPayloadTooLarge, "request body exceeds " + std::to_string(body_limit_) + " bytes",
                      "body", Reasons::kTooLarge);
    return Write(ToBeast(std::move(r), 11, false));
  }

  // The header is in: decide how much body this request may send before reading it.
  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return Fail(ec);
    const auto& head = parser_->get();
    body_limit_ = shared_.options.max_body_bytes;
    if (shared_.options.allows_large_body &&
        shared_.options.allows_large_body({std::string(head.method_string()), std::string(head.target()),
                                           std::string(head[http::field::authorization])}))
      body_limit_ = std::max(body_limit_, shared_.options.max_large_body_bytes);
    const auto declared = parser_->content_length();
    if (declared && *declared > body_limit_) return TooLarge();
    if (body_limit_ > shared_.options.max_body_bytes) {
      // Large bodies must say their size, and wait for room in the shared budget.
      if (!declared && !parser_->is_done()) {
        HttpResponse r = ErrorResponse(411, Reasons::kBadRequest, "large uploads need a Content-Length", "body");
        return Write(ToBeast(std::move(r), 11, false));
      }
      const std::size_t bytes = declared ? static_cast<std::size_t>(*declared) : 0;
      if (bytes > shared_.options.max_body_bytes) {
        if (!shared_.budget.Reserve(bytes)) {
          HttpResponse r = ErrorResponse(503, Reasons::kUnavailable, "too many uploads at once; try again shortly",
                                         "body", Reasons::kServerBusy);
          r.headers.emplace_back("Retry-After", "2");
          return Write(ToBeast(std::move(r), 11, false));
        }
        reservation_ = std::make_shared<BodyReservation>(&shared_.budget, bytes);
      }
    }
    parser_->body_limit(body_limit_);
    stream_.expires_after(std::chrono::seconds(shared_.options.body_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return Fail(ec);
    auto req = parser_->release();
    bool bad_target = false;
    HttpRequest request = ToRequest(req, remote_, bad_target);
    if (bad_target) {
      HttpResponse r = ErrorResponse(400, Reasons::kBadRequest, "malformed request target");
      return Write(ToBeast(std::move(r), req.version(), req.keep_alive()));
    }
    // Handlers may block on the store (a durable commit waits for fsync): run them
    // on the worker pool, and come back to this connection's strand to write.
    const unsigned version = req.version();
    const bool keep_alive = req.keep_alive();
    asio::post(shared_.workers, [self = shared_from_this(), request = std::move(request), version, keep_alive,
                                 reservation = std::move(reservation_)]() mutable {
      HttpResponse response;
      try {
        response = self->shared_.handler(request);
      } catch (const std::exception& e) {  // a bug must cost one request, not the server
        response = ErrorResponse(500, Reasons::kInternal, "internal error");
      }
      request = HttpRequest();  // the body's memory goes back before the budget does
      reservation.reset();
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response), version, keep_alive]() mutable {
                   if (response.stream) return self->StartStream(std::move(response.stream));
                   self->Write(ToBeast(std::move(response), version, keep_alive));
                 });
    });
  }

  // --- server-sent events: the connection becomes a one-way stream ---------------
  void StartStream(std::shared_ptr<LiveSubscription> live) {
    live_ = std::move(live);
    stream_.expires_never();
    live_->SetWake([weak = weak_from_this()] {
      if (auto self = weak.lock()) asio::post(self->stream_.get_executor(), [self] { self->Pump(); });
    });
    WriteRaw(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n"
        "Connection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\n: connected\n\n");
    Heartbeat();
    WatchForClose();
  }
  void Pump() {
    if (writing_ || !live_) return;
    // A subscriber whose session ended (logout, expiry, account disabled) gets nothing more.
    if (!live_->Valid()) return EndStream();
    std::string data = live_->Drain();
    if (!data.empty()) WriteRaw(std::move(data));
  }
  void WriteRaw(std::string data) {
    writing_ = true;
    auto buf = std::make_shared<std::string>(std::move(data));
    asio::async_write(stream_.socket(), asio::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, std::size_t) {
      self->writing_ = false;
      if (ec) return self->EndStream();
      self->Pump();
    });
  }
  void Heartbeat() {
    heartbeat_.expires_after(std::chrono::seconds(15));
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->live_) return;
      if (!self->live_->Valid()) return self->EndStream();
      if (!self->writing_) self->WriteRaw(": ping\n\n");
      self->Heartbeat();
    });
  }
  // The client sends nothing on a stream; a read completing means it went away.
  void WatchForClose() {
    auto buf = std::make_shared<std::array<char, 512>>();
    stream_.socket().async_read_some(asio::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, std::size_t) {
      if (ec) return self->EndStream();
      self->WatchForClose();
    });
  }
  void EndStream() {
    if (!live_) return;
    live_->Close();
    live_.reset();
    heartbeat_.cancel();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  void Write(http::response<http::string_body> res) {
    auto sp = std::make_shared<http::response<http::string_body>>(std::move(res));
    const bool close = !sp->keep_alive();
    http::async_write(stream_, *sp, [self = shared_from_this(), sp, close](beast::error_code ec, std::size_t) {
      if (ec || close) return self->Close();
      self->Read();
    });
  }

  // Half-closes, then drains what the client is still sending (e.g. the rest of an
  // oversized body) so that closing does not reset the connection before the
  // client has read our response.
  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    stream_.expires_after(std::chrono::seconds(5));
    Drain();
  }
  void Drain() {
    auto buf = std::make_shared<std::array<char, 16384>>();
    stream_.async_read_some(asio::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, std::size_t) {
      if (!ec) self->Drain();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Shared shared_;
  std::shared_ptr<BodyReservation> reservation_;
  std::size_t body_limit_ = 0;
  std::shared_ptr<LiveSubscription> live_;
  bool writing_ = false;
  asio::steady_timer heartbeat_{stream_.get_executor()};
  std::string remote_;
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Handler handler;
  asio::io_context ioc;
  std::unique_ptr<asio::thread_pool> workers;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  std::mutex mu;
  std::condition_variable stopped_cv;
  bool stopped = false;
  std::unique_ptr<BodyBudget> budget;
  std::atomic<int> connections{0};
  int max_connections = 0;
  asio::steady_timer accept_pause{ioc};

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        // Out of file descriptors (or another transient failure): pause instead
        // of spinning; connections that end meanwhile free descriptors.
        accept_pause.expires_after(std::chrono::milliseconds(100));
        accept_pause.async_wait([this](beast::error_code wait_ec) {
          if (!wait_ec) Accept();
        });
        return;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto session = std::make_shared<Session>(std::move(socket), Shared{handler, *workers, options, *budget, connections});
      if (connections.load() > max_connections) session->Refuse();
      else session->Run();
      Accept();
    });
  }
};

HttpServer::HttpServer(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Status::InvalidArgument("address", "bad listen address " + impl_->options.address);
  tcp::endpoint endpoint{address, impl_->options.port};
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return Status::Unavailable("cannot listen on " + impl_->options.address + ":" +
                               std::to_string(impl_->options.port) + ": " + ec.message());
  impl_->budget = std::make_unique<BodyBudget>(impl_->options.large_body_budget_bytes);
  impl_->max_connections = impl_->options.max_connections;
  if (impl_->max_connections <= 0) {
    rlimit limit{};
    const bool known = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
    impl_->max_connections = known ? std::max<int>(16, static_cast<int>(limit.rlim_cur * 3 / 4)) : 10000;
  }
  impl_->workers = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(std::max(1, impl_->options.workers)));
  impl_->Accept();
  for (int i = 0; i < std::max(1, impl_->options.threads); ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  return Status::Ok();
}

unsigned short HttpServer::port() const {
  beast::error_code ec;
  auto ep = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : ep.port();
}

void HttpServer::Stop() {
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->stopped) return;
    impl_->stopped = true;
  }
  impl_->ioc.stop();
  if (impl_->workers) impl_->workers->join();
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
  impl_->stopped_cv.notify_all();
}

void HttpServer::Wait() {
  std::unique_lock lock(impl_->mu);
  impl_->stopped_cv.wait(lock, [&] { return impl_->stopped; });
}

}  // namespace hotline::api

// HttpServer: an HTTP/1.1 server on Boost.Beast/Asio. Accepts connections on a
// loopback or any address, reads requests (bodies bounded by max_body_bytes,
// answered with 413 beyond), hands each to `handler` and writes its response,
// with keep-alive. Sockets are served by `threads` I/O threads; the handler runs
// on a pool of `workers` threads and may block (a durable commit waits for fsync,
// and concurrent commits are grouped, so more waiting workers mean fewer fsyncs
// per request). Stop() stops accepting and joins every thread.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/http_types.h"
#include "domain/status.h"

namespace hotline::api {

// What the server needs to know of a request before reading its body.
struct RequestHead {
  std::string method;
  std::string target;         // as sent (path and query, not decoded)
  std::string authorization;  // the Authorization header, may be empty
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 2;   // I/O threads
  int workers = 64;  // handler threads
  // Bodies: every request may send `max_body_bytes`; only those for which
  // `allows_large_body` says yes (e.g. an upload with a bearer token) may send up
  // to `max_large_body_bytes`, and all such bodies in memory at once share
  // `large_body_budget_bytes` (503 beyond). Larger bodies get 413 before they are read.
  std::size_t max_body_bytes = (1 << 20) + 4096;
  std::size_t max_large_body_bytes = 12 << 20;  // attachments up to 10 MiB, base64 or multipart overhead
  std::size_t large_body_budget_bytes = 128 << 20;
  std::function<bool(const RequestHead&)> allows_large_body;
  // Open connections beyond this are answered 503 and closed; 0: from the
  // process's file-descriptor limit (three quarters of it).
  int max_connections = 0;
  int header_timeout_seconds = 30;  // the whole header must arrive within this
  int body_timeout_seconds = 120;   // then the whole body within this
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving; returns once the port is open.
  Status Start();
  unsigned short port() const;
  void Stop();
  // Blocks until Stop() is called (from another thread or a signal handler).
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::api

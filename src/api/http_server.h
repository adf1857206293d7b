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

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 2;   // I/O threads
  int workers = 64;  // handler threads
  std::size_t max_body_bytes = 12 << 20;  // attachments up to 10 MiB; JSON bodies are checked at 1 MiB
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

// StreamReader: a raw client of the live-event stream (/api/v1/live) for tests:
// connects, sends the request, and collects what the server writes.
#pragma once

#include <boost/asio.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace hotline::testing {

class StreamReader {
 public:
  // How the token is sent: the Authorization header (what the server accepts) or the
  // query string (refused since issue 9, kept to test that refusal).
  enum class TokenIn { kHeader, kQuery };

  StreamReader(unsigned short port, const std::string& token, TokenIn in = TokenIn::kHeader) : socket_(ioc_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    const std::string req = in == TokenIn::kHeader
                                ? "GET /api/v1/live HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n"
                                : "GET /api/v1/live?token=" + token + " HTTP/1.1\r\nHost: x\r\n\r\n";
    boost::asio::write(socket_, boost::asio::buffer(req));
  }
  // True once `needle` has arrived (within `seconds`).
  bool WaitFor(const std::string& needle, int seconds = 5) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline && seen_.find(needle) == std::string::npos && ReadSome()) {
    }
    return seen_.find(needle) != std::string::npos;
  }
  // True once the server has closed the stream (within `seconds`).
  bool WaitClosed(int seconds = 5) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline && ReadSome()) {
    }
    return closed_;
  }
  const std::string& seen() const { return seen_; }

 private:
  // Reads what is there (waiting a little when nothing is); false once closed.
  bool ReadSome() {
    if (closed_) return false;
    boost::system::error_code ec;
    const std::size_t n = socket_.available(ec);
    if (!ec && n == 0) {
      // available() cannot tell a closed peer from a quiet one: poll with a short non-blocking read.
      socket_.non_blocking(true);
      char c;
      const std::size_t got = socket_.read_some(boost::asio::buffer(&c, 1), ec);
      socket_.non_blocking(false);
      if (ec == boost::asio::error::would_block) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return true;
      }
      if (ec) return !(closed_ = true);
      seen_.append(&c, got);
      return true;
    }
    if (ec) return !(closed_ = true);
    std::string buf(n, '\0');
    socket_.read_some(boost::asio::buffer(buf), ec);
    if (ec) return !(closed_ = true);
    seen_ += buf;
    return true;
  }

  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
  std::string seen_;
  bool closed_ = false;
};

}  // namespace hotline::testing

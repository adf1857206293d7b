// A small blocking HTTP/1.1 client for tests and benchmarks (Boost.Beast), one
// keep-alive connection per instance. Not thread-safe: one per thread.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <map>
#include <memory>
#include <string>

namespace hotline::testing {

struct HttpResult {
  int status = 0;  // 0 when the connection failed
  std::string body;
  std::string content_type;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

class HttpClient {
 public:
  HttpClient(std::string host, unsigned short port)
      : host_(std::move(host)), port_(port), ioc_(std::make_unique<boost::asio::io_context>()) {}
  HttpClient(HttpClient&&) = default;

  void SetToken(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }
  // An extra header sent with every request (empty value removes it).
  void SetHeader(const std::string& name, const std::string& value) {
    if (value.empty()) extra_headers_.erase(name);
    else extra_headers_[name] = value;
  }

  HttpResult Request(const std::string& method, const std::string& target, const std::string& body = "",
                     const std::string& content_type = "application/json") {
    namespace http = boost::beast::http;
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        if (!stream_) Connect();
        http::request<http::string_body> req{http::string_to_verb(method), target, 11};
        req.set(http::field::host, host_);
        if (!token_.empty()) req.set(http::field::authorization, "Bearer " + token_);
        if (!body.empty()) req.set(http::field::content_type, content_type);
        for (const auto& [name, value] : extra_headers_) req.set(name, value);
        req.body() = body;
        req.prepare_payload();
        http::write(*stream_, req);
        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 << 20);
        http::read(*stream_, buffer, parser);
        auto res = parser.release();
        HttpResult out{static_cast<int>(res.result_int()), res.body(), std::string(res[http::field::content_type]), {}};
        for (const auto& field : res) {
          std::string name(field.name_string());
          for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          out.headers[name] = std::string(field.value());
        }
        if (!res.keep_alive()) stream_.reset();
        return out;
      } catch (const std::exception&) {
        stream_.reset();  // stale keep-alive connection: retry once on a new one
      }
    }
    return {};
  }

  HttpResult Get(const std::string& target) { return Request("GET", target); }
  HttpResult Post(const std::string& target, const nlohmann::json& body) { return Request("POST", target, body.dump()); }

  // Logs in and keeps the token; returns the HTTP status.
  int Login(const std::string& username, const std::string& password = "demo") {
    auto r = Post("/api/v1/sessions", {{"username", username}, {"password", password}});
    if (r.status == 201) token_ = r.Json()["token"].get<std::string>();
    return r.status;
  }

 private:
  void Connect() {
    boost::asio::ip::tcp::resolver resolver(*ioc_);
    stream_ = std::make_unique<boost::beast::tcp_stream>(*ioc_);
    stream_->connect(resolver.resolve(host_, std::to_string(port_)));
  }

  std::string host_;
  unsigned short port_;
  std::string token_;
  std::map<std::string, std::string> extra_headers_;
  std::unique_ptr<boost::asio::io_context> ioc_;
  std::unique_ptr<boost::beast::tcp_stream> stream_;
};

}  // namespace hotline::testing

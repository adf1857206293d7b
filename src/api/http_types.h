// Framework-neutral HTTP request and response as the handlers see them, so that
// routing and endpoints are testable without sockets.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hotline::api {

struct HttpRequest {
  std::string method;                          // "GET", "POST", …
  std::string path;                            // decoded path, no query
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote;                          // peer address, for logs

  // First value of a query parameter, or "".
  std::string Param(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

}  // namespace hotline::api
namespace hotline::service {
class LiveSubscription;
}  // namespace hotline::service
namespace hotline::api {

using service::LiveSubscription;  // a response may be a stream of live events

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, the server answers with a text/event-stream and keeps writing what
  // the subscription queues until the client goes away (see live_events.h).
  std::shared_ptr<LiveSubscription> stream;
};

}  // namespace hotline::api

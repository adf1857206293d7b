// SharedServerTest: a fixture whose tests share one TestServer (demo city, own
// store directory) for the whole suite. A suite derives from it and starts the
// server in its own SetUpTestSuite with StartServer("<suite name>"); the server
// is removed after the suite's last test. Tests must therefore not rely on a
// count of tickets others made, only on what they make themselves.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "support/http_client.h"
#include "support/test_server.h"

namespace hotline::testing {

class SharedServerTest : public ::testing::Test {
 protected:
  static void StartServer(const std::string& name) { server_ = new TestServer(name); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // A client logged in as `user` (a demo account; its password is the demo one).
  static HttpClient As(const std::string& user) {
    HttpClient c = server_->Client();
    EXPECT_EQ(c.Login(user), 201) << user;
    return c;
  }
  // Tickets in the store now.
  static std::int64_t Count() { return *server_->store().CountTickets(); }

  static inline TestServer* server_ = nullptr;
};

}  // namespace hotline::testing

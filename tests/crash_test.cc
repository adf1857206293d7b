// Durability: SIGKILL the real server during a burst of concurrent intakes, then
// restart it on the same database (SQLite, or PostgreSQL in crash_test.postgres)
// and check that every intake it acknowledged
// (201) is there, whole, with its intake event.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "support/http_client.h"
#include "support/test_backend.h"

namespace hotline {
namespace {

using nlohmann::json;

struct Child {
  pid_t pid = -1;
  unsigned short port = 0;
};

// Starts `hotline serve` and reads its stdout until it prints the console address.
Child StartServer(const std::string& db_url) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(pipefd[1], STDOUT_FILENO);
    close(pipefd[0]);
    close(pipefd[1]);
    execl(HOTLINE_BINARY, "hotline", "serve", "--demo", "--demo-appeals", "0", "--db", db_url.c_str(),
          "--port", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipefd[1]);
  FILE* out = fdopen(pipefd[0], "r");
  Child child{pid, 0};
  char line[512];
  while (fgets(line, sizeof line, out)) {
    unsigned port = 0;
    if (std::sscanf(line, "  console  http://127.0.0.1:%u/", &port) == 1) {
      child.port = static_cast<unsigned short>(port);
      break;
    }
  }
  // Keep draining stdout in the background so the child never blocks on a full pipe.
  std::thread([out] {
    char buf[512];
    while (fgets(buf, sizeof buf, out)) {
    }
    fclose(out);
  }).detach();
  return child;
}

TEST(CrashTest, AcknowledgedIntakesSurviveSigkill) {
  const auto dir = std::filesystem::temp_directory_path() / ("hotline_crash_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const testing::TestDatabase database((dir / "crash.db").string());  // SQLite, or PostgreSQL (.postgres)
  const std::string db = database.url();

  Child server = StartServer(db);
  ASSERT_GT(server.pid, 0);
  ASSERT_NE(server.port, 0) << "server did not start";

  std::mutex mu;
  std::vector<std::pair<std::int64_t, std::string>> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      testing::HttpClient client("127.0.0.1", server.port);
      if (client.Login("operator") != 201) return;
      for (int i = 0; !stop; ++i) {
        const std::string content = "压力测试诉求 client " + std::to_string(c) + " #" + std::to_string(i);
        auto r = client.Post("/api/v1/tickets", {{"channel", "phone"}, {"appeal_type", "help"}, {"content", content}});
        if (r.status == 0) return;  // the server is gone
        if (r.status != 201) continue;
        std::lock_guard lock(mu);
        acknowledged.emplace_back(r.Json()["id"].get<std::int64_t>(), content);
      }
    });
  }
  // Let the burst run until a few hundred intakes are acknowledged, then kill mid-flight.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    {
      std::lock_guard lock(mu);
      if (acknowledged.size() >= 400) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(kill(server.pid, SIGKILL), 0);
  int status = 0;
  waitpid(server.pid, &status, 0);
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_TRUE(WIFSIGNALED(status));
  ASSERT_GE(acknowledged.size(), 100u);

  Child again = StartServer(db);
  ASSERT_NE(again.port, 0) << "server did not restart on the crashed database";
  testing::HttpClient check("127.0.0.1", again.port);
  ASSERT_EQ(check.Login("operator"), 201);
  std::size_t missing = 0;
  for (const auto& [id, content] : acknowledged) {
    auto r = check.Get("/api/v1/tickets/" + std::to_string(id));
    if (r.status != 200) {
      ++missing;
      continue;
    }
    json t = r.Json();
    EXPECT_EQ(t["content"], content);
    EXPECT_EQ(t["events"].size(), 1u);
  }
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged intakes";
  kill(again.pid, SIGTERM);
  waitpid(again.pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "SIGTERM should stop the server cleanly";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hotline

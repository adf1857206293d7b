#include "api/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace hotline::api {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("static_files_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "web" / "assets");
    Write(dir_ / "web" / "index.html", "<p>console</p>");
    Write(dir_ / "web" / "assets" / "app.js", "console.log(1)");
    Write(dir_ / "secret.txt", "SECRET");
    std::filesystem::create_symlink(dir_ / "secret.txt", dir_ / "web" / "assets" / "link.txt");
    std::filesystem::create_symlink("/etc", dir_ / "web" / "etc");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  static void Write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }
  HttpResponse Get(const std::string& path) {
    HttpRequest req;
    req.method = "GET";
    req.path = path;
    return StaticFiles((dir_ / "web").string()).Serve(req);
  }
  std::filesystem::path dir_;
};

TEST_F(StaticFilesTest, ServesFilesUnderTheRoot) {
  EXPECT_EQ(Get("/").status, 200);
  EXPECT_EQ(Get("/").body, "<p>console</p>");
  auto js = Get("/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Get("/assets/missing.js").status, 404);
}

// Each of these once read a file outside the web root, or could.
TEST_F(StaticFilesTest, NeverServesAFileOutsideTheRoot) {
  const std::string secret = (dir_ / "secret.txt").string();
  for (const std::string& path :
       {std::string("//etc/passwd"), "/" + secret, "/" + secret.substr(1), std::string("/../secret.txt"),
        std::string("/assets/../../secret.txt"), std::string("/assets/..//../secret.txt"),
        std::string("/./index.html"), std::string("/assets//app.js"), std::string("/assets/link.txt"),
        std::string("/etc/passwd"), std::string("/assets/app.js/"), std::string("/assets\\app.js"),
        std::string("/c:/x"), std::string("/assets/app.js\0x", 17)}) {
    auto r = Get(path);
    EXPECT_NE(r.status, 200) << path;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, ResolveKeepsToTheCanonicalRoot) {
  StaticFiles files((dir_ / "web").string());
  EXPECT_TRUE(files.Resolve("/index.html"));
  EXPECT_FALSE(files.Resolve("/assets/link.txt"));  // a symlink out of the root
  EXPECT_FALSE(files.Resolve("//etc/passwd"));
  EXPECT_FALSE(files.Resolve("index.html"));  // not absolute
  EXPECT_FALSE(files.Resolve("/assets"));     // a directory
}

}  // namespace
}  // namespace hotline::api

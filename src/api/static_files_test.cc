#include "api/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <optional>

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
  HttpResponse Get(const std::string& path, std::optional<std::string> accept_encoding = std::nullopt) {
    HttpRequest req;
    req.method = "GET";
    req.path = path;
    if (accept_encoding) req.headers["accept-encoding"] = *accept_encoding;
    return StaticFiles((dir_ / "web").string()).Serve(req);
  }
  static std::string HeaderOf(const HttpResponse& r, const std::string& name) {
    std::string value;
    int count = 0;
    for (const auto& [k, v] : r.headers)
      if (k == name) value = v, ++count;
    return count > 1 ? "<repeated>" : value;
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

TEST(AcceptsGzipTest, ParsesTokensAndQValues) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("GZip"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("br, gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));  // what Chromium sends
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
  EXPECT_TRUE(AcceptsGzip("gzip ; q=0.001"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("identity, *;q=0.5"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; Q=0.000"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0, *"));  // gzip named and refused: '*' does not bring it back
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzipx, xgzip, gzip-br"));  // whole tokens only
  EXPECT_FALSE(AcceptsGzip("gzip;q=2"));               // malformed q-values refuse
  EXPECT_FALSE(AcceptsGzip("gzip;q=abc"));
}

TEST(IsHashedAssetTest, OnlyViteHashedNamesUnderAssets) {
  EXPECT_TRUE(IsHashedAsset("/assets/index-D3tvVsEc.js"));
  EXPECT_TRUE(IsHashedAsset("/assets/CategoriesView-DaZ13Qx-.js"));
  EXPECT_TRUE(IsHashedAsset("/assets/installCanvasRenderer-v_YRrYu-.js"));
  EXPECT_TRUE(IsHashedAsset("/assets/AuditView-7RDOQVRD.css"));
  EXPECT_TRUE(IsHashedAsset("/assets/index-D3tvVsEc.js.map"));
  EXPECT_TRUE(IsHashedAsset("/assets/index-D3tvVsEc.js.gz"));
  EXPECT_FALSE(IsHashedAsset("/index.html"));
  EXPECT_FALSE(IsHashedAsset("/portal.html"));
  EXPECT_FALSE(IsHashedAsset("/index-D3tvVsEc.js"));     // not under assets/
  EXPECT_FALSE(IsHashedAsset("/assets/app.js"));         // no hash
  EXPECT_FALSE(IsHashedAsset("/assets/app-settings.js"));  // a word, not a hash
  EXPECT_FALSE(IsHashedAsset("/assets/index-D3tvVsEc"));  // no extension
  EXPECT_FALSE(IsHashedAsset("/assets/index-D3t.Vs.js"));
}

class StaticFilesGzipTest : public StaticFilesTest {
 protected:
  void SetUp() override {
    StaticFilesTest::SetUp();
    Write(dir_ / "web" / "assets" / "main-Ab3dEf9_.js", "PLAIN-JS");
    Write(dir_ / "web" / "assets" / "main-Ab3dEf9_.js.gz", "GZIP-JS");
    Write(dir_ / "web" / "index.html.gz", "GZIP-HTML");
    Write(dir_ / "web" / "assets" / "only.js.gz", "GZIP-ONLY");
    Write(dir_ / "web" / "logo.png", "PNG");
    Write(dir_ / "web" / "logo.png.gz", "GZIP-PNG");
    // A .gz beside a real file that links out of the root must not be followed.
    Write(dir_ / "secret.js.gz", "SECRET");
    Write(dir_ / "web" / "assets" / "escape.js", "PLAIN-ESCAPE");
    std::filesystem::create_symlink(dir_ / "secret.js.gz", dir_ / "web" / "assets" / "escape.js.gz");
  }
};

TEST_F(StaticFilesGzipTest, ServesTheGzipOnlyWhenAccepted) {
  struct Case {
    std::optional<std::string> header;
    bool gzip;
  };
  for (const Case& c : {Case{"gzip", true}, Case{"gzip, deflate, br, zstd", true}, Case{"br, gzip", true},
                        Case{"*", true}, Case{"gzip;q=0", false}, Case{"br", false}, Case{"", false},
                        Case{std::nullopt, false}}) {
    const std::string label = c.header.value_or("<absent>");
    auto r = Get("/assets/main-Ab3dEf9_.js", c.header);
    EXPECT_EQ(r.status, 200) << label;
    EXPECT_EQ(r.body, c.gzip ? "GZIP-JS" : "PLAIN-JS") << label;
    EXPECT_EQ(HeaderOf(r, "Content-Encoding"), c.gzip ? "gzip" : "") << label;
    EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding") << label;  // in both cases
    EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8") << label;
  }
  auto html = Get("/", "gzip");
  EXPECT_EQ(html.body, "GZIP-HTML");
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(html, "Content-Encoding"), "gzip");
}

TEST_F(StaticFilesGzipTest, FallsBackToThePlainFile) {
  auto js = Get("/assets/app.js", "gzip");  // no app.js.gz
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(HeaderOf(js, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(js, "Vary"), "Accept-Encoding");
  // Not a compressible type: the .gz beside it is ignored and there is no Vary.
  auto png = Get("/logo.png", "gzip");
  EXPECT_EQ(png.body, "PNG");
  EXPECT_EQ(HeaderOf(png, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(png, "Vary"), "");
  // A .gz without its original is not served in its place.
  EXPECT_EQ(Get("/assets/only.js", "gzip").status, 404);
}

TEST_F(StaticFilesGzipTest, AGzipCannotEscapeTheRoot) {
  auto r = Get("/assets/escape.js", "gzip");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "PLAIN-ESCAPE");
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "");
  EXPECT_EQ(r.body.find("SECRET"), std::string::npos);
  // The symlinked file escapes the root (link.txt → secret.txt): no .gz rescues it.
  Write(dir_ / "web" / "assets" / "link.txt.gz", "GZ");
  EXPECT_NE(Get("/assets/link.txt", "gzip").status, 200);
}

TEST_F(StaticFilesGzipTest, CachesHashedAssetsForLongAndRevalidatesTheRest) {
  const std::string kImmutable = "public, max-age=31536000, immutable";
  EXPECT_EQ(HeaderOf(Get("/assets/main-Ab3dEf9_.js", "gzip"), "Cache-Control"), kImmutable);
  EXPECT_EQ(HeaderOf(Get("/assets/main-Ab3dEf9_.js"), "Cache-Control"), kImmutable);
  EXPECT_EQ(HeaderOf(Get("/", "gzip"), "Cache-Control"), "no-cache");
  EXPECT_EQ(HeaderOf(Get("/index.html"), "Cache-Control"), "no-cache");
  EXPECT_EQ(HeaderOf(Get("/assets/app.js"), "Cache-Control"), "no-cache");  // no hash in the name
  EXPECT_EQ(HeaderOf(Get("/logo.png"), "Cache-Control"), "no-cache");
}

}  // namespace
}  // namespace hotline::api

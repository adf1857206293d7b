#include "triage/model_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hotline::triage {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("hotline_model_file_test_" + name)).string();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Spit(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

ModelFile Sample() {
  ModelFile f;
  f.metadata = {{"kind", "test"}, {"labels", {"a", "b"}}};
  f.sections = {{"one", std::string("\x00\x01\x02\n", 4)}, {"two", "hello"}, {"empty", ""}};
  return f;
}

TEST(ModelFile, RoundTrips) {
  const std::string path = TempPath("roundtrip");
  ASSERT_TRUE(WriteModelFile(path, Sample()).ok());
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  auto f = ReadModelFile(path);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->metadata, Sample().metadata);
  ASSERT_NE(f->Section("one"), nullptr);
  EXPECT_EQ(*f->Section("one"), std::string("\x00\x01\x02\n", 4));
  EXPECT_EQ(*f->Section("two"), "hello");
  EXPECT_EQ(*f->Section("empty"), "");
  EXPECT_EQ(f->Section("three"), nullptr);
  std::filesystem::remove(path);
}

TEST(ModelFile, MissingFileIsNotFound) {
  auto f = ReadModelFile(TempPath("does_not_exist"));
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
  EXPECT_NE(f.status().message().find("does_not_exist"), std::string::npos);
  EXPECT_EQ(ReadModelFile(std::filesystem::temp_directory_path().string()).status().code(), StatusCode::kNotFound);
}

TEST(ModelFile, CorruptionIsRefusedWithAReason) {
  const std::string path = TempPath("corrupt");
  ASSERT_TRUE(WriteModelFile(path, Sample()).ok());
  const std::string good = Slurp(path);
  auto reason = [&](const std::string& bytes) {
    Spit(path, bytes);
    auto f = ReadModelFile(path);
    EXPECT_FALSE(f.ok());
    EXPECT_EQ(f.status().field(), "model");
    return f.status().message();
  };
  EXPECT_NE(reason("").find("wrong header"), std::string::npos);
  EXPECT_NE(reason("garbage\nmore garbage").find("wrong header"), std::string::npos);
  EXPECT_NE(reason(good.substr(0, good.size() - 2)).find("truncated"), std::string::npos);
  EXPECT_NE(reason(good + "x").find("unexpected bytes"), std::string::npos);
  std::string flipped = good;
  flipped[flipped.size() - 1] ^= 0x20;
  EXPECT_NE(reason(flipped).find("checksum"), std::string::npos);
  const std::size_t nl = good.find('\n');
  EXPECT_NE(reason(good.substr(0, nl + 1) + "{not json\n").find("metadata"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(ModelFile, UnwritablePathIsAnError) {
  EXPECT_FALSE(WriteModelFile("/nonexistent-dir/x/model", Sample()).ok());
}

}  // namespace
}  // namespace hotline::triage

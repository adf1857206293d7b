#include "text/chinese_converter.h"

#include <opencc/opencc.h>

#include <cstdlib>
#include <exception>
#include <memory>

namespace hotline::text {
namespace {

constexpr const char* kDefaultConfig = "/usr/share/opencc/t2s.json";

struct Converter {
  std::unique_ptr<opencc::SimpleConverter> converter;
  Status status;
};

const Converter& Shared() {
  static const Converter* shared = [] {
    auto* c = new Converter;
    const char* env = std::getenv("HOTLINE_OPENCC_CONFIG");
    const std::string config = env && *env ? env : kDefaultConfig;
    try {
      c->converter = std::make_unique<opencc::SimpleConverter>(config);
    } catch (const std::exception& e) {
      c->status = Status::Unavailable("OpenCC config " + config + " not loaded: " + e.what());
    } catch (...) {
      c->status = Status::Unavailable("OpenCC config " + config + " not loaded");
    }
    return c;
  }();
  return *shared;
}

}  // namespace

std::string ToSimplified(std::string_view utf8) {
  const Converter& c = Shared();
  if (!c.converter || utf8.empty()) return std::string(utf8);
  try {
    return c.converter->Convert(utf8.data(), utf8.size());
  } catch (...) {
    return std::string(utf8);
  }
}

Status SimplifiedConverterStatus() { return Shared().status; }

}  // namespace hotline::text

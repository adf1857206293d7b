#include "triage/model_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hotline::triage {
namespace {

constexpr const char* kMagic = "HOTLINE-TRIAGE-MODEL 1";
constexpr int kFormat = 1;

std::string Hex(uint64_t v) {
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}

Status Bad(const std::string& path, const std::string& why) {
  return Status::InvalidArgument("model", "model file " + path + " is not a usable triage model: " + why);
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

const std::string* ModelFile::Section(const std::string& name) const {
  for (const auto& [n, bytes] : sections)
    if (n == name) return &bytes;
  return nullptr;
}

Status WriteModelFile(const std::string& path, const ModelFile& file) {
  nlohmann::json meta = file.metadata;
  meta["format"] = kFormat;
  meta["sections"] = nlohmann::json::array();
  for (const auto& [name, bytes] : file.sections)
    meta["sections"].push_back({{"name", name}, {"size", bytes.size()}, {"fnv1a64", Hex(Fnv1a64(bytes))}});
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::InvalidArgument("out", "cannot write model file " + tmp);
    out << kMagic << '\n' << meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    for (const auto& [name, bytes] : file.sections) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return Status::InvalidArgument("out", "cannot write model file " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::InvalidArgument("out", "cannot move " + tmp + " to " + path + ": " + ec.message());
  return Status::Ok();
}

Result<ModelFile> ReadModelFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::NotFound("model file " + path + " does not exist or is not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("model file " + path + " cannot be opened");
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  const std::size_t line1 = all.find('\n');
  if (line1 == std::string::npos || all.compare(0, line1, kMagic) != 0) return Bad(path, "wrong header");
  const std::size_t line2 = all.find('\n', line1 + 1);
  if (line2 == std::string::npos) return Bad(path, "no metadata line");
  ModelFile file;
  nlohmann::json meta = nlohmann::json::parse(all.begin() + static_cast<std::ptrdiff_t>(line1 + 1),
                                              all.begin() + static_cast<std::ptrdiff_t>(line2), nullptr, false);
  if (meta.is_discarded() || !meta.is_object()) return Bad(path, "metadata is not JSON");
  if (meta.value("format", 0) != kFormat) return Bad(path, "unsupported format version");
  const auto sections = meta.value("sections", nlohmann::json::array());
  if (!sections.is_array()) return Bad(path, "no section list");
  std::size_t pos = line2 + 1;
  for (const auto& s : sections) {
    if (!s.is_object() || !s.contains("name") || !s["name"].is_string() || !s.contains("size") ||
        !s["size"].is_number_unsigned() || !s.contains("fnv1a64") || !s["fnv1a64"].is_string())
      return Bad(path, "bad section entry");
    const std::string name = s["name"].get<std::string>();
    const auto size = s["size"].get<uint64_t>();
    if (size > all.size() - pos) return Bad(path, "section '" + name + "' is truncated");
    std::string bytes = all.substr(pos, size);
    pos += size;
    if (Hex(Fnv1a64(bytes)) != s["fnv1a64"].get<std::string>())
      return Bad(path, "checksum mismatch in section '" + name + "'");
    file.sections.emplace_back(name, std::move(bytes));
  }
  if (pos != all.size()) return Bad(path, "unexpected bytes after the last section");
  meta.erase("format");
  meta.erase("sections");
  file.metadata = std::move(meta);
  return file;
}

}  // namespace hotline::triage

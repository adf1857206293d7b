// The triage model file: one file holding named binary sections and a JSON
// metadata line, so a model is copied, versioned and loaded as one thing.
//
// Layout:
//   line 1  "HOTLINE-TRIAGE-MODEL 1"
//   line 2  JSON object: {"format":1, "sections":[{"name":…,"size":N,"fnv1a64":"hex"},…], …caller's metadata}
//   then    the sections' bytes back to back, in the listed order, and nothing else.
// Every section carries an FNV-1a 64-bit checksum, checked on read, so a
// truncated, corrupt or foreign file is refused with a Status naming the file
// and the problem before any section is parsed. Writes go to PATH.tmp and are
// renamed over PATH, so a crash never leaves half a model behind.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/status.h"

namespace hotline::triage {

struct ModelFile {
  nlohmann::json metadata = nlohmann::json::object();  // without the "format"/"sections" keys
  std::vector<std::pair<std::string, std::string>> sections;  // (name, bytes)

  // The bytes of the named section, or nullptr.
  const std::string* Section(const std::string& name) const;
};

Status WriteModelFile(const std::string& path, const ModelFile& file);
Result<ModelFile> ReadModelFile(const std::string& path);

uint64_t Fnv1a64(std::string_view bytes);

}  // namespace hotline::triage

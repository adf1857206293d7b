// Every registered reason is documented in docs/openapi.yaml (ErrorReason: the
// enum and a described "- `reason`: meaning" line), and the document lists none
// the server does not have. Since a Reason can only come from the registry, this
// covers every reason the sources can send.
#include "domain/reasons.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "domain/status.h"

namespace hotline {
namespace {

struct Documented {
  std::set<std::string> enumerated;  // under "enum:"
  std::set<std::string> described;   // "- `key`: meaning" lines of the description
};

// Reads the ErrorReason schema of the OpenAPI document (indentation-based, no YAML library).
Documented ReadErrorReasons(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot open " << path;
  Documented out;
  std::string line;
  bool inside = false, in_enum = false;
  const std::regex described(R"(^\s+- `([a-z_]+)`: \S.*$)");
  const std::regex item(R"(^\s+- ([a-z_]+)\s*$)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (line == "    ErrorReason:") {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (line.rfind("    ", 0) == 0 && line.size() > 4 && line[4] != ' ') break;  // the next schema
    if (line == "      enum:") {
      in_enum = true;
      continue;
    }
    if (in_enum && std::regex_match(line, m, item)) out.enumerated.insert(m[1]);
    if (!in_enum && std::regex_match(line, m, described)) out.described.insert(m[1]);
  }
  return out;
}

TEST(ReasonsTest, EveryReasonIsDocumentedInOpenApi) {
  const Documented doc = ReadErrorReasons(std::string(HOTLINE_SOURCE_DIR) + "/docs/openapi.yaml");
  std::set<std::string> registered;
  for (Reason r : Reasons::kAll) {
    const std::string name(r.name());
    EXPECT_TRUE(std::regex_match(name, std::regex("[a-z]+(_[a-z]+)*"))) << name;
    EXPECT_TRUE(registered.insert(name).second) << "registered twice: " << name;
    EXPECT_TRUE(doc.enumerated.count(name)) << name << " is not in ErrorReason's enum";
    EXPECT_TRUE(doc.described.count(name)) << name << " has no meaning in ErrorReason's description";
  }
  for (const std::string& name : doc.enumerated) EXPECT_TRUE(registered.count(name)) << "documented only: " << name;
  for (const std::string& name : doc.described) EXPECT_TRUE(registered.count(name)) << "described only: " << name;
}

TEST(ReasonsTest, EveryStatusCodeIsARegisteredReason) {
  std::set<std::string> registered;
  for (Reason r : Reasons::kAll) registered.insert(std::string(r.name()));
  const Status statuses[] = {Status::InvalidArgument("f", "m"),
                             Status::NotFound("m"),
                             Status::Conflict("m"),
                             Status::PermissionDenied("m"),
                             Status::Unauthenticated("m"),
                             Status::AlreadyExists("m"),
                             Status::Internal("m"),
                             Status::Unavailable("m"),
                             Status::RateLimited("m", 1).WithReason(Reason())};
  for (const Status& s : statuses) {
    EXPECT_TRUE(registered.count(s.code_name())) << s.code_name();
    EXPECT_EQ(s.reason().name(), s.code_name());
  }
}

TEST(ReasonsTest, StatusCarriesReasonAndParams) {
  const Status s = Status::InvalidArgument("code", "duplicate unit code LC-D01")
                       .WithReason(Reasons::kDuplicateCode)
                       .WithParam("code", "LC-D01")
                       .WithParam("rule", 3);
  EXPECT_EQ(s.reason(), Reasons::kDuplicateCode);
  ASSERT_EQ(s.params().size(), 2u);
  EXPECT_EQ(s.params()[0], (std::pair<std::string, std::string>{"code", "LC-D01"}));
  EXPECT_EQ(s.params()[1], (std::pair<std::string, std::string>{"rule", "3"}));
  const Status required = Status::Required("content");
  EXPECT_EQ(required.reason().name(), "required");
  EXPECT_EQ(required.message(), "content is required");
  EXPECT_EQ(required.field(), "content");
}

}  // namespace
}  // namespace hotline

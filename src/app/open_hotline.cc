#include "app/open_hotline.h"

#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "app/reference_files.h"
#include "app/time_limit_files.h"
#include "app/triage_resources.h"
#include "service/credentials.h"

namespace hotline::app {
namespace {

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) spdlog::warn("{} not found", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

WorkCalendar LoadCalendar(const std::string& data_dir) {
  auto cal = LoadCalendarFile(data_dir + "/calendar/cn_holidays.csv");
  if (!cal.ok()) {
    spdlog::warn("holiday calendar not loaded ({}); counting weekends only", cal.status().ToString());
    return WorkCalendar();
  }
  return std::move(cal).value();
}

Result<Hotline> OpenHotline(const HotlineOptions& options) {
  HOTLINE_RETURN_IF_ERROR(service::InitCrypto());
  const std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  Hotline h;
  if (!options.clock) h.own_clock = std::make_unique<SystemClock>();
  const Clock& clock = options.clock ? *options.clock : *h.own_clock;
  HOTLINE_ASSIGN_OR_RETURN(h.store, OpenStore(options.db));
  h.calendar = LoadCalendar(data_dir);
  if (options.prepare) HOTLINE_RETURN_IF_ERROR(options.prepare(*h.store, h.calendar));
  h.service = std::make_unique<service::HotlineService>(*h.store, clock, h.calendar, options.policy);
  HOTLINE_ASSIGN_OR_RETURN(TimeLimitFiles limits, LoadTimeLimitFiles(data_dir));
  // The files are the default; the store's edits (the admin's) win over them.
  HOTLINE_RETURN_IF_ERROR(h.service->time_limits().Start(service::TimeLimitDefaults{
      std::move(limits.policy), std::move(limits.working_hours), std::move(limits.calendar_days)}));
  if (!options.without_triage) {
    HOTLINE_ASSIGN_OR_RETURN(auto triage,
                             LoadTriageResources(data_dir, options.model, options.divisions, options.divisions_home));
    h.service->SetTriageResources(std::move(triage));
    HOTLINE_RETURN_IF_ERROR(h.service->kb().LoadSynonyms(ReadTextFile(data_dir + "/kb/synonyms.txt")));
  }
  HOTLINE_RETURN_IF_ERROR(h.service->LoadReferenceData());
  return h;
}

}  // namespace hotline::app

#include "service/time_limits.h"

#include <algorithm>
#include <set>

#include "app/time_limit_files.h"
#include "service/audit_summary.h"
#include "service/refusals.h"

namespace hotline::service {
namespace {

// A position param ("rule" / "period", from 0) as "line" (from 1), the place in
// the admin's list, and "list" (rules / working_hours).
Status WithLine(const Status& s, const std::string& position_key) {
  for (const auto& [key, value] : s.params())
    if (key == position_key) {
      const long long line = std::stoll(value) + 1;
      Status out = Status::InvalidArgument(s.field(), position_key + " " + std::to_string(line) + ": " + s.message())
                       .WithReason(s.reason());
      for (const auto& [k, v] : s.params())
        if (k != position_key) out = std::move(out).WithParam(k, v);
      return std::move(out).WithParam("line", line).WithParam("list", position_key == "rule" ? "rules" : "working_hours");
    }
  return s;
}

std::vector<CalendarDay> DaysOfYear(const std::vector<CalendarDay>& days, int year) {
  std::vector<CalendarDay> out;
  for (const CalendarDay& d : days)
    if (YearOf(d.date) == year) out.push_back(d);
  return out;
}

}  // namespace

void TimeLimits::Install(TimeLimitPolicy policy, WorkingHours hours, std::vector<int> calendar_years) {
  std::lock_guard lock(change_mu_);
  auto setup = std::make_shared<TimeLimitSetup>(
      TimeLimitSetup{policy, WorkTime(core_.calendar(), hours), calendar_years, 0, {}, {}});
  defaults_ = TimeLimitDefaults{std::move(policy), std::move(hours), {}};
  installed_years_ = std::move(calendar_years);
  from_files_ = false;
  core_.SetTimeLimits(std::move(setup));
}

Status TimeLimits::Start(TimeLimitDefaults defaults) {
  std::lock_guard lock(change_mu_);
  defaults_ = std::move(defaults);
  from_files_ = true;
  return Rebuild(false);
}

Status TimeLimits::Rebuild(bool reload) {
  if (!defaults_) return Status::Unavailable("the time-limit policies are not loaded");
  Store& store = core_.store();
  HOTLINE_ASSIGN_OR_RETURN(StoredTimeLimits stored, store.LoadTimeLimits());
  HOTLINE_ASSIGN_OR_RETURN(std::vector<CalendarDay> uploaded, store.LoadCalendarDays());
  TimeLimitPolicy policy = defaults_->policy;
  WorkingHours hours = defaults_->working_hours;
  if (stored.version > 0) {
    auto parsed = ParseTimeLimitPolicy(stored.rules);
    if (!parsed.ok()) return Status::Internal("the stored time-limit rules no longer parse: " + parsed.status().ToString());
    auto parsed_hours = ParseWorkingHours(stored.working_hours);
    if (!parsed_hours.ok())
      return Status::Internal("the stored working hours no longer parse: " + parsed_hours.status().ToString());
    policy = std::move(parsed).value();
    hours = std::move(parsed_hours).value();
  }
  auto setup = std::make_shared<TimeLimitSetup>(TimeLimitSetup{std::move(policy), WorkTime(), {}, 0, {}, {}});
  setup->version = stored.version;
  setup->uploaded_years = CalendarYears(uploaded);
  const std::set<int> replaced(setup->uploaded_years.begin(), setup->uploaded_years.end());
  if (from_files_) {
    std::vector<CalendarDay> days;
    for (const CalendarDay& d : defaults_->calendar_days)
      if (!replaced.count(YearOf(d.date))) days.push_back(d);
    days.insert(days.end(), uploaded.begin(), uploaded.end());
    std::sort(days.begin(), days.end(), [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
    setup->work_time = WorkTime(MakeWorkCalendar(days), std::move(hours));
    setup->calendar_years = CalendarYears(days);
    setup->calendar_days = std::move(days);
  } else {
    // Install's calendar is the service's, whose days are not listed: uploaded years add to it.
    WorkCalendar calendar = core_.calendar();
    for (const CalendarDay& d : uploaded) (void)calendar.AddDay(d.date, d.kind);
    setup->work_time = WorkTime(std::move(calendar), std::move(hours));
    std::set<int> years(installed_years_.begin(), installed_years_.end());
    years.insert(replaced.begin(), replaced.end());
    setup->calendar_years.assign(years.begin(), years.end());
    setup->calendar_days = std::move(uploaded);
  }
  core_.SetTimeLimits(std::move(setup));
  return reload ? core_.LoadReferenceData() : Status::Ok();
}

Status TimeLimits::Reload() {
  std::lock_guard lock(change_mu_);
  if (!defaults_) return core_.LoadReferenceData();
  return Rebuild(true);
}

Result<TimeLimitsInForce> TimeLimits::InForce(const Actor& actor) const {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceRead));
  std::shared_ptr<const TimeLimitSetup> setup = core_.time_limit_setup();
  if (!setup) return Status::Unavailable("the time-limit policies are not loaded");
  return TimeLimitsInForce{setup, MissingCalendarYear(setup->calendar_years, core_.Now())};
}

Result<TimeLimitsInForce> TimeLimits::ReplaceRules(const std::vector<TimeLimitRuleText>& rules,
                                                   const std::vector<WorkPeriodText>& working_hours,
                                                   int expected_version, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kTimeLimitAdmin));
  auto policy = ParseTimeLimitPolicy(rules);
  if (!policy.ok()) return WithLine(policy.status(), "rule");
  auto hours = ParseWorkingHours(working_hours);
  if (!hours.ok()) return WithLine(hours.status(), "period");
  {
    std::lock_guard lock(change_mu_);
    const auto before = core_.time_limit_setup();
    if (!before) return Status::Unavailable("the time-limit policies are not loaded");
    std::vector<TimeLimitRuleText> old_rules;
    for (const TimeLimitRule& r : before->policy.rules()) old_rules.push_back(FormatTimeLimitRule(r));
    const AuditRecord audit{0, core_.Now(), actor.username, "replace_time_limits",
                            SummariseTimeLimits(old_rules, rules, FormatWorkingHours(before->work_time.hours()),
                                                FormatWorkingHours(*hours))};
    HOTLINE_RETURN_IF_ERROR(core_.store().ReplaceTimeLimits(rules, working_hours, expected_version, &audit).status());
    HOTLINE_RETURN_IF_ERROR(Rebuild(true));
  }
  return InForce(actor);
}

Result<std::vector<CalendarDay>> TimeLimits::CalendarYear(int year, const Actor& actor) const {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kReferenceRead));
  std::shared_ptr<const TimeLimitSetup> setup = core_.time_limit_setup();
  if (!setup) return Status::Unavailable("the time-limit policies are not loaded");
  return DaysOfYear(setup->calendar_days, year);
}

Status TimeLimits::ReplaceCalendarYear(int year, const std::string& csv, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kTimeLimitAdmin));
  if (year < kFirstYear || year > kLastYear)
    return Status::InvalidArgument("year", "year must be " + std::to_string(kFirstYear) + ".." +
                                               std::to_string(kLastYear))
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", year);
  HOTLINE_ASSIGN_OR_RETURN(std::vector<CalendarDay> days, app::ParseCalendarYearCsv(csv, year));
  std::vector<CalendarRow> rows;
  for (std::size_t i = 0; i < days.size(); ++i) rows.push_back({i + 1, days[i]});
  return ReplaceCalendarYear(year, rows, actor);
}

Status TimeLimits::ReplaceCalendarYear(int year, const std::vector<CalendarRow>& rows, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kTimeLimitAdmin));
  if (year < kFirstYear || year > kLastYear)
    return Status::InvalidArgument("year", "year must be " + std::to_string(kFirstYear) + ".." +
                                               std::to_string(kLastYear))
        .WithReason(Reasons::kInvalidValue)
        .WithParam("value", year);
  HOTLINE_ASSIGN_OR_RETURN(std::vector<CalendarDay> days, CheckCalendarYear(year, rows));
  std::lock_guard lock(change_mu_);
  const auto before = core_.time_limit_setup();
  if (!before) return Status::Unavailable("the time-limit policies are not loaded");
  const AuditRecord audit{0, core_.Now(), actor.username, "replace_calendar_year",
                          SummariseCalendarYear(DaysOfYear(before->calendar_days, year), days)};
  HOTLINE_RETURN_IF_ERROR(core_.store().ReplaceCalendarYear(year, days, &audit));
  return Rebuild(true);
}

Status TimeLimits::RemoveCalendarYear(int year, const Actor& actor) {
  HOTLINE_RETURN_IF_ERROR(RequireCapability(actor, Capability::kTimeLimitAdmin));
  std::lock_guard lock(change_mu_);
  const auto before = core_.time_limit_setup();
  if (!before) return Status::Unavailable("the time-limit policies are not loaded");
  const auto& uploaded = before->uploaded_years;
  if (std::find(uploaded.begin(), uploaded.end(), year) == uploaded.end())
    return Status::NotFound("no calendar was uploaded for " + std::to_string(year))
        .WithReason(Reasons::kNotFound)
        .WithParam("year", year);
  // What is in force afterwards: the file's days of that year (Start), else none.
  const std::vector<CalendarDay> after =
      from_files_ && defaults_ ? DaysOfYear(defaults_->calendar_days, year) : std::vector<CalendarDay>{};
  const AuditRecord audit{0, core_.Now(), actor.username, "remove_calendar_year",
                          std::to_string(year) + ": upload removed; " +
                              SummariseCalendarYear(DaysOfYear(before->calendar_days, year), after)};
  HOTLINE_RETURN_IF_ERROR(core_.store().ReplaceCalendarYear(year, {}, &audit));
  return Rebuild(true);
}

}  // namespace hotline::service

#include "domain/time_limit_text.h"

#include <cstddef>

namespace hotline {
namespace {

Status CellError(const std::string& column, const std::string& message, const std::string& value) {
  return Status::InvalidArgument(column, message).WithReason(Reasons::kInvalidValue).WithParam("value", value);
}

template <typename T>
Status ParseCondition(const TimeLimitRuleText& row, const std::string& column,
                      std::optional<T> (*parse)(std::string_view), std::optional<T>& out) {
  const std::string& cell = *CellOf(row, column);
  if (cell.empty()) return Status::Ok();
  out = parse(cell);
  if (!out) return CellError(column, "unknown " + column + " '" + cell + "'", cell);
  return Status::Ok();
}

template <typename T>
std::string NameOrEmpty(const std::optional<T>& v) {
  return v ? std::string(Name(*v)) : std::string();
}

template <typename Row>
auto CellOfImpl(Row& row, std::string_view column) -> decltype(&row.rule) {
  if (column == "rule") return &row.rule;
  if (column == "appeal_type") return &row.appeal_type;
  if (column == "category") return &row.category;
  if (column == "urgency") return &row.urgency;
  if (column == "channel") return &row.channel;
  if (column == "enterprise") return &row.enterprise;
  if (column == "sign") return &row.sign;
  if (column == "contact") return &row.contact;
  if (column == "reply") return &row.reply;
  if (column == "handle") return &row.handle;
  if (column == "callback") return &row.callback;
  if (column == "note") return &row.note;
  return nullptr;
}

}  // namespace

std::string* CellOf(TimeLimitRuleText& row, std::string_view column) { return CellOfImpl(row, column); }
const std::string* CellOf(const TimeLimitRuleText& row, std::string_view column) { return CellOfImpl(row, column); }

Result<TimeLimitRule> ParseTimeLimitRule(const TimeLimitRuleText& row) {
  TimeLimitRule r;
  r.id = row.rule;
  r.category = row.category;
  r.note = row.note;
  HOTLINE_RETURN_IF_ERROR(ParseCondition(row, "appeal_type", &ParseAppealType, r.appeal_type));
  HOTLINE_RETURN_IF_ERROR(ParseCondition(row, "urgency", &ParseUrgency, r.urgency));
  HOTLINE_RETURN_IF_ERROR(ParseCondition(row, "channel", &ParseChannel, r.channel));
  if (row.enterprise == "yes" || row.enterprise == "no") {
    r.enterprise = row.enterprise == "yes";
  } else if (!row.enterprise.empty() && row.enterprise != "any") {
    return CellError("enterprise", "enterprise must be yes, no, any or empty, not '" + row.enterprise + "'",
                     row.enterprise);
  }
  for (DeadlineKind kind : kAllDeadlineKinds) {
    const std::string column(Name(kind));
    const std::string& cell = *CellOf(row, column);
    if (cell.empty()) continue;
    r.limit(kind) = ParseTimeLimit(cell);
    if (!r.limit(kind))
      return CellError(column,
                       column + " '" + cell + "' is not AMOUNT UNIT (1-" + std::to_string(kMaxLimitAmount) +
                           ", natural_hours, working_hours, working_days or natural_days)",
                       cell);
  }
  return r;
}

TimeLimitRuleText FormatTimeLimitRule(const TimeLimitRule& r) {
  TimeLimitRuleText row;
  row.rule = r.id;
  row.appeal_type = NameOrEmpty(r.appeal_type);
  row.category = r.category;
  row.urgency = NameOrEmpty(r.urgency);
  row.channel = NameOrEmpty(r.channel);
  row.enterprise = r.enterprise ? (*r.enterprise ? "yes" : "no") : "";
  for (DeadlineKind kind : kAllDeadlineKinds)
    if (const auto& limit = r.limit(kind)) *CellOf(row, Name(kind)) = FormatTimeLimit(*limit);
  row.note = r.note;
  return row;
}

Result<TimeLimitPolicy> ParseTimeLimitPolicy(const std::vector<TimeLimitRuleText>& rows) {
  std::vector<TimeLimitRule> rules;
  rules.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto rule = ParseTimeLimitRule(rows[i]);
    if (!rule.ok()) {
      Status s = rule.status();
      return std::move(s).WithParam("rule", static_cast<long long>(i)).WithParam("id", rows[i].rule);
    }
    rules.push_back(std::move(rule).value());
  }
  return TimeLimitPolicy::Make(std::move(rules));
}

Result<WorkingHours> ParseWorkingHours(const std::vector<WorkPeriodText>& periods) {
  std::vector<WorkPeriod> parsed;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const auto start = ParseClockTime(periods[i].start);
    const auto end = ParseClockTime(periods[i].end);
    if (!start)
      return CellError("start", "start '" + periods[i].start + "' is not HH:MM", periods[i].start)
          .WithParam("period", static_cast<long long>(i));
    if (!end)
      return CellError("end", "end '" + periods[i].end + "' is not HH:MM", periods[i].end)
          .WithParam("period", static_cast<long long>(i));
    parsed.push_back({*start, *end});
  }
  auto hours = WorkingHours::Make(std::move(parsed));
  if (hours.ok()) return hours;
  Status s = hours.status();
  // "working_hours[N]": the N-th period.
  const std::size_t open = s.field().find('[');
  if (open != std::string::npos)
    return std::move(s).WithParam("period", static_cast<long long>(std::stoul(s.field().substr(open + 1))));
  return s;
}

std::vector<WorkPeriodText> FormatWorkingHours(const WorkingHours& hours) {
  std::vector<WorkPeriodText> out;
  for (const WorkPeriod& p : hours.periods()) out.push_back({FormatClockTime(p.start), FormatClockTime(p.end)});
  return out;
}

}  // namespace hotline

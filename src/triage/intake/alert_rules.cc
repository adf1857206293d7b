#include "triage/intake/alert_rules.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace hotline::triage {

struct AlertRules::Pattern {
  std::string source;
  std::unique_ptr<icu::RegexPattern> regex;
};

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  if (!line.empty() && line.back() == '\t') out.emplace_back();
  return out;
}

// Words are separated by ｜ or |; patterns only by ｜, since | is alternation in them.
std::vector<std::string> SplitWords(const std::string& s, bool ascii_bar = true) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "｜") == 0) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      i += 3;
    } else if ((ascii_bar && s[i] == '|') || s[i] == '\r') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      ++i;
    } else {
      cur += s[i++];
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// True when the occurrence at `pos` is preceded (within two characters) by a negation.
bool Negated(const std::string& text, std::size_t pos) {
  static const char* kNegations[] = {"没有", "不是", "并非", "没", "未", "无"};
  const std::size_t window = std::min<std::size_t>(pos, 9);  // up to three CJK characters back
  const std::string before = text.substr(pos - window, window);
  for (const char* n : kNegations)
    if (before.find(n) != std::string::npos) return true;
  return false;
}

// The clause (between punctuation marks) around `pos`.
std::pair<std::size_t, std::size_t> Clause(const std::string& text, std::size_t pos) {
  static const char* kMarks[] = {"，", "。", "！", "？", "；", ",", ".", "!", "?", ";", "\n"};
  std::size_t begin = 0, end = text.size();
  for (const char* m : kMarks) {
    const std::string mark(m);
    std::size_t b = text.rfind(mark, pos);
    if (b != std::string::npos && b + mark.size() <= pos) begin = std::max(begin, b + mark.size());
    std::size_t e = text.find(mark, pos);
    if (e != std::string::npos) end = std::min(end, e);
  }
  return {begin, end};
}

// True when the clause says the event is over (处理完了, 昨天…): not an emergency in progress.
bool Past(const std::string& text, std::size_t pos) {
  static const char* kPast[] = {"处理完", "已处理", "已经处理", "已解决", "结束了", "过去了", "昨天", "前天",
                                "前几天", "上周", "上个月", "去年"};
  auto [begin, end] = Clause(text, pos);
  const std::string clause = text.substr(begin, end - begin);
  for (const char* p : kPast)
    if (clause.find(p) != std::string::npos) return true;
  return false;
}

// True when the clause around `pos` holds one of the rule's cues of worry or
// prevention (担心…, 预防…, …隐患): the caller fears the event, it is not happening.
bool Feared(const std::string& text, std::size_t pos, const std::vector<std::string>& cues) {
  if (cues.empty()) return false;
  auto [begin, end] = Clause(text, pos);
  const std::string clause = text.substr(begin, end - begin);
  return std::any_of(cues.begin(), cues.end(), [&](const std::string& c) { return clause.find(c) != std::string::npos; });
}

// Keywords present in `text` outside a negation (and, for emergencies, outside
// the past and outside a clause of worry or prevention).
std::vector<std::string> Found(const std::string& text, const std::vector<std::string>& words, bool in_progress,
                               const std::vector<std::string>& unless) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    for (std::size_t pos = text.find(w); pos != std::string::npos; pos = text.find(w, pos + w.size())) {
      if (!Negated(text, pos) && !(in_progress && Past(text, pos)) && !Feared(text, pos, unless)) {
        out.push_back(w);
        break;
      }
    }
  }
  return out;
}

}  // namespace

Result<AlertRules> AlertRules::Parse(const std::string& tsv) {
  AlertRules rules;
  std::istringstream in(tsv);
  std::string line;
  int line_no = 0;
  std::map<std::string, std::size_t> column;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;  // blanks, comments
    auto f = SplitTabs(line);
    if (column.empty()) {  // the header names the columns
      for (std::size_t i = 0; i < f.size(); ++i) column[f[i]] = i;
      for (const char* required : {"kind", "code", "label", "keywords"})
        if (!column.count(required))
          return Status::InvalidArgument("rules", std::string("header: no column ") + required);
      continue;
    }
    const std::string where = "line " + std::to_string(line_no) + ": ";
    if (f.size() <= column["keywords"])
      return Status::InvalidArgument("rules", where + "expected kind, code, label, keywords");
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it != column.end() && it->second < f.size() ? f[it->second] : std::string();
    };
    Rule r{get("kind"), get("code"), get("label"), SplitWords(get("keywords")),
           SplitWords(column.count("requires") ? get("requires") : get("required")), {}, SplitWords(get("categories")),
           SplitWords(get("signals")), SplitWords(get("unless"))};
    for (const std::string& s : r.signals)
      if (s != "outside_home") return Status::InvalidArgument("signals", where + "unknown signal '" + s + "'");
    if (r.kind != "emergency" && r.kind != "out_of_scope")
      return Status::InvalidArgument("kind", where + "kind must be emergency or out_of_scope");
    if (r.code.empty()) return Status::InvalidArgument("code", where + "no code");
    for (const std::string& source : SplitWords(get("patterns"), /*ascii_bar=*/false)) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error;
      auto p = std::make_shared<Pattern>();
      p->source = source;
      p->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, parse_error, status));
      if (U_FAILURE(status))
        return Status::InvalidArgument("patterns", where + "pattern '" + source + "' is not a valid regular expression (" +
                                                       u_errorName(status) + ")");
      r.patterns.push_back(std::move(p));
    }
    if (r.keywords.empty() && r.patterns.empty() && r.categories.empty() && r.signals.empty())
      return Status::InvalidArgument("keywords", where + "no keywords, patterns, categories or signals");
    rules.rules_.push_back(std::move(r));
  }
  return rules;
}

std::vector<Alert> AlertRules::Check(const std::string& text) const { return Check(text, Signals()); }

std::vector<Alert> AlertRules::Check(const std::string& text, const Signals& signals) const {
  const std::string& top_category = signals.top_category;
  std::vector<Alert> emergencies, others;
  std::set<std::string> seen;
  std::optional<icu::UnicodeString> utext;  // converted once, when a rule has patterns
  for (const Rule& r : rules_) {
    if (seen.count(r.code)) continue;
    // Emergencies must be happening now; out-of-scope matters may be told in any tense.
    const bool in_progress = r.kind == "emergency";
    auto matched = Found(text, r.keywords, in_progress, r.unless);
    if (!matched.empty() && !r.required.empty()) {
      auto also = Found(text, r.required, in_progress, r.unless);
      if (also.empty()) matched.clear();
      matched.insert(matched.end(), also.begin(), also.end());
    }
    for (const auto& p : r.patterns) {
      if (!matched.empty()) break;
      if (!utext) utext = icu::UnicodeString::fromUTF8(text);
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(p->regex->matcher(*utext, status));
      if (U_SUCCESS(status) && m->find(status) && U_SUCCESS(status)) {
        std::string found;
        m->group(status).toUTF8String(found);
        // The same guards as keywords: not after a negation, and emergencies not in the past.
        const std::size_t pos = text.find(found);
        if (pos != std::string::npos && !Negated(text, pos) && !(in_progress && Past(text, pos)) &&
            !Feared(text, pos, r.unless))
          matched.push_back(found);
      }
    }
    for (const std::string& s : r.signals) {
      if (!matched.empty()) break;
      if (auto it = signals.raised.find(s); it != signals.raised.end()) matched.push_back(it->second);
    }
    if (matched.empty() && !top_category.empty() && signals.confidence >= kCategoryConfidence)
      for (const std::string& prefix : r.categories)
        if (top_category.rfind(prefix, 0) == 0) {
          matched.push_back("分类:" + top_category);
          break;
        }
    if (matched.empty()) continue;
    seen.insert(r.code);
    Alert a{r.kind, r.code, r.label, std::move(matched), "", r.kind == "emergency"};
    if (auto it = scripts_.find(r.code); it != scripts_.end()) a.script = it->second;
    (a.blocking ? emergencies : others).push_back(std::move(a));
  }
  emergencies.insert(emergencies.end(), others.begin(), others.end());
  return emergencies;
}

}  // namespace hotline::triage

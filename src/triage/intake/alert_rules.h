// AlertRules: the configurable rule set that flags, at intake, appeals that need an
// emergency transfer (110/119/120/122: a blocking alert) or that fall outside the
// government's remit (超出职责范围: the scripted explanation is suggested). A rule
// fires when the text contains any of its keywords — not just after a negation
// such as 没有/不是/未 — and, if it lists `requires`, one of those as well. An
// emergency keyword in a clause that tells of the past (昨天…, …处理完了) is not
// an emergency in progress and does not fire.
// Rules are data (data/triage/alert_rules.tsv), edited without a rebuild.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/status.h"

namespace hotline::triage {

struct Alert {
  std::string kind;   // "emergency" or "out_of_scope"
  std::string code;   // "119", "OOS01", …
  std::string label;  // what the operator reads
  std::vector<std::string> matched;  // the keywords found
  std::string script;  // out of scope: the explanation to read to the caller
  bool blocking = false;  // emergencies block the form until handled
};

class AlertRules {
 public:
  // TSV with columns kind, code, label, keywords, required; words separated by ｜ or |.
  static Result<AlertRules> Parse(const std::string& tsv);
  // Scripts for out-of-scope codes (code → text), shown with their alerts.
  void SetScripts(std::map<std::string, std::string> scripts) { scripts_ = std::move(scripts); }

  // Alerts for a (normalised) appeal text: emergencies first, each code once.
  std::vector<Alert> Check(const std::string& text) const;
  std::size_t size() const { return rules_.size(); }

 private:
  struct Rule {
    std::string kind, code, label;
    std::vector<std::string> keywords, required;
  };
  std::vector<Rule> rules_;
  std::map<std::string, std::string> scripts_;
};

}  // namespace hotline::triage

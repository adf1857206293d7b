// AlertRules: the configurable rule set that flags, at intake, appeals that need an
// emergency transfer (110/119/120/122: a blocking alert) or that fall outside the
// government's remit (超出职责范围: the scripted explanation is suggested). A rule
// fires when
//   - the text contains any of its keywords — not just after a negation such as
//     没有/不是/未 — and, if it lists `requires`, one of those as well (an
//     emergency keyword in a clause that tells of the past, 昨天… or …处理完了,
//     is not an emergency in progress and does not fire; nor is a keyword in a
//     clause holding one of the rule's `unless` cues of worry or prevention,
//     担心着火 / 预防火灾 / 火灾隐患); or
//   - one of its `patterns` (ICU regular expressions, for word order and gaps:
//     "法院.{0,6}(判|执行)"; separated by ｜ only) matches, with the same
//     negation, past-tense and `unless` guards; or
//   - the classifier's most likely category, at `kCategoryConfidence` or more,
//     lies under one of its `categories` (taxonomy code prefixes); or
//   - one of its `signals` was raised by another part of triage:
//     "outside_home" — the address lies, unambiguously, outside the area the
//     hotline serves (divisions.h).
// Rules are data (data/triage/alert_rules.tsv; columns kind, code, label,
// keywords, requires, and optionally patterns, categories, signals, unless), edited
// without a rebuild. Thread-safe once parsed.
#pragma once

#include <map>
#include <memory>
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

  static constexpr double kCategoryConfidence = 0.5;

  // What triage knows besides the text.
  struct Signals {
    std::string top_category;  // the classifier's most likely category
    double confidence = 0;     // its probability
    std::map<std::string, std::string> raised;  // signal name → what to show ("outside_home" → "北京市朝阳区")
  };

  // Alerts for a (normalised) appeal text: emergencies first, each code once.
  std::vector<Alert> Check(const std::string& text, const Signals& signals) const;
  std::vector<Alert> Check(const std::string& text) const;
  std::size_t size() const { return rules_.size(); }

 private:
  struct Pattern;  // a compiled ICU regular expression and its source
  struct Rule {
    std::string kind, code, label;
    std::vector<std::string> keywords, required;
    std::vector<std::shared_ptr<const Pattern>> patterns;
    std::vector<std::string> categories;
    std::vector<std::string> signals;
    std::vector<std::string> unless;  // cues of worry or prevention that cancel a keyword in its clause
  };
  std::vector<Rule> rules_;
  std::map<std::string, std::string> scripts_;
};

}  // namespace hotline::triage

#include "triage/intake/intake_assistant.h"

#include <algorithm>

#include "text/normalize.h"

namespace hotline::triage {
namespace {

// True when every name the national divisions recognised is part of a name of
// the home city's own divisions that the locator found (东华街道 in 临川市 and in
// 石家庄市桥西区): the address says nothing that points elsewhere. A national name
// longer than the home one is not explained by it: "朝阳区" says more than the
// home city's "朝阳" (朝阳街道) and stays a place elsewhere.
bool ExplainedAtHome(const DivisionMatch& division, const Location& home) {
  if (division.matched.empty()) return false;
  return std::all_of(division.matched.begin(), division.matched.end(), [&](const std::string& name) {
    return std::any_of(home.matched.begin(), home.matched.end(),
                       [&](const std::string& own) { return own.find(name) != std::string::npos; });
  });
}

}  // namespace

IntakeAssistant::IntakeAssistant(const UnitTree& units, const Taxonomy& taxonomy, std::vector<CatalogRule> catalog,
                                 CityGeography geography, AlertRules alerts)
    : taxonomy_(taxonomy),
      locator_(units, std::move(geography)),
      router_(units, taxonomy, std::move(catalog)),
      alerts_(std::move(alerts)) {}

void IntakeAssistant::SetClassifier(std::shared_ptr<const Classifier> classifier) {
  std::lock_guard lock(classifier_mu_);
  classifier_ = std::move(classifier);
}

std::string IntakeAssistant::CodeForLabel(const std::string& label) const {
  if (taxonomy_.Find(label)) return label;
  for (const Category& c : taxonomy_.categories())
    if (c.level == 1 && c.name == label) return c.code;
  return "";
}

std::string IntakeAssistant::TopCategory(const std::string& content) const {
  std::shared_ptr<const Classifier> classifier;
  {
    std::lock_guard lock(classifier_mu_);
    classifier = classifier_;
  }
  const std::string text = text::NormalizeText(content);
  if (!classifier || text.empty()) return "";
  auto top = classifier->PredictNormalized(text, 1);
  return top.empty() ? "" : CodeForLabel(top.front().category);
}

TriageResult IntakeAssistant::Triage(const TriageInput& input) const {
  TriageResult r;
  const std::string text = text::NormalizeText(input.content);
  std::shared_ptr<const Classifier> classifier;
  {
    std::lock_guard lock(classifier_mu_);
    classifier = classifier_;
  }
  r.classifier_available = classifier != nullptr;
  if (classifier && !text.empty()) {
    for (const Prediction& p : classifier->PredictNormalized(text, 3))
      r.categories.push_back({CodeForLabel(p.category), p.category, p.confidence});
  }
  if (!input.address.empty()) {
    const std::string address = text::NormalizeText(input.address);
    r.location = locator_.FromAddress(address);
    if (r.location) r.location_source = "address";
    if (divisions_) r.division = divisions_->Resolve(address);
    // Inside the home area the home's divisions win over a same-named one elsewhere.
    if (r.division && r.location && (divisions_->home().empty() || divisions_->OutsideHome(r.division->code)) &&
        ExplainedAtHome(*r.division, *r.location))
      r.division.reset();
  }
  if (!r.location && input.location) {
    r.location = locator_.FromPoint(input.location->lat, input.location->lon);
    if (r.location) r.location_source = "point";
  }
  if (!r.location && !text.empty()) {  // the content often names the place too
    r.location = locator_.FromAddress(text);
    if (r.location) r.location_source = "content";
  }
  std::vector<CategoryGuess> guesses;
  if (!input.category.empty() && taxonomy_.Find(input.category)) guesses.push_back({input.category, 1.0});
  for (const CategorySuggestion& c : r.categories)
    if (!c.code.empty() && c.code != input.category) guesses.push_back({c.code, c.confidence});
  r.units = router_.Suggest(guesses, r.location ? r.location->area : "", input.enterprise);
  r.unit_needs_choice = !r.units.empty() && guesses.front().confidence < kDefaultUnitFloor;
  if (kb_ && !text.empty()) {
    KbQuery q;
    q.text = text;
    q.limit = 5;
    if (!guesses.empty()) q.category = guesses.front().code;
    auto hits = kb_->Search(q);
    if (hits.ok()) r.knowledge = std::move(hits).value();
  }
  AlertRules::Signals signals;
  if (!r.categories.empty()) signals = {r.categories.front().code, r.categories.front().confidence, {}};
  if (r.division && !r.division->ambiguous && r.division->confidence >= 0.6 && divisions_->OutsideHome(r.division->code)) {
    std::string place;
    for (const auto* level : {&r.division->province, &r.division->city, &r.division->district, &r.division->street})
      if (*level && (*level)->name != "市辖区") place += (*level)->name;
    signals.raised["outside_home"] = place;
  }
  r.alerts = alerts_.Check(text, signals);
  return r;
}

}  // namespace hotline::triage

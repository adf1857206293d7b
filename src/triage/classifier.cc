#include "triage/classifier.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_set>

#include "text/normalize.h"
#include "triage/feature_space.h"
#include "triage/linear_model.h"
#include "triage/model_file.h"
#include "triage/naive_bayes.h"

namespace hotline::triage {

namespace {

struct Example {
  const std::vector<std::string>* doc;
  int label;
  float weight;
  bool pseudo = false;  // a pseudo-label from self-training
};

}  // namespace

struct Classifier::Impl {
  std::vector<std::string> labels;
  text::FeatureOptions features;
  double fasttext_weight = 0;  // 0 when there is no fastText model, 1 when it is alone
  std::optional<FeatureSpace> space;
  std::optional<LinearModel> linear;
  std::optional<FastTextModel> fasttext;
  nlohmann::json training;  // what the model was trained on, for the record

  std::vector<double> Probabilities(const std::vector<std::string>& features) const;
  // Trains the learners on `examples`.
  Status Fit(const std::vector<Example>& examples, const std::vector<std::vector<std::string>>& unlabelled,
             const TrainOptions& options);
};

namespace {

nlohmann::json FeatureOptionsJson(const text::FeatureOptions& f) {
  return {{"char_ngram_min", f.char_ngram_min},
          {"char_ngram_max", f.char_ngram_max},
          {"words", f.words},
          {"max_units", f.max_units}};
}

Result<text::FeatureOptions> FeatureOptionsFromJson(const nlohmann::json& j) {
  text::FeatureOptions f;
  if (!j.is_object()) return Status::InvalidArgument("model", "model metadata has no feature options");
  try {
    f.char_ngram_min = j.at("char_ngram_min").get<int>();
    f.char_ngram_max = j.at("char_ngram_max").get<int>();
    f.words = j.at("words").get<bool>();
    f.max_units = j.at("max_units").get<std::size_t>();
  } catch (const std::exception& e) {
    return Status::InvalidArgument("model", std::string("model metadata has bad feature options: ") + e.what());
  }
  if (f.char_ngram_min < 1 || f.char_ngram_max > 8 || f.max_units == 0)
    return Status::InvalidArgument("model", "model metadata has out-of-range feature options");
  return f;
}

const std::vector<std::vector<std::string>> kNoDocs;

void Log(const TrainOptions& o, const std::string& msg) {
  if (o.log) o.log(msg);
}

Status Cancelled() { return Status::Unavailable("cancelled"); }

}  // namespace

Status Classifier::Impl::Fit(const std::vector<Example>& examples,
                             const std::vector<std::vector<std::string>>& unlabelled,
                             const TrainOptions& options) {
  Impl& impl = *this;
  const int C = static_cast<int>(impl.labels.size());
  impl.space.reset();
  impl.linear.reset();
  impl.fasttext.reset();
  if (options.use_linear) {
    std::vector<std::vector<std::string>> vocab_docs;
    vocab_docs.reserve(examples.size());
    for (const auto& e : examples) vocab_docs.push_back(*e.doc);
    impl.space = FeatureSpace::Build(vocab_docs, options.unlabelled_idf ? unlabelled : kNoDocs, options.min_df);
    std::vector<LinearExample> lx;
    auto vectorize = [&] {
      lx.clear();
      lx.reserve(examples.size());
      for (const auto& e : examples) {
        if (options.stop.stop_requested()) return false;
        LinearExample x;
        x.x = impl.space->Vectorize(*e.doc);
        x.target.assign(C, 0.0f);
        x.target[e.label] = 1.0f;
        x.weight = e.weight;
        lx.push_back(std::move(x));
      }
      return true;
    };
    if (!vectorize()) return Cancelled();
    if (options.term_weight_power > 0) {
      // From the labelled texts and hints only, unless asked: pseudo-labels would reinforce themselves.
      std::vector<LinearExample> known;
      for (std::size_t i = 0; i < lx.size(); ++i)
        if (options.term_weight_pseudo || !examples[i].pseudo) known.push_back(lx[i]);
      impl.space->Reweight(SupervisedTermWeights(known, C, impl.space->size(), options.term_weight_power));
      if (!vectorize()) return Cancelled();
    }
    LinearOptions lo;
    lo.l2 = options.l2;
    lo.stop = options.stop;
    impl.linear = LinearModel::Train(lx, C, impl.space->size(), lo);
    if (options.stop.stop_requested()) return Cancelled();
    if (options.nb_weight > 0) {
      NaiveBayesOptions no;
      no.complement = options.nb_complement;
      no.alpha = options.nb_alpha;
      impl.linear =
          LinearModel::Combine(*impl.linear, TrainNaiveBayes(lx, C, impl.space->size(), no), options.nb_weight);
    }
  }
  if (options.use_fasttext) {
    if (options.stop.stop_requested()) return Cancelled();
    std::vector<std::vector<std::string>> docs;
    std::vector<int> labels;
    for (const auto& e : examples) {
      docs.push_back(*e.doc);
      labels.push_back(e.label);
    }
    HOTLINE_ASSIGN_OR_RETURN(impl.fasttext, FastTextModel::Train(docs, labels, C, options.fasttext));
  }
  impl.fasttext_weight = !impl.fasttext ? 0.0 : !impl.linear ? 1.0 : options.fasttext_weight;
  return Status::Ok();
}

std::vector<double> Classifier::Impl::Probabilities(const std::vector<std::string>& features) const {
  const std::size_t C = labels.size();
  std::vector<double> p(C, 0.0);
  if (linear && fasttext_weight < 1.0) {
    const auto q = linear->Probabilities(space->Vectorize(features));
    for (std::size_t c = 0; c < C && c < q.size(); ++c) p[c] += (1.0 - fasttext_weight) * q[c];
  }
  if (fasttext && fasttext_weight > 0.0) {
    std::vector<double> q;
    if (features.empty()) {
      q.assign(C, 1.0 / static_cast<double>(C));
    } else {
      q = fasttext->Probabilities(features);
    }
    for (std::size_t c = 0; c < C && c < q.size(); ++c) p[c] += fasttext_weight * q[c];
  }
  double sum = 0;
  for (double& v : p) {
    if (!std::isfinite(v) || v < 0) v = 0;
    sum += v;
  }
  for (double& v : p) v = sum > 0 ? v / sum : 1.0 / static_cast<double>(C);
  return p;
}

Classifier::Classifier() = default;
Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

std::vector<std::string> Classifier::Featurize(std::string_view text, const text::FeatureOptions& options) {
  return text::ExtractFeatures(text, options);
}

FeaturizedCorpus FeaturizedCorpus::Make(const std::vector<LabelledText>& data, const TrainOptions& options) {
  FeaturizedCorpus c;
  std::unordered_set<std::string> seen;
  for (const auto& d : data) {
    if (options.stop.stop_requested()) return c;
    std::string n = text::NormalizeText(d.text);
    c.docs.push_back(Classifier::Featurize(n, options.features));
    c.labels.push_back(d.label);
    seen.insert(std::move(n));
  }
  for (const auto& h : options.hints) {
    c.hint_docs.push_back(Classifier::Featurize(text::NormalizeText(h.text), options.features));
    c.hint_labels.push_back(h.label);
  }
  // Unlabelled texts are featurised only when training will use them.
  if (options.self_training_rounds <= 0 && !options.unlabelled_idf) return c;
  bool any_context = false;
  for (const auto& u : options.unlabelled) any_context = any_context || !u.context.empty();
  for (const auto& u : options.unlabelled) {
    if (options.stop.stop_requested()) return c;
    std::string n = text::NormalizeText(u.text);
    if (n.empty() || !seen.insert(n).second) continue;
    c.unlabelled.push_back(Classifier::Featurize(n, options.features));
    if (any_context)
      c.unlabelled_context.push_back(
          u.context.empty() ? c.unlabelled.back()
                            : Classifier::Featurize(n + " " + text::NormalizeText(u.context), options.features));
  }
  return c;
}

Result<Classifier> Classifier::Train(const std::vector<LabelledText>& data, const TrainOptions& options) {
  const FeaturizedCorpus corpus = FeaturizedCorpus::Make(data, options);
  if (options.stop.stop_requested()) return Cancelled();
  Log(options, "featurised " + std::to_string(corpus.docs.size()) + " labelled, " +
                   std::to_string(corpus.hint_docs.size()) + " hint and " + std::to_string(corpus.unlabelled.size()) +
                   " unlabelled texts");
  if (!options.unlabelled.empty() && corpus.unlabelled.empty())
    Log(options, "the " + std::to_string(options.unlabelled.size()) +
                     " unlabelled texts are not used (no self-training, idf from labelled texts only)");
  return TrainFeaturized(corpus, options);
}

Status Classifier::TrainToFile(const std::vector<LabelledText>& data, const TrainOptions& options,
                               const std::string& out_path) {
  HOTLINE_ASSIGN_OR_RETURN(auto c, Train(data, options));
  return c.Save(out_path);
}

Result<Classifier> Classifier::TrainFeaturized(const FeaturizedCorpus& corpus, const TrainOptions& options) {
  const auto& docs = corpus.docs;
  const auto& labels = corpus.labels;
  const auto& hint_docs = corpus.hint_docs;
  const auto& hint_labels = corpus.hint_labels;
  const auto& unlabelled = corpus.unlabelled;
  if (docs.size() != labels.size() || hint_docs.size() != hint_labels.size() ||
      (!corpus.unlabelled_context.empty() && corpus.unlabelled_context.size() != unlabelled.size()))
    return Status::InvalidArgument("data", "texts and labels differ in number");
  if (!options.use_linear && !options.use_fasttext)
    return Status::InvalidArgument("options", "enable at least one learner (linear or fastText)");
  auto impl = std::make_shared<Impl>();
  std::map<std::string, int> index;
  for (const auto& l : labels) {
    if (l.empty()) return Status::InvalidArgument("label", "a training text has an empty label");
    index.emplace(l, 0);
  }
  if (index.size() < 2) return Status::InvalidArgument("label", "training needs at least two distinct labels");
  for (auto& [l, i] : index) {
    i = static_cast<int>(impl->labels.size());
    impl->labels.push_back(l);
  }
  impl->features = options.features;

  std::vector<double> class_weight(impl->labels.size(), 1.0);
  {
    std::vector<int> n(impl->labels.size(), 0);
    for (const auto& l : labels) ++n[index[l]];
    for (std::size_t c = 0; c < n.size(); ++c)
      class_weight[c] = std::pow(static_cast<double>(labels.size()) / (static_cast<double>(n.size()) * n[c]),
                                 options.class_balance);
  }
  std::vector<Example> base;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const int c = index[labels[i]];
    base.push_back({&docs[i], c, static_cast<float>(class_weight[c])});
  }
  std::size_t hints_used = 0;
  for (std::size_t i = 0; i < hint_docs.size(); ++i) {
    auto it = index.find(hint_labels[i]);
    if (it == index.end() || hint_docs[i].empty()) continue;
    base.push_back({&hint_docs[i], it->second, static_cast<float>(options.hint_weight * class_weight[it->second])});
    ++hints_used;
  }

  std::vector<Example> examples = base;
  std::size_t pseudo_used = 0;
  for (int round = 0;; ++round) {
    HOTLINE_RETURN_IF_ERROR(impl->Fit(examples, unlabelled, options));
    if (round >= options.self_training_rounds || unlabelled.empty()) break;
    // Self-training: add the unlabelled texts the current model is confident about.
    examples = base;
    pseudo_used = 0;
    // Class-balanced selection: per class, the most confident texts above the
    // threshold, at most pseudo_ratio times that class's labelled count, so the
    // pseudo-labels keep the labelled class proportions instead of piling onto
    // the class the unlabelled stream is richest in.
    std::vector<std::vector<std::pair<double, std::size_t>>> candidates(impl->labels.size());
    for (std::size_t i = 0; i < unlabelled.size(); ++i) {
      if (options.stop.stop_requested()) return Cancelled();
      if (unlabelled[i].empty()) continue;
      // With context (e.g. the reply), the pseudo-label is chosen from text and context together.
      const auto p = impl->Probabilities(corpus.unlabelled_context.empty() ? unlabelled[i]
                                                                            : corpus.unlabelled_context[i]);
      const auto best = std::max_element(p.begin(), p.end());
      if (*best >= options.pseudo_threshold) candidates[best - p.begin()].emplace_back(*best, i);
    }
    std::vector<int> per_class(impl->labels.size(), 0), labelled_count(impl->labels.size(), 0);
    for (const auto& l : labels) ++labelled_count[index[l]];
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      auto& cand = candidates[c];
      std::stable_sort(cand.begin(), cand.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      const std::size_t cap = options.pseudo_ratio > 0
                                  ? static_cast<std::size_t>(options.pseudo_ratio * labelled_count[c] + 0.5)
                                  : cand.size();
      for (std::size_t j = 0; j < cand.size() && j < cap; ++j) {
        examples.push_back({&unlabelled[cand[j].second], static_cast<int>(c),
                            static_cast<float>(options.pseudo_weight * class_weight[c]), true});
        ++per_class[c];
        ++pseudo_used;
      }
    }
    std::string counts;
    for (std::size_t c = 0; c < per_class.size(); ++c)
      counts += " " + impl->labels[c] + "=" + std::to_string(per_class[c]);
    Log(options, "self-training round " + std::to_string(round + 1) + ": " + std::to_string(pseudo_used) +
                     " pseudo-labelled texts:" + counts);
  }
  impl->training = {{"labelled", docs.size()},
                    {"hints", hints_used},
                    {"unlabelled", unlabelled.size()},
                    {"pseudo_labelled", pseudo_used},
                    {"with_context", !corpus.unlabelled_context.empty()},
                    {"self_training_rounds", options.self_training_rounds},
                    {"term_weight_power", options.term_weight_power},
                    {"nb_weight", options.nb_weight},
                    {"nb_complement", options.nb_complement}};
  Classifier c;
  c.impl_ = std::move(impl);
  return c;
}

std::vector<double> Classifier::PredictFeaturized(const std::vector<std::string>& features) const {
  if (!impl_) return {};
  return impl_->Probabilities(features);
}

std::vector<Prediction> Classifier::Predict(std::string_view text, int k) const {
  return PredictNormalized(text::NormalizeText(text), k);
}

std::vector<Prediction> Classifier::PredictNormalized(std::string_view normalized_text, int k) const {
  if (!impl_) return {};
  const auto p = impl_->Probabilities(Featurize(normalized_text, impl_->features));
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  const std::size_t n = static_cast<std::size_t>(std::clamp(k, 1, static_cast<int>(p.size())));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](std::size_t a, std::size_t b) { return p[a] > p[b] || (p[a] == p[b] && a < b); });
  std::vector<Prediction> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({impl_->labels[order[i]], p[order[i]]});
  return out;
}

const std::vector<std::string>& Classifier::labels() const {
  static const std::vector<std::string> kNone;
  return impl_ ? impl_->labels : kNone;
}

Status Classifier::Save(const std::string& path) const {
  if (!impl_) return Status::Internal("no classifier to save");
  ModelFile file;
  file.metadata = {{"kind", "hotline-category-classifier"},
                   {"labels", impl_->labels},
                   {"features", FeatureOptionsJson(impl_->features)},
                   {"fasttext_weight", impl_->fasttext_weight},
                   {"training", impl_->training}};
  if (impl_->linear) {
    std::string space, linear;
    impl_->space->Serialize(space);
    impl_->linear->Serialize(linear);
    file.sections.emplace_back("features", std::move(space));
    file.sections.emplace_back("linear", std::move(linear));
  }
  if (impl_->fasttext) {
    HOTLINE_ASSIGN_OR_RETURN(auto bin, impl_->fasttext->Serialize());
    file.sections.emplace_back("fasttext", std::move(bin));
  }
  return WriteModelFile(path, file);
}

Result<Classifier> Classifier::Load(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto file, ReadModelFile(path));
  const nlohmann::json& meta = file.metadata;
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("model", "model file " + path + " is not a usable triage model: " + why);
  };
  if (meta.value("kind", "") != "hotline-category-classifier") return bad("not a category classifier");
  auto impl = std::make_shared<Impl>();
  const auto labels = meta.value("labels", nlohmann::json());
  if (!labels.is_array() || labels.size() < 2) return bad("fewer than two labels");
  for (const auto& l : labels) {
    if (!l.is_string()) return bad("a label is not a string");
    impl->labels.push_back(l.get<std::string>());
  }
  const int C = static_cast<int>(impl->labels.size());
  HOTLINE_ASSIGN_OR_RETURN(impl->features, FeatureOptionsFromJson(meta.value("features", nlohmann::json())));
  const auto w = meta.value("fasttext_weight", nlohmann::json());
  if (!w.is_number() || w.get<double>() < 0 || w.get<double>() > 1) return bad("bad fasttext_weight");
  impl->fasttext_weight = w.get<double>();
  impl->training = meta.value("training", nlohmann::json::object());
  const std::string* space = file.Section("features");
  const std::string* linear = file.Section("linear");
  const std::string* ft = file.Section("fasttext");
  if ((space == nullptr) != (linear == nullptr)) return bad("features and linear sections must come together");
  if (space) {
    HOTLINE_ASSIGN_OR_RETURN(auto s, FeatureSpace::Deserialize(*space));
    HOTLINE_ASSIGN_OR_RETURN(auto m, LinearModel::Deserialize(*linear));
    if (m.num_classes() != C) return bad("linear model and label list disagree");
    impl->space = std::move(s);
    impl->linear = std::move(m);
  }
  if (ft) {
    HOTLINE_ASSIGN_OR_RETURN(impl->fasttext, FastTextModel::Deserialize(*ft, C));
  }
  if (!impl->linear && !impl->fasttext) return bad("no learner in the file");
  if (!impl->fasttext) impl->fasttext_weight = 0;
  if (!impl->linear) impl->fasttext_weight = 1;
  Classifier c;
  c.impl_ = std::move(impl);
  return c;
}

}  // namespace hotline::triage

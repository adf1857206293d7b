#include "triage/fasttext_model.h"

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hotline::triage {
namespace {

const std::string kLabelPrefix = "__label__";

// A private directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hotline-ft-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  bool ok() const { return !path_.empty(); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

Status WriteLines(const std::string& path, const std::vector<std::vector<std::string>>& docs,
                  const std::vector<int>* labels) {
  std::ofstream out(path, std::ios::binary);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (labels) out << kLabelPrefix << (*labels)[i] << ' ';
    for (const auto& t : docs[i]) out << t << ' ';
    out << '\n';
  }
  out.close();
  if (!out) return Status::Internal("cannot write fastText training file " + path);
  return Status::Ok();
}

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fasttext::Args BaseArgs(const FastTextOptions& o) {
  fasttext::Args a;
  a.dim = o.dim;
  a.epoch = o.epoch;
  a.lr = o.lr;
  a.wordNgrams = o.word_ngrams;
  a.bucket = o.word_ngrams > 1 ? (o.bucket > 0 ? o.bucket : 200000) : 0;
  a.minCount = o.min_count;
  a.minn = 0;
  a.maxn = 0;
  a.thread = o.threads;
  a.seed = o.seed;
  a.verbose = 0;
  return a;
}

// Maps fastText's label ids to our class indices; fails on an unknown label.
Status MapLabels(const fasttext::FastText& ft, int num_classes, std::vector<int>& out) {
  auto dict = ft.getDictionary();
  out.assign(dict->nlabels(), -1);
  for (int32_t i = 0; i < dict->nlabels(); ++i) {
    const std::string label = dict->getLabel(i);
    char* end = nullptr;
    const long c = std::strtol(label.c_str() + kLabelPrefix.size(), &end, 10);
    if (label.rfind(kLabelPrefix, 0) != 0 || *end != '\0' || c < 0 || c >= num_classes)
      return Status::InvalidArgument("model", "fastText model has an unexpected label '" + label + "'");
    out[i] = static_cast<int>(c);
  }
  return Status::Ok();
}

// Exposes fastText's check of the file magic and version, which loadModel(std::string)
// does before loadModel(std::istream&), and which an in-memory load must do too.
class StreamLoadable : public fasttext::FastText {
 public:
  bool CheckHeader(std::istream& in) { return checkModel(in); }
};

}  // namespace

FastTextModel::FastTextModel() = default;
FastTextModel::~FastTextModel() = default;
FastTextModel::FastTextModel(FastTextModel&&) noexcept = default;
FastTextModel& FastTextModel::operator=(FastTextModel&&) noexcept = default;

Result<FastTextModel> FastTextModel::Train(const std::vector<std::vector<std::string>>& docs,
                                           const std::vector<int>& labels, int num_classes,
                                           const FastTextOptions& options) {
  if (docs.empty() || docs.size() != labels.size())
    return Status::InvalidArgument("data", "fastText needs one label per document and at least one document");
  TempDir dir;
  if (!dir.ok()) return Status::Internal("cannot create a temporary directory for fastText");
  const std::string input = dir.File("train.txt");
  HOTLINE_RETURN_IF_ERROR(WriteLines(input, docs, &labels));
  FastTextModel m;
  m.num_classes_ = num_classes;
  try {
    fasttext::Args args = BaseArgs(options);
    args.input = input;
    args.output = dir.File("model");
    args.model = fasttext::model_name::sup;
    args.loss = fasttext::loss_name::softmax;
    if (!options.pretrained_vectors.empty()) {
      args.pretrainedVectors = dir.File("pretrained.vec");
      std::ofstream vec(args.pretrainedVectors, std::ios::binary);
      vec << options.pretrained_vectors;
      vec.close();
      if (!vec) return Status::Internal("cannot write " + args.pretrainedVectors);
    }
    auto ft = std::make_shared<fasttext::FastText>();
    ft->train(args);
    HOTLINE_RETURN_IF_ERROR(MapLabels(*ft, num_classes, m.class_of_label_));
    m.ft_ = std::move(ft);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("fastText training failed: ") + e.what());
  }
  return m;
}

std::vector<double> FastTextModel::Probabilities(const std::vector<std::string>& tokens) const {
  std::vector<double> p(num_classes_, 0.0);
  if (!ft_) return p;
  std::string line;
  for (const auto& t : tokens) (line += t) += ' ';
  line += '\n';
  std::istringstream in(line);
  std::vector<int32_t> words, ft_labels;
  fasttext::Predictions predictions;
  try {
    ft_->getDictionary()->getLine(in, words, ft_labels);
    ft_->predict(static_cast<int32_t>(class_of_label_.size()), words, predictions, 0.0);
  } catch (...) {
    return p;
  }
  for (const auto& [logp, id] : predictions)
    if (id >= 0 && static_cast<std::size_t>(id) < class_of_label_.size()) p[class_of_label_[id]] = std::exp(logp);
  double sum = 0;
  for (double v : p) sum += v;
  if (sum > 0)
    for (double& v : p) v /= sum;
  else
    for (double& v : p) v = 1.0 / num_classes_;
  return p;
}

Result<std::string> FastTextModel::Serialize() const {
  if (!ft_) return Status::Internal("no fastText model to save");
  TempDir dir;
  if (!dir.ok()) return Status::Internal("cannot create a temporary directory for fastText");
  try {
    ft_->saveModel(dir.File("model.bin"));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("fastText could not save its model: ") + e.what());
  }
  return ReadAll(dir.File("model.bin"));
}

Result<FastTextModel> FastTextModel::Deserialize(std::string_view bytes, int num_classes) {
  FastTextModel m;
  m.num_classes_ = num_classes;
  try {
    std::istringstream in{std::string(bytes)};
    auto ft = std::make_shared<StreamLoadable>();
    if (!ft->CheckHeader(in))
      return Status::InvalidArgument("model", "the fastText section has a wrong magic number or version");
    ft->loadModel(in);
    if (!in) return Status::InvalidArgument("model", "the fastText section is truncated");
    if (ft->getArgs().model != fasttext::model_name::sup)
      return Status::InvalidArgument("model", "the fastText section is not a supervised model");
    HOTLINE_RETURN_IF_ERROR(MapLabels(*ft, num_classes, m.class_of_label_));
    m.ft_ = std::move(ft);
  } catch (const std::exception& e) {
    return Status::InvalidArgument("model", std::string("fastText model not loaded: ") + e.what());
  }
  return m;
}

Result<std::string> FastTextModel::PretrainVectors(const std::vector<std::vector<std::string>>& docs,
                                                   const FastTextOptions& options) {
  TempDir dir;
  if (!dir.ok()) return Status::Internal("cannot create a temporary directory for fastText");
  const std::string input = dir.File("corpus.txt");
  HOTLINE_RETURN_IF_ERROR(WriteLines(input, docs, nullptr));
  try {
    fasttext::Args args = BaseArgs(options);
    args.input = input;
    args.output = dir.File("vectors");
    args.model = fasttext::model_name::sg;
    args.loss = fasttext::loss_name::ns;
    args.lr = 0.05;
    args.epoch = 5;
    args.ws = 5;
    args.minCount = std::max(options.min_count, 2);
    args.bucket = 0;
    fasttext::FastText ft;
    ft.train(args);
    ft.saveVectors(dir.File("vectors.vec"));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("fastText pretraining failed: ") + e.what());
  }
  return ReadAll(dir.File("vectors.vec"));
}

}  // namespace hotline::triage

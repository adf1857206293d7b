#include "triage/cross_validation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "triage/test_corpus.h"
#include "triage/training_data.h"

namespace hotline::triage {
namespace {

TEST(CrossValidation, FoldsAreStratifiedAndDeterministic) {
  std::vector<std::string> labels;
  for (int i = 0; i < 50; ++i) labels.push_back("a");
  for (int i = 0; i < 10; ++i) labels.push_back("b");
  const auto folds = StratifiedFolds(labels, 5, 3);
  EXPECT_EQ(folds, StratifiedFolds(labels, 5, 3));
  std::map<int, std::map<std::string, int>> count;
  for (std::size_t i = 0; i < labels.size(); ++i) ++count[folds[i]][labels[i]];
  ASSERT_EQ(count.size(), 5u);
  for (auto& [f, by_label] : count) {
    EXPECT_EQ(by_label["a"], 10) << f;
    EXPECT_EQ(by_label["b"], 2) << f;
  }
}

TEST(CrossValidation, ReportsEveryTextOnce) {
  TrainOptions o;
  o.use_fasttext = false;
  o.self_training_rounds = 0;
  auto r = CrossValidate(testing::SyntheticAppeals(15), o, 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->report.total, 45);
  EXPECT_EQ(r->folds.size(), 3u);
  EXPECT_GT(r->report.accuracy, 0.85);
  EXPECT_GT(r->report.min_f1(), 0.8);
  EXPECT_FALSE(CrossValidate(testing::SyntheticAppeals(1), o, 1).ok());
  EXPECT_FALSE(CrossValidate(testing::SyntheticAppeals(1), o, 5).ok());  // 3 texts, 5 folds
}

// The shared Teddy Cup data, when present: a quick 2-fold check that the
// linear learner alone is well above chance. The full 5-fold figures are in
// docs/TRIAGE.md (bench/triage_experiments).
TEST(CrossValidation, SharedDataSanityWhenPresent) {
  const std::string path = std::string(HOTLINE_DEFAULT_DATA_DIR) + "/../../shared/data/teddy2020c/labelled_train.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data not present: " << path;
  auto data = LoadLabelledFile(path);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  data->resize(std::min<std::size_t>(data->size(), 400));
  TrainOptions o;
  o.use_fasttext = false;
  o.self_training_rounds = 0;
  o.features.words = false;
  auto r = CrossValidate(*data, o, 2);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->report.accuracy, 0.6);
}

}  // namespace
}  // namespace hotline::triage

#include "triage/classifier.h"
#include "text/normalize.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "triage/test_corpus.h"

namespace hotline::triage {
namespace {

TrainOptions Quick() {
  TrainOptions o;
  o.fasttext.dim = 10;
  o.fasttext.epoch = 10;
  o.self_training_rounds = 0;
  return o;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("hotline_classifier_test_" + name)).string();
}

// One trained model shared by the tests (training is the slow part).
const Classifier& Trained() {
  static const Classifier* c = [] {
    auto r = Classifier::Train(testing::SyntheticAppeals(30), Quick());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new Classifier(std::move(r).value());
  }();
  return *c;
}

TEST(Classifier, LearnsTheSyntheticCategories) {
  const Classifier& c = Trained();
  EXPECT_EQ(c.labels(), (std::vector<std::string>{"交通", "供热", "教育"}));  // sorted by bytes
  EXPECT_EQ(c.Predict("家里暖气不热，室温太低", 1).at(0).category, "供热");
  EXPECT_EQ(c.Predict("公交站台附近道路拥堵", 1).at(0).category, "交通");
  EXPECT_EQ(c.Predict("學校招生入學", 1).at(0).category, "教育");  // traditional script
  int right = 0;
  const auto held_out = testing::SyntheticAppeals(10, 99);
  for (const auto& t : held_out) right += c.Predict(t.text, 1).at(0).category == t.label;
  EXPECT_GE(right, static_cast<int>(held_out.size()) * 9 / 10);
}

TEST(Classifier, PredictNormalizedSkipsOnlyTheNormalisation) {
  const Classifier& c = Trained();
  const std::string raw = "學校招生入學，ＡＢＣ　暖氣";
  const auto a = c.Predict(raw, 3);
  const auto b = c.PredictNormalized(text::NormalizeText(raw), 3);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].category, b[i].category);
    EXPECT_DOUBLE_EQ(a[i].confidence, b[i].confidence);
  }
}

TEST(Classifier, TopKIsSortedAndSumsToOne) {
  const auto p = Trained().Predict("暖气片漏水", 10);
  ASSERT_EQ(p.size(), 3u);  // clamped to the number of labels
  EXPECT_GE(p[0].confidence, p[1].confidence);
  EXPECT_GE(p[1].confidence, p[2].confidence);
  EXPECT_NEAR(p[0].confidence + p[1].confidence + p[2].confidence, 1.0, 1e-6);
  EXPECT_EQ(Trained().Predict("暖气片漏水", 0).size(), 1u);
  EXPECT_EQ(Trained().Predict("暖气片漏水", -5).size(), 1u);
}

TEST(Classifier, BadInputGivesAnAnswerNotACrash) {
  const Classifier& c = Trained();
  std::string big;
  while (big.size() < (1 << 20)) big += "暖气不热，供暖温度太低。";
  for (const std::string& text : {std::string(), std::string("   \n\t"), std::string("😀😡🔥"),
                                  std::string("heating broken ライト 가로등 отопление"),
                                  std::string("bad\xff\xfe utf8"), std::string("\0\0", 2), big}) {
    const auto p = c.Predict(text, 3);
    ASSERT_EQ(p.size(), 3u);
    double sum = 0;
    for (const auto& x : p) {
      EXPECT_GE(x.confidence, 0.0);
      EXPECT_LE(x.confidence, 1.0);
      sum += x.confidence;
    }
    EXPECT_NEAR(sum, 1.0, 1e-6);
  }
  EXPECT_EQ(c.Predict(big, 1).at(0).category, "供热");
  // Empty text gets the prior: no class is confidently chosen.
  EXPECT_LT(c.Predict("", 1).at(0).confidence, 0.6);
}

TEST(Classifier, SaveAndLoadGiveTheSamePredictions) {
  const std::string path = TempPath("model");
  ASSERT_TRUE(Trained().Save(path).ok());
  auto loaded = Classifier::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->labels(), Trained().labels());
  for (const char* t : {"暖气不热", "道路拥堵", "", "学校"}) {
    const auto a = Trained().Predict(t, 3), b = loaded->Predict(t, 3);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].category, b[i].category);
      EXPECT_NEAR(a[i].confidence, b[i].confidence, 1e-9);
    }
  }
  std::filesystem::remove(path);
}

TEST(Classifier, MissingOrCorruptModelIsAClearError) {
  auto missing = Classifier::Load(TempPath("missing"));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("hotline_classifier_test_missing"), std::string::npos);

  const std::string path = TempPath("corrupt");
  ASSERT_TRUE(Trained().Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto load_bytes = [&](const std::string& b) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << b;
    return Classifier::Load(path);
  };
  for (std::size_t at : {bytes.size() / 3, bytes.size() / 2, bytes.size() - 10}) {
    std::string bad = bytes;
    bad[at] ^= 0x5a;
    auto r = load_bytes(bad);
    EXPECT_FALSE(r.ok()) << at;
    EXPECT_EQ(r.status().field(), "model");
  }
  EXPECT_FALSE(load_bytes(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(load_bytes("").ok());
  EXPECT_FALSE(load_bytes("\x7f" "ELF not a model").ok());
  std::filesystem::remove(path);
}

TEST(Classifier, PredictIsThreadSafe) {
  const Classifier& c = Trained();
  const auto expected = c.Predict("暖气不热", 1).at(0);
  std::vector<std::thread> threads;
  std::vector<int> agree(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto p = c.Predict("暖气不热", 1).at(0);
        agree[t] += p.category == expected.category && p.confidence == expected.confidence;
      }
    });
  for (auto& th : threads) th.join();
  for (int n : agree) EXPECT_EQ(n, 50);
}

TEST(Classifier, RefusesUnusableTrainingData) {
  EXPECT_EQ(Classifier::Train({}, Quick()).status().field(), "label");
  EXPECT_EQ(Classifier::Train({{"暖气", "供热"}, {"暖气不热", "供热"}}, Quick()).status().field(), "label");
  EXPECT_EQ(Classifier::Train({{"暖气", "供热"}, {"公交", ""}}, Quick()).status().field(), "label");
  TrainOptions none = Quick();
  none.use_linear = none.use_fasttext = false;
  EXPECT_EQ(Classifier::Train(testing::SyntheticAppeals(2), none).status().field(), "options");
}

TEST(Classifier, EachLearnerWorksAlone) {
  for (bool linear : {true, false}) {
    TrainOptions o = Quick();
    o.use_linear = linear;
    o.use_fasttext = !linear;
    auto c = Classifier::Train(testing::SyntheticAppeals(20), o);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(c->Predict("暖气不热，室温太低", 1).at(0).category, "供热") << linear;
    const std::string path = TempPath(linear ? "linear" : "fasttext");
    ASSERT_TRUE(c->Save(path).ok());
    auto back = Classifier::Load(path);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->Predict("暖气不热", 1).at(0).category, "供热");
    std::filesystem::remove(path);
  }
}

TEST(Classifier, UsesHintsAndUnlabelledTexts) {
  TrainOptions o = Quick();
  o.use_fasttext = false;
  // "锅炉" (boiler) never occurs in the labelled texts; a hint teaches it.
  o.hints = {{"锅炉 锅炉房", "供热"}, {"不存在的类别", "无此标签"}};
  o.hint_weight = 2.0;
  o.unlabelled = {"暖气不热锅炉坏了", "公交车太挤", "学校招生", "暖气不热锅炉坏了"};
  o.self_training_rounds = 1;
  o.pseudo_threshold = 0.5;
  std::vector<std::string> log;
  o.log = [&](const std::string& m) { log.push_back(m); };
  auto c = Classifier::Train(testing::SyntheticAppeals(10), o);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->labels().size(), 3u);  // the hint with an unknown label is ignored
  EXPECT_EQ(c->Predict("锅炉", 1).at(0).category, "供热");
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log.front().find("3 unlabelled"), std::string::npos) << log.front();  // duplicate dropped
}

TEST(Classifier, ContextChoosesThePseudoLabel) {
  TrainOptions o = Quick();
  o.use_fasttext = false;
  o.self_training_rounds = 1;
  o.pseudo_threshold = 0.0;
  o.pseudo_ratio = 0;
  o.pseudo_weight = 5.0;
  // The text alone says nothing; its context (a reply) says heating, so the
  // text's new word "锅炉" is learned as heating.
  for (int i = 0; i < 5; ++i) o.unlabelled.push_back({"锅炉锅炉锅炉" + std::to_string(i), "暖气不热 供暖温度 室温太低"});
  auto c = Classifier::Train(testing::SyntheticAppeals(10), o);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->Predict("锅炉", 1).at(0).category, "供热");
  FeaturizedCorpus corpus = FeaturizedCorpus::Make(testing::SyntheticAppeals(2), o);
  EXPECT_EQ(corpus.unlabelled.size(), 5u);
  EXPECT_EQ(corpus.unlabelled_context.size(), 5u);
  corpus.unlabelled_context.pop_back();
  EXPECT_EQ(Classifier::TrainFeaturized(corpus, o).status().field(), "data");
}

TEST(Classifier, TermWeightingAndNaiveBayesChangeTheModelAndSurviveSaving) {
  TrainOptions plain = Quick();
  plain.use_fasttext = false;
  plain.term_weight_power = 0;
  plain.class_balance = 0;
  TrainOptions weighted = plain;
  weighted.term_weight_power = 0.5;
  weighted.class_balance = 1.0;
  weighted.nb_weight = 1.0;
  const auto data = testing::SyntheticAppeals(10);
  auto a = Classifier::Train(data, plain);
  auto b = Classifier::Train(data, weighted);
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string text = "暖气不热，公交车也晚点";
  EXPECT_NE(a->Predict(text, 3).at(0).confidence, b->Predict(text, 3).at(0).confidence);
  EXPECT_EQ(b->Predict("家里暖气不热，室温太低", 1).at(0).category, "供热");
  const std::string path = TempPath("weighted");
  ASSERT_TRUE(b->Save(path).ok());
  auto back = Classifier::Load(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (const auto& t : testing::SyntheticAppeals(3, 7)) {
    const auto p = b->Predict(t.text, 3), q = back->Predict(t.text, 3);
    ASSERT_EQ(p.size(), q.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      EXPECT_EQ(p[i].category, q[i].category);
      EXPECT_NEAR(p[i].confidence, q[i].confidence, 1e-6);
    }
  }
  std::filesystem::remove(path);
}

TEST(Classifier, UnusedUnlabelledTextsAreNotFeaturised) {
  TrainOptions o = Quick();
  o.use_fasttext = false;
  o.unlabelled = {"暖气不热锅炉坏了", "公交车太挤"};
  EXPECT_TRUE(FeaturizedCorpus::Make(testing::SyntheticAppeals(2), o).unlabelled.empty());
  o.unlabelled_idf = true;
  EXPECT_EQ(FeaturizedCorpus::Make(testing::SyntheticAppeals(2), o).unlabelled.size(), 2u);
}

TEST(Classifier, AStopRequestCancelsTraining) {
  const auto data = testing::SyntheticAppeals(40);
  // Stopped before it starts.
  std::stop_source stopped;
  stopped.request_stop();
  TrainOptions options;
  options.stop = stopped.get_token();
  auto before = Classifier::Train(data, options);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(before.status().message(), "cancelled");
  // Stopped in the middle: after featurising (the first log line), before fitting.
  std::stop_source midway;
  options.stop = midway.get_token();
  options.log = [&](const std::string&) { midway.request_stop(); };
  auto during = Classifier::Train(data, options);
  ASSERT_FALSE(during.ok());
  EXPECT_EQ(during.status().code(), StatusCode::kUnavailable);
  // Not stopped: trains as before.
  options.stop = {};
  EXPECT_TRUE(Classifier::Train(data, options).ok());
}

TEST(Classifier, TrainToFileWritesALoadableModel) {
  const std::string path = TempPath("trained");
  TrainOptions o = Quick();
  o.use_fasttext = false;
  ASSERT_TRUE(Classifier::TrainToFile(testing::SyntheticAppeals(5), o, path).ok());
  EXPECT_TRUE(Classifier::Load(path).ok());
  std::filesystem::remove(path);
  EXPECT_FALSE(Classifier::TrainToFile(testing::SyntheticAppeals(5), o, "/nonexistent-dir/m").ok());
}

}  // namespace
}  // namespace hotline::triage

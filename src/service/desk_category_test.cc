// Issue 9: a ticket closed at the intake desk (direct answer, out of scope,
// emergency transfer) keeps a category — the operator's, else the classifier's
// top suggestion — so that statistics count it. Over a real SQLite store.
#include <gtest/gtest.h>

#include "domain/test_fixtures.h"
#include "service/service_fixture.h"
#include "triage/test_corpus.h"

namespace hotline::service {
namespace {

using hotline::testing::Operator;

// The small city's taxonomy with a branch for each synthetic topic.
Taxonomy DeskTaxonomy() {
  return Taxonomy::Build({{"01", "城乡建设", "", 1},
                          {"0101", "供热", "01", 2},
                          {"010101", "室温不达标", "0101", 3},
                          {"03", "交通运输", "", 1},
                          {"0301", "公共交通", "03", 2},
                          {"04", "教育文体", "", 1},
                          {"0401", "学校管理", "04", 2}})
      .value();
}

// The synthetic appeals (供热 / 交通 / 教育) labelled with the taxonomy's codes.
std::shared_ptr<const triage::Classifier> TopicModel() {
  const std::map<std::string, std::string> code = {{"供热", "0101"}, {"交通", "0301"}, {"教育", "0401"}};
  auto data = triage::testing::SyntheticAppeals(30);
  for (auto& d : data) d.label = code.at(d.label);
  triage::TrainOptions quick;
  quick.fasttext.dim = 10;
  quick.fasttext.epoch = 10;
  quick.self_training_rounds = 0;
  auto model = triage::Classifier::Train(data, quick);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::make_shared<const triage::Classifier>(std::move(model).value()) : nullptr;
}

class DeskCategoryTest : public testing::ServiceOverSqlite {
 protected:
  DeskCategoryTest() : ServiceOverSqlite(DeskTaxonomy()) {}
  void SetUp() override {
    ServiceOverSqlite::SetUp();
    service_->SetClassifier(TopicModel());
  }

  // A phone appeal about a bus line, with the operator's category or none.
  TicketId BusAppeal(const std::string& category = "") {
    Appeal a = hotline::testing::HeatingAppeal();
    a.content = "公交车班次太少，公交站台也没有遮阳棚，希望尽快解决";
    a.category = category;
    auto t = service_->tickets().Intake(a, Operator());
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->id : 0;
  }
  static CommandInput Answer(const std::string& category = "") {
    CommandInput in;
    in.content = "已告知公交集团的线路调整安排";
    in.category = category;
    return in;
  }
  std::string CategoryOf(TicketId id) { return store_->GetTicket(id)->appeal.category; }

};

TEST_F(DeskCategoryTest, ADirectAnswerWithoutACategoryGetsTheTopSuggestion) {
  const TicketId id = BusAppeal();
  ASSERT_EQ(CategoryOf(id), "");
  auto answered = service_->tickets().Command(id, "answer-directly", Answer(), Operator());
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(answered->state, TicketState::kAnsweredDirectly);
  EXPECT_EQ(answered->appeal.category, "0301");
  EXPECT_EQ(CategoryOf(id), "0301");
  // The event records the category, so the ticket rebuilt from its events agrees.
  auto events = store_->GetEvents(id);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->back().input.category, "0301");
}

TEST_F(DeskCategoryTest, TheOperatorsCategoryWins) {
  // Chosen at intake: kept, although the text reads like 公共交通.
  const TicketId chosen = BusAppeal("010101");
  ASSERT_TRUE(service_->tickets().Command(chosen, "answer-directly", Answer(), Operator()).ok());
  EXPECT_EQ(CategoryOf(chosen), "010101");
  // Named with the command: it replaces both the suggestion and the appeal's.
  const TicketId named = BusAppeal();
  ASSERT_TRUE(service_->tickets().Command(named, "answer-directly", Answer("0401"), Operator()).ok());
  EXPECT_EQ(CategoryOf(named), "0401");
  const TicketId renamed = BusAppeal("010101");
  ASSERT_TRUE(service_->tickets().Command(renamed, "answer-directly", Answer("0401"), Operator()).ok());
  EXPECT_EQ(CategoryOf(renamed), "0401");
}

TEST_F(DeskCategoryTest, OutOfScopeAndEmergencyTransfersKeepACategoryToo) {
  const TicketId oos = BusAppeal();
  CommandInput reason;
  reason.reason = "已进入司法程序";
  ASSERT_TRUE(service_->tickets().Command(oos, "out-of-scope", reason, Operator()).ok());
  EXPECT_EQ(CategoryOf(oos), "0301");
  const TicketId emergency = BusAppeal();
  CommandInput number;
  number.number = "120";
  ASSERT_TRUE(service_->tickets().Command(emergency, "transfer-emergency", number, Operator()).ok());
  EXPECT_EQ(CategoryOf(emergency), "0301");
  // Commands that do not close at the desk leave the category alone.
  const TicketId to_dispatch = BusAppeal();
  ASSERT_TRUE(service_->tickets().Command(to_dispatch, "to-dispatch", {}, Operator()).ok());
  EXPECT_EQ(CategoryOf(to_dispatch), "");
}

TEST_F(DeskCategoryTest, AnUnknownCategoryIsRefusedAndNothingIsKept) {
  const TicketId id = BusAppeal();
  auto refused = service_->tickets().Command(id, "answer-directly", Answer("9999"), Operator());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "category");
  EXPECT_EQ(store_->GetTicket(id)->state, TicketState::kTriage);
  EXPECT_EQ(CategoryOf(id), "");
}

TEST_F(DeskCategoryTest, WithoutAClassifierAndACategoryTheTicketStaysUncategorised) {
  service_->SetClassifier(nullptr);
  const TicketId id = BusAppeal();
  ASSERT_TRUE(service_->tickets().Command(id, "answer-directly", Answer(), Operator()).ok());
  EXPECT_EQ(CategoryOf(id), "");
}

}  // namespace
}  // namespace hotline::service

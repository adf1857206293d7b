// The history model's bounds: how much of the history it reads, and how fast
// it gives up when cancelled.
#include "app/history_model.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <random>
#include <thread>

#include "app/demo_city.h"
#include "app/reference_files.h"
#include "store/sqlite/sqlite_store.h"
#include "text/utf8.h"

namespace hotline::app {
namespace {

// A store with `n` tickets spread over 30 leaf categories, each category with
// its own words among random filler characters (fixed seed).
class SyntheticHistory {
 public:
  explicit SyntheticHistory(int n) {
    store = SqliteStore::Open(":memory:").value();
    EXPECT_TRUE(LoadReferenceFiles(*store, DataDir()).ok());
    taxonomy = Taxonomy::Build(*store->LoadCategories()).value();
    std::vector<std::string> leaves;
    for (const Category& c : taxonomy.categories())
      if (taxonomy.IsLeaf(c.code) && leaves.size() < 30) leaves.push_back(c.code);
    std::mt19937 rng(11);
    auto cjk = [](unsigned k) {  // a character of the CJK block
      std::string s;
      text::AppendUtf8(s, 0x4E00 + k % 3000);
      return s;
    };
    Context ctx;
    ctx.taxonomy = &taxonomy;
    ctx.now = 1'795'000'000;
    std::vector<Ticket> tickets;
    std::vector<std::vector<Event>> histories;
    for (int i = 0; i < n; ++i) {
      const std::size_t c = static_cast<std::size_t>(i) % leaves.size();
      Appeal a;
      a.channel = Channel::kWeb;
      a.type = AppealType::kHelp;
      a.category = leaves[c];
      a.query_code = "123456";
      for (int k = 0; k < 40; ++k) a.content += cjk(k % 4 == 0 ? static_cast<unsigned>(c * 7 + rng() % 7) : rng());
      auto tr = Intake(a, {"test", Role::kOperator, ""}, ctx);
      EXPECT_TRUE(tr.ok()) << tr.status().ToString();
      tickets.push_back(tr->ticket);
      histories.push_back({tr->event});
    }
    EXPECT_TRUE(store->CreateTickets(histories, tickets).ok());
  }

  std::unique_ptr<SqliteStore> store;
  Taxonomy taxonomy;
};

TEST(HistoryModel, MaxTicketsBoundsWhatIsRead) {
  EXPECT_LE(HistoryModelOptions().max_tickets, 10000u);  // trains in seconds, not minutes
  SyntheticHistory history(700);
  for (std::size_t max : {250u, 333u}) {
    HistoryModelOptions options;
    options.max_tickets = max;
    HistoryModelReport report;
    auto model = TrainHistoryModel(*history.store, history.taxonomy, options, &report);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    EXPECT_EQ(report.read, max);
    EXPECT_LE(report.tickets, max);
    EXPECT_GT(report.tickets, max / 2);
  }
}

TEST(HistoryModel, CancellingStopsTrainingPromptly) {
  // Enough history that training runs for many seconds if left alone.
  SyntheticHistory history(6000);
  HistoryModelOptions options;
  std::stop_source stop;
  options.stop = stop.get_token();
  std::promise<Status> done;
  auto result = done.get_future();
  std::jthread trainer([&] {
    auto model = TrainHistoryModel(*history.store, history.taxonomy, options, nullptr);
    done.set_value(model.status());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto asked = std::chrono::steady_clock::now();
  stop.request_stop();
  ASSERT_EQ(result.wait_for(std::chrono::seconds(5)), std::future_status::ready) << "training ignored the stop";
  const Status status = result.get();
  EXPECT_EQ(status.code(), StatusCode::kUnavailable) << status.ToString();
  EXPECT_EQ(status.message(), "cancelled");
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(5));

  // A stop requested before it starts reads nothing.
  HistoryModelReport report;
  auto none = TrainHistoryModel(*history.store, history.taxonomy, options, &report);
  EXPECT_EQ(none.status().message(), "cancelled");
  EXPECT_EQ(report.read, 0u);
}

}  // namespace
}  // namespace hotline::app

// Ticket search at scale (issue 9, docs/BENCHMARKS.md "Ticket search"):
// N tickets with real Chinese appeal text (the teddy2020c messages and official
// replies in ../shared/data when present, a few built-in sentences otherwise)
// written in large transactions straight into a store created by the real
// migrations; the search index is then built by the migration's own 'rebuild'
// (the insert trigger is dropped during the load and restored after, so the
// index is exactly the one the store maintains). Reports the index build time,
// the database size with and without the index, and p50/p99 of a two-keyword
// search with the usual filters (states + created_at range, newest first, page
// of 20 and the total) through SqliteStore::ListTickets, and of the old LIKE
// scan on the same data (fewer queries: it reads every row in range).
//
// Usage: search_bench [--tickets N] [--queries Q] [--like-queries L] [--dir D] [--data DIR] [--keep]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "store/codec.h"
#include "store/sqlite/search_text.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/ticket_query.h"
#include "text/utf8.h"

namespace hotline {
namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

// One CSV record per line (the data's README promises no embedded newlines).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') out.push_back(std::move(cur)), cur.clear();
    else if (c != '\r') cur += c;
  }
  out.push_back(std::move(cur));
  return out;
}

// Column `name` of every record of `path` (empty when the file is missing).
std::vector<std::string> Column(const std::string& path, const std::string& name) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> out;
  if (!std::getline(in, line)) return out;
  const auto header = SplitCsv(line);
  const auto col = std::find(header.begin(), header.end(), name) - header.begin();
  while (std::getline(in, line)) {
    auto f = SplitCsv(line);
    if (col < static_cast<long>(f.size()) && !f[col].empty()) out.push_back(f[col]);
  }
  return out;
}

// At most `max` bytes, cut at a character boundary.
std::string Cut(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

struct Corpus {
  std::vector<std::string> contents, replies;
};

Corpus LoadCorpus(const std::string& dir) {
  Corpus c;
  for (const char* f : {"messages_unlabelled.csv", "messages_votes.csv", "messages_replies.csv", "labelled_train.csv"}) {
    auto titles = Column(dir + "/" + f, "title");
    auto details = Column(dir + "/" + f, "detail");
    for (std::size_t i = 0; i < details.size(); ++i)
      c.contents.push_back((i < titles.size() ? text::SanitizeUtf8(titles[i]) + "。" : "") + Cut(text::SanitizeUtf8(details[i]), 1200));
  }
  c.replies = Column(dir + "/messages_replies.csv", "reply");
  for (auto& r : c.replies) r = Cut(text::SanitizeUtf8(r), 1200);
  if (c.contents.empty()) {
    std::cerr << "no data in " << dir << ": built-in sentences\n";
    c.contents = {"幸福里小区冬季暖气不热，室温只有十二度，请求供热公司检修", "人民路夜间施工噪声扰民，影响休息",
                  "小区物业违规收取停车费，业主多次反映无果", "学校门口早晚高峰交通拥堵，建议增设信号灯",
                  "公交车站站牌损坏，雨天无法避雨", "企业拖欠工资三个月，要求劳动监察介入"};
  }
  if (c.replies.empty()) c.replies = {"经核实，已安排工作人员上门检修，问题已解决。"};
  return c;
}

const TicketState kStates[] = {TicketState::kClosed,     TicketState::kClosed,      TicketState::kClosed,
                               TicketState::kClosed,     TicketState::kClosed,      TicketState::kToCallback,
                               TicketState::kReplied,    TicketState::kInProgress,  TicketState::kDispatched,
                               TicketState::kToDispatch, TicketState::kAnsweredDirectly};
const char* kDistricts[] = {"东华区", "西城区", "南湖区", "北山区", "临江区", "高新区", "经开区", "青松县"};
const char* kPlaces[] = {"幸福里小区", "人民路", "解放大道", "锦绣花园", "桂花坪街道", "滨江新城", "火车站片区",
                         "建设北路", "翠湖小区", "工业园"};

constexpr UnixSeconds kEnd = 1'795'000'000;           // late 2026
constexpr UnixSeconds kSpan = 3LL * 365 * 24 * 3600;  // three years of history

Ticket MakeTicket(std::mt19937_64& rng, const Corpus& c, std::size_t i, std::size_t n) {
  Ticket t;
  t.appeal.channel = Channel::kPhone;
  t.appeal.type = AppealType::kComplaint;
  t.appeal.content = c.contents[rng() % c.contents.size()];
  t.appeal.caller = {"张先生", "138" + std::to_string(10000000 + rng() % 89999999)};
  t.appeal.address = std::string("临川市") + kDistricts[rng() % 8] + kPlaces[rng() % 10] + std::to_string(1 + rng() % 40) + "号";
  t.appeal.category = "0101";
  t.appeal.area = "D01";
  t.appeal.query_code = "123456";
  t.state = kStates[rng() % std::size(kStates)];
  t.intake_by = "operator";
  t.lead_unit = "U01";
  t.created_at = kEnd - kSpan + static_cast<UnixSeconds>(static_cast<double>(i) * kSpan / n);
  t.updated_at = t.created_at + 3600;
  if (t.state == TicketState::kClosed || t.state == TicketState::kToCallback || t.state == TicketState::kReplied) {
    t.reply_content = c.replies[rng() % c.replies.size()];
    t.due_at = t.created_at + 5 * 86400;
  }
  if (t.state == TicketState::kClosed) t.closed_at = t.created_at + 6 * 86400;
  t.version = 3;
  return t;
}

// Two keywords from one appeal text: substrings of 2–3 word characters from
// different places, the way a dispatcher types a place and a topic.
std::vector<std::string> PickKeywords(std::mt19937_64& rng, const Corpus& c) {
  for (;;) {
    const std::u32string text = text::DecodeUtf8(c.contents[rng() % c.contents.size()]);
    std::vector<std::string> out;
    for (int tries = 0; out.size() < 2 && tries < 50; ++tries) {
      const std::size_t len = 2 + rng() % 2;
      if (text.size() < len + 1) break;
      const std::size_t at = rng() % (text.size() - len);
      std::u32string piece = text.substr(at, len);
      bool cjk = std::all_of(piece.begin(), piece.end(), [](char32_t ch) { return ch >= 0x4E00 && ch <= 0x9FFF; });
      std::string k = text::EncodeUtf8(piece);
      if (cjk && (out.empty() || out[0] != k)) out.push_back(k);
    }
    if (out.size() == 2) return out;
  }
}

struct Query {
  std::vector<std::string> keywords;
  UnixSeconds from, to;
};

const std::vector<TicketState> kFilterStates = {TicketState::kDispatched, TicketState::kInProgress,
                                                TicketState::kReplied, TicketState::kToCallback, TicketState::kClosed};

void Report(const char* name, std::vector<double> ms, double hits) {
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
  std::printf("%-28s n=%zu  p50 %.1f ms  p99 %.1f ms  max %.1f ms  mean total %.0f\n", name, ms.size(), pct(0.50),
              pct(0.99), ms.back(), hits / ms.size());
}

std::int64_t One(sqlite::Connection& db, const std::string& sql) {
  auto q = db.Prepare(sql).value();
  return q.Step() ? q.Int(0) : -1;
}

int Main(int argc, char** argv) {
  std::size_t n = 5'000'000;
  int queries = 200, like_queries = 10;
  std::string dir = "/tmp/hotline_search_bench", data = "../shared/data/teddy2020c";
  bool keep = false, reuse = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--tickets") n = std::stoul(next());
    else if (a == "--queries") queries = std::stoi(next());
    else if (a == "--like-queries") like_queries = std::stoi(next());
    else if (a == "--dir") dir = next();
    else if (a == "--data") data = next();
    else if (a == "--keep") keep = true;
    else if (a == "--reuse") reuse = keep = true;  // query the database a --keep run left
    else return std::cerr << "unknown argument " << a << "\n", 2;
  }
  const Corpus corpus = LoadCorpus(data);
  std::printf("tickets %zu, corpus %zu texts, %zu replies\n", n, corpus.contents.size(), corpus.replies.size());
  const std::string path = dir + "/search.db";
  if (!reuse) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    SqliteStore::Open(path).value().reset();  // the schema, by the real migrations
  }
  auto db = sqlite::Connection::Open(path).value();
  if (!reuse) {
  std::string trigger_sql;
  {
    auto q = db.Prepare("SELECT sql FROM sqlite_master WHERE name = 'ticket_search_insert'").value();
    if (!q.Step()) return std::cerr << "no ticket_search_insert trigger\n", 1;
    trigger_sql = q.Text(0);
  }
  db.Exec("PRAGMA synchronous=OFF; DROP TRIGGER ticket_search_insert;").ok();
  auto t0 = Clock::now();
  std::mt19937_64 rng(9);
  const std::size_t batch = 50'000;
  for (std::size_t done = 0; done < n;) {
    db.Exec("BEGIN").ok();
    auto ins = db.Prepare("INSERT INTO tickets (state, channel, appeal_type, category, area, lead_unit, enterprise, "
                          "caller_phone, content, address, created_at, updated_at, due_at, closed_at, version, doc) "
                          "VALUES (?1,?2,?3,?4,?5,?6,0,?7,?8,?9,?10,?11,?12,?13,?14,?15)")
                   .value();
    for (std::size_t k = 0; k < batch && done < n; ++k, ++done) {
      const Ticket t = MakeTicket(rng, corpus, done, n);
      ins.Reset();
      auto s = ins.Bind(1, Name(t.state)).Bind(2, Name(t.appeal.channel)).Bind(3, Name(t.appeal.type))
                   .Bind(4, t.appeal.category).Bind(5, t.appeal.area).Bind(6, t.lead_unit)
                   .Bind(7, t.appeal.caller.phone).Bind(8, t.appeal.content).Bind(9, t.appeal.address)
                   .Bind(10, t.created_at).Bind(11, t.updated_at).Bind(12, t.due_at).Bind(13, t.closed_at)
                   .Bind(14, t.version).Bind(15, EncodeTicket(t).dump()).Run();
      if (!s.ok()) return std::cerr << s.ToString() << "\n", 1;
    }
    db.Exec("COMMIT").ok();
    if (done % 500'000 == 0) std::fprintf(stderr, "  %zu rows, %.0f s\n", done, Seconds(t0));
  }
  std::printf("load (no index): %.1f s\n", Seconds(t0));
  const std::int64_t page = One(db, "PRAGMA page_size");
  const std::int64_t before = One(db, "PRAGMA page_count") * page;
  t0 = Clock::now();
  auto s = db.Exec("INSERT INTO ticket_search(ticket_search) VALUES ('rebuild')");
  if (!s.ok()) return std::cerr << s.ToString() << "\n", 1;
  const double build = Seconds(t0);
  db.Exec(trigger_sql).ok();
  db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok();
  const std::int64_t after = One(db, "PRAGMA page_count") * page;
  const std::int64_t index = One(db, "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'ticket_search%'");
  std::printf("index build ('rebuild', as migration 8 does): %.1f s\n", build);
  std::printf("database: %.2f GB without the index, %.2f GB with it (index %.2f GB)\n", before / 1e9, after / 1e9,
              index / 1e9);
  }
  std::fflush(stdout);

  auto store = SqliteStore::Open(path, 2).value();
  std::mt19937_64 qrng(42);
  std::vector<Query> qs;
  for (int i = 0; i < queries; ++i) {
    const UnixSeconds from = kEnd - kSpan + static_cast<UnixSeconds>(qrng() % (kSpan - 180 * 86400));
    qs.push_back({PickKeywords(qrng, corpus), from, from + 180 * 86400});
  }
  std::vector<double> ms;
  std::vector<std::pair<double, std::string>> slowest;
  double hits = 0;
  for (const Query& q : qs) {
    TicketFilter f;
    f.states = kFilterStates;
    f.from = q.from;
    f.to = q.to;
    f.query = q.keywords[0] + " " + q.keywords[1];
    const auto a = Clock::now();
    auto r = store->ListTickets(f);
    ms.push_back(Seconds(a) * 1000);
    if (!r.ok()) return std::cerr << r.status().ToString() << "\n", 1;
    hits += r->total;
    slowest.push_back({ms.back(), f.query + " (total " + std::to_string(r->total) + ")"});
  }
  std::sort(slowest.rbegin(), slowest.rend());
  for (std::size_t i = 0; i < 3 && i < slowest.size(); ++i) {
    const std::string q = slowest[i].second.substr(0, slowest[i].second.find(" (total"));
    const std::string match = sqlite::MatchExpression(sqlite::SplitKeywords(q));
    auto a = Clock::now();
    auto fts = db.Prepare("SELECT COUNT(*) FROM ticket_search WHERE ticket_search MATCH ?1").value();
    fts.Bind(1, match);
    const std::int64_t all = fts.Step() ? fts.Int(0) : -1;
    std::printf("  slow: %.1f ms \"%s\"; the MATCH alone: %lld rows in %.1f ms\n", slowest[i].first,
                slowest[i].second.c_str(), static_cast<long long>(all), Seconds(a) * 1000);
    TicketFilter f;
    f.states = kFilterStates;
    f.from = 1;
    f.to = 2;
    f.query = q;
    const auto w = sqlite::BuildTicketWhere(f);
    auto plan = db.Prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM" + w.from + w.sql).value();
    w.BindTo(plan);
    while (plan.Step()) std::printf("    plan: %s\n", plan.Text(3).c_str());
  }
  Report("indexed (ListTickets)", ms, hits);
  std::printf("  e.g. \"%s %s\"\n", qs[0].keywords[0].c_str(), qs[0].keywords[1].c_str());

  // The old query on the same data: the same filters, each keyword a LIKE over
  // content, address and reply (the old code matched one substring in content
  // or address), count + page.
  ms.clear();
  hits = 0;
  const std::string where =
      " WHERE state IN ('dispatched','in_progress','replied','to_callback','closed') AND created_at >= ?1 AND "
      "created_at < ?2 AND (content LIKE ?3 OR address LIKE ?3 OR reply_content LIKE ?3) AND "
      "(content LIKE ?4 OR address LIKE ?4 OR reply_content LIKE ?4)";
  for (int i = 0; i < like_queries && i < queries; ++i) {
    const Query& q = qs[i];
    const auto a = Clock::now();
    for (const std::string& sql : {"SELECT COUNT(*) FROM tickets" + where,
                                  "SELECT id, doc FROM tickets" + where + " ORDER BY created_at DESC, id DESC LIMIT 20"}) {
      auto st = db.Prepare(sql).value();
      st.Bind(1, q.from).Bind(2, q.to).Bind(3, "%" + q.keywords[0] + "%").Bind(4, "%" + q.keywords[1] + "%");
      while (st.Step()) {
        if (sql.rfind("SELECT COUNT", 0) == 0) hits += st.Int(0);
      }
    }
    ms.push_back(Seconds(a) * 1000);
  }
  Report("old LIKE scan", ms, hits);
  store.reset();
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace hotline

int main(int argc, char** argv) { return hotline::Main(argc, argv); }

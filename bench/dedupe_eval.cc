// The duplicate-detection evaluation behind docs/DEDUPE.md (issue 12).
//
//   dedupe_eval [--data DIR] [--pairs FILE] [--threshold T] [--shingle N]
//               [--place-bonus X] [--conflict X] [--window-days D] [--caller]
//               [--errors tune]
//
// Reads the judged pairs (data/dedupe_eval/pairs.csv: id_a,id_b,label,split,…)
// and the messages they name from the Teddy Cup 2020 C files in DIR (default
// ../shared/data/teddy2020c beside the source tree; text = title + detail,
// time = the message's time). Prints, for each threshold of a sweep, the
// precision and recall of "score ≥ threshold" on the tuning half and on the
// held-out half; chooses the threshold on the tuning half alone (the highest
// recall with precision ≥ 0.95; the higher threshold on ties) unless
// --threshold is given; then reports both halves at that threshold, pair by
// pair and as groups (GroupDuplicates over every message of the four files,
// a pair counting as merged when both land in one group).
// --caller uses the message board's user as the caller (see docs/DEDUPE.md for
// why the headline leaves it out). --errors tune lists the tuning half's
// mistakes at the chosen threshold (never the held-out half's).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/csv_reader.h"
#include "triage/appeal_time.h"
#include "triage/duplicate_groups.h"
#include "triage/duplicate_score.h"

using namespace hotline;
using namespace hotline::triage;

namespace {

struct Message {
  std::string title, detail, user;
  std::int64_t time = 0;
};

struct Pair {
  std::string a, b, note, strategy;
  bool same = false;
  bool tune = false;
  DuplicateEvidence evidence;
  bool grouped = false;
};

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

void Count(Counts& c, bool truth, bool predicted) {
  if (truth) (predicted ? c.tp : c.fn)++;
  else (predicted ? c.fp : c.tn)++;
}

std::string Clean(const std::string& s) {  // the spreadsheet export's carriage returns
  static const std::string kCr = "_x000D_";
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, kCr.size(), kCr) == 0) {
      out += '\n';
      i += kCr.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(HOTLINE_DEFAULT_DATA_DIR) + "/../../shared/data/teddy2020c";
  std::string pairs_file = std::string(HOTLINE_DEFAULT_DATA_DIR) + "/dedupe_eval/pairs.csv";
  double fixed_threshold = -1;
  bool use_caller = false;
  std::string errors;
  int largest = 0;
  bool show_members = false;
  DedupeOptions o;
  o.window_seconds = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data = next();
    else if (a == "--pairs") pairs_file = next();
    else if (a == "--threshold") fixed_threshold = std::atof(next().c_str());
    else if (a == "--shingle") o.shingle_size = std::atoi(next().c_str());
    else if (a == "--place-bonus") o.place_bonus = std::atof(next().c_str());
    else if (a == "--conflict") o.place_conflict_penalty = std::atof(next().c_str());
    else if (a == "--window-days") o.window_seconds = static_cast<std::int64_t>(std::atof(next().c_str()) * 86400);
    else if (a == "--caller") use_caller = true;
    else if (a == "--no-idf") o.idf_weighting = false;
    else if (a == "--rare-ratio") o.idf_rare_ratio = std::atof(next().c_str());
    else if (a == "--min-weight") o.idf_min_weight = std::atof(next().c_str());
    else if (a == "--largest") largest = std::atoi(next().c_str());
    else if (a == "--members") show_members = true;
    else if (a == "--min-links") o.group_min_links = std::atoi(next().c_str());
    else if (a == "--errors") errors = next();
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }

  std::unordered_map<std::string, Message> messages;
  std::vector<std::string> order;
  for (const char* f : {"messages_votes.csv", "messages_replies.csv", "messages_unlabelled.csv", "labelled_train.csv"}) {
    auto table = app::CsvTable::ReadFile(data + "/" + f);
    if (!table.ok()) {
      std::fprintf(stderr, "%s (the shared data is needed: %s)\n", table.status().ToString().c_str(), data.c_str());
      return 1;
    }
    for (std::size_t r = 0; r < table->size(); ++r) {
      const std::string id = table->Get(r, "id");
      if (messages.count(id)) continue;  // a message in two files is one message
      Message m{Clean(table->Get(r, "title")), Clean(table->Get(r, "detail")), table->Get(r, "user"), 0};
      m.time = ParseAppealTime(table->Get(r, "time")).value_or(0);
      messages.emplace(id, std::move(m));
      order.push_back(id);
    }
  }
  auto pt = app::CsvTable::ReadFile(pairs_file);
  if (!pt.ok()) {
    std::fprintf(stderr, "%s\n", pt.status().ToString().c_str());
    return 1;
  }
  std::vector<Pair> pairs;
  for (std::size_t r = 0; r < pt->size(); ++r) {
    Pair p{pt->Get(r, "id_a"), pt->Get(r, "id_b"), pt->Get(r, "note"), pt->Get(r, "strategy"),
           pt->Get(r, "label") == "1", pt->Get(r, "split") == "tune", {}, false};
    if (!messages.count(p.a) || !messages.count(p.b)) {
      std::fprintf(stderr, "pair %s,%s names a message not in %s\n", p.a.c_str(), p.b.c_str(), data.c_str());
      return 1;
    }
    pairs.push_back(std::move(p));
  }

  const auto appeal = [&](const std::string& id) {
    const Message& m = messages.at(id);
    DedupeAppeal a;
    a.id = id;
    a.text = m.title + "\n" + m.detail;
    a.time = m.time;
    if (use_caller) a.caller = m.user;
    return a;
  };
  // Every message of the four files, as `hotline dedupe` would read them; the text
  // weights are their document frequencies (no labels are read).
  std::vector<DedupeAppeal> all;
  std::unordered_map<std::string, std::size_t> index_of;
  for (const auto& id : order) {
    index_of[id] = all.size();
    all.push_back(appeal(id));
  }
  const ShingleWeights weights = CorpusWeights(all, o);
  const Fingerprinter fp(o);
  std::unordered_map<std::string, Fingerprint> prints;
  for (auto& p : pairs) {
    for (const auto& id : {p.a, p.b})
      if (!prints.count(id)) prints.emplace(id, fp.Make(appeal(id), &weights));
    p.evidence = Compare(prints.at(p.a), prints.at(p.b), o);
  }
  int pos[2] = {0, 0}, neg[2] = {0, 0};
  for (const auto& p : pairs) (p.same ? pos : neg)[p.tune ? 0 : 1]++;
  std::printf("dedupe_eval: %zu pairs (tuning %d: %d same, %d not; held-out %d: %d same, %d not)\n", pairs.size(),
              pos[0] + neg[0], pos[0], neg[0], pos[1] + neg[1], pos[1], neg[1]);
  std::printf("options: shingle %d, %d hashes, idf %s (rare ratio %.3f, min weight %.2f), place bonus %.2f, "
              "conflict penalty %.2f, caller %s, window %s\n\n",
              o.shingle_size, o.num_hashes, o.idf_weighting ? "on" : "off", o.idf_rare_ratio, o.idf_min_weight,
              o.place_bonus, o.place_conflict_penalty, use_caller ? "user" : "none",
              o.window_seconds ? (std::to_string(o.window_seconds / 86400) + " days").c_str() : "any");

  const auto counts_at = [&](double t, bool tune) {
    Counts c;
    for (const auto& p : pairs)
      if (p.tune == tune) Count(c, p.same, p.evidence.within_window && p.evidence.score >= t);
    return c;
  };
  std::printf("| threshold | tuning P | tuning R | tuning F1 | held-out P | held-out R | held-out F1 |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  double chosen = -1, best_recall = -1, best_f1 = -1, best_f1_t = 0.5;
  for (int step = 2; step <= 18; ++step) {
    const double t = step * 0.05;
    const Counts tu = counts_at(t, true), ho = counts_at(t, false);
    std::printf("| %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", t, tu.precision(), tu.recall(), tu.f1(),
                ho.precision(), ho.recall(), ho.f1());
    if (tu.precision() >= 0.95 && tu.recall() >= best_recall) best_recall = tu.recall(), chosen = t;
    if (tu.f1() > best_f1) best_f1 = tu.f1(), best_f1_t = t;
  }
  if (fixed_threshold >= 0) {
    chosen = fixed_threshold;
    std::printf("\nthreshold %.2f (given)\n", chosen);
  } else if (chosen < 0) {
    chosen = best_f1_t;
    std::printf("\nno threshold reaches precision 0.95 on the tuning half; best tuning F1 at %.2f\n", chosen);
  } else {
    std::printf("\nchosen on the tuning half: %.2f (highest recall with precision >= 0.95)\n", chosen);
  }

  // Groups over every message of the four files, as `hotline dedupe` would form them.
  DedupeOptions go = o;
  go.threshold = chosen;
  const auto groups = GroupDuplicates(all, go);
  std::map<std::size_t, int> sizes;
  for (auto g : groups) sizes[g]++;
  int grouped = 0;
  for (auto& [g, n] : sizes) grouped += n > 1 ? n : 0;
  for (auto& p : pairs) p.grouped = groups[index_of[p.a]] == groups[index_of[p.b]];

  for (const bool tune : {true, false}) {
    Counts pc = counts_at(chosen, tune), gc;
    for (const auto& p : pairs)
      if (p.tune == tune) Count(gc, p.same, p.grouped);
    std::printf("%-9s pairs: P %.3f R %.3f (tp %d fp %d fn %d tn %d) | groups: P %.3f R %.3f (tp %d fp %d fn %d tn %d)\n",
                tune ? "tuning" : "held-out", pc.precision(), pc.recall(), pc.tp, pc.fp, pc.fn, pc.tn, gc.precision(),
                gc.recall(), gc.tp, gc.fp, gc.fn, gc.tn);
  }
  std::printf("groups over %zu messages: %d messages in %zu groups of 2 or more\n", all.size(), grouped,
              static_cast<std::size_t>(std::count_if(sizes.begin(), sizes.end(), [](auto& kv) { return kv.second > 1; })));

  // The largest groups, with their cohesion: the share of the group's member pairs
  // (up to 2,000 drawn in order) that pass the threshold on their own. A chain
  // through weak links (boilerplate) has low cohesion. No labels are read.
  if (largest > 0) {
    std::vector<std::pair<int, std::size_t>> by_size;
    for (auto& [g, n] : sizes)
      if (n > 1) by_size.push_back({n, g});
    std::sort(by_size.rbegin(), by_size.rend());
    std::printf("\nlargest groups (size, cohesion, main ticket's title):\n");
    for (int r = 0; r < largest && r < static_cast<int>(by_size.size()); ++r) {
      std::vector<std::size_t> members;
      for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i] == by_size[r].second) members.push_back(i);
      std::vector<Fingerprint> mp;
      for (auto i : members) mp.push_back(fp.Make(all[i], &weights));
      int passed = 0, compared = 0;
      for (std::size_t x = 0; x < mp.size() && compared < 2000; ++x)
        for (std::size_t y = x + 1; y < mp.size() && compared < 2000; ++y, ++compared)
          passed += Compare(mp[x], mp[y], go).score >= chosen;
      std::printf("%4d  %.2f  %s\n", by_size[r].first, compared ? static_cast<double>(passed) / compared : 1.0,
                  messages.at(order[by_size[r].second]).title.c_str());
      if (show_members)
        for (auto i : members) std::printf("        %s\n", messages.at(order[i]).title.c_str());
    }
  }

  if (errors == "tune") {
    std::printf("\ntuning-half mistakes at %.2f (pairs):\n", chosen);
    for (const auto& p : pairs) {
      const bool predicted = p.evidence.within_window && p.evidence.score >= chosen;
      if (!p.tune || predicted == p.same) continue;
      std::string shared;
      for (const auto& s : p.evidence.shared_places) shared += s + " ";
      std::printf("%s %s,%s text %.2f score %.2f conflict %d shared [%s] %s | %s\n", p.same ? "MISS" : "FALSE",
                  p.a.c_str(), p.b.c_str(), p.evidence.text_similarity, p.evidence.score, p.evidence.place_conflict,
                  shared.c_str(), p.strategy.c_str(), p.note.c_str());
    }
  }
  return 0;
}

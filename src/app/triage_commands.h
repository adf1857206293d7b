// The triage commands of the `hotline` binary (DESIGN.md §5):
//
//   hotline train --data FILE --out MODEL [--cv K] [--taxonomy FILE] [--unlabelled FILE...] [--fasttext]
//     Trains the category classifier (triage/classifier.h) from a CSV
//     (title,detail,label1 as in the Teddy Cup data, or text,category) or JSONL
//     ({"text","category"}) file and writes MODEL. A taxonomy file and unlabelled
//     files add knowledge (hints, TF-IDF weights, self-training; a "reply"
//     column guides the pseudo-labels). --fasttext adds a fastText model to
//     the logistic regression (see docs/TRIAGE.md for why it is off). Without
//     --taxonomy, a taxonomy.csv beside the data file is used when present.
//     With --cv K, first prints a K-fold stratified cross-validation report
//     (accuracy, macro-F1, per-class table, confusion matrix) on stdout;
//     --out is then optional.
//
//   hotline classify --model MODEL [--data-dir DIR]
//     Reads JSON lines {"id":…,"text":…} on stdin and writes, in the same order,
//     one line {"id":…,"category":…,"unit":…,"confidence":…} each, flushed per
//     line. `unit` is the lead unit of the dispatch catalog for the category
//     (anywhere in the city, not an enterprise), null when none matches; a label
//     that is a category name rather than a code is first looked up by name in
//     the taxonomy. A bad input line gives {"id":…,"error":"…"} (id null if
//     unknown) and processing goes on; the exit status is then 3.
//
// Both return the process exit status: 0 success, 1 failure (a message on stderr).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::app {

struct TrainCommand {
  std::string data;
  std::string out;
  int cv = 0;                           // 0: no cross-validation
  std::string taxonomy;                 // empty: taxonomy.csv beside `data`, if any
  std::vector<std::string> unlabelled;  // CSV/JSONL files of unlabelled texts
  bool fasttext = false;                // add fastText to the ensemble
  unsigned seed = 1;
  bool quiet = false;                   // no progress on stderr
};

struct ClassifyCommand {
  std::string model;
  std::string data_dir;  // taxonomy and dispatch catalog; empty: DataDir()
};

int RunTrain(const TrainCommand& cmd);
int RunClassify(const ClassifyCommand& cmd, std::istream& in, std::ostream& out);

}  // namespace hotline::app

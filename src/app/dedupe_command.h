// `hotline dedupe` (DESIGN.md §5, issue 12): groups duplicate appeals as the
// server does for 并单.
//
//   hotline dedupe [--threshold T] [--window-days D]
//
// Reads JSON lines {"id","text","time","lat"?,"lon"?,"caller"?,"address"?} on
// stdin and writes one line {"id":…,"group":…} per input line, in input order;
// "group" is the id of the group's earliest member (triage/duplicate_groups.h),
// an appeal without duplicates being its own group. Fields:
//   id       string or integer, unique in the input (required)
//   text     string (required)
//   time     ISO 8601 string (triage/appeal_time.h) or Unix seconds as a number (required)
//   lat, lon numbers in degrees, both or neither (null: absent)
//   caller   string (null: absent)
//   address  string (null: absent)
// Blank lines are skipped. Any other field is refused, as the API refuses
// fields it does not document (a misspelt "lng" would silently lose evidence).
// Because every group can depend on every line, a bad line refuses the whole
// input: each bad line is reported on stderr as "line N: field F: why" (the
// first 20), nothing is written on stdout, and the exit status is 2.
// --threshold (default 0.25) and --window-days (default 90; 0: any time apart)
// override the server's defaults (triage/dedupe_options.h).
// Returns the exit status: 0 success, 2 bad input.
#pragma once

#include <iosfwd>

#include "triage/dedupe_options.h"

namespace hotline::app {

struct DedupeCommand {
  triage::DedupeOptions options;
};

int RunDedupe(const DedupeCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace hotline::app

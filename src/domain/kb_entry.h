// A knowledge-base entry (知识库条目): a question and its answer on a policy or a
// procedure, filed under a category (and optionally the unit that owns it), valid
// between two dates, public (portal) or internal (staff only). Entries are
// versioned: every change writes a new version; nothing is ever overwritten.
#pragma once

#include <string>

#include "domain/clock.h"
#include "domain/status.h"
#include "domain/taxonomy.h"
#include "domain/unit_tree.h"

namespace hotline {

struct KbEntry {
  std::string id;          // "KB-0001"; assigned by the store when empty
  std::string category;    // taxonomy code, may be empty
  std::string unit;        // owning unit code, may be empty
  std::string question;
  std::string answer;
  bool is_public = true;
  std::string valid_from;  // YYYY-MM-DD or empty (always)
  std::string valid_to;    // YYYY-MM-DD or empty (open-ended)
  bool active = true;      // false once withdrawn
  int version = 0;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// Checks fields (lengths, date format and order, category and unit exist).
// `taxonomy` and `units` may be null to skip the reference checks.
Status ValidateKbEntry(const KbEntry& e, const Taxonomy* taxonomy, const UnitTree* units);

// Whether the entry applies on `date` (YYYY-MM-DD): active and within its dates.
bool KbEntryValidOn(const KbEntry& e, const std::string& date);

}  // namespace hotline

// The store's change feed (issue 11): what one server committed that the other
// servers on the same database must hear of — a ticket changed (to push it to
// their live streams and deadline queues), the reference data, the users or a
// knowledge-base entry changed (to reload them, or re-index the entry, without a
// restart), or a login session ended (to drop it from the session cache).
//
// Announcements are made by the store itself, for every committed change, so no
// caller can forget one. PostgreSQL sends them with NOTIFY inside the writing
// transaction (delivered only if it commits, in commit order) and a watcher LISTENs
// on a connection of its own; SQLite is one process, and announces to the watchers
// of the same store object after the commit. A watcher that falls behind (its
// buffer full, its connection lost) is told so by `lost`: it must then re-read
// what it caches, since announcements may be missing.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "domain/ticket.h"

namespace hotline {

struct StoreChange {
  // kReference: units, categories, catalog, time limits or the calendar;
  // kSession: a login session ended (logout, or a password change ending the others).
  enum class Kind : std::uint8_t { kTicket, kReference, kUsers, kKbEntry, kSession };
  Kind kind = Kind::kTicket;
  TicketId ticket = 0;   // kTicket: the ticket written
  std::string key;       // kTicket: the event's command ("intake" for a new ticket); kKbEntry: its id;
                         // kSession: the session's token hash
  std::string origin;    // Store::origin() of the store that wrote it
  bool operator==(const StoreChange&) const = default;
};

// A new store's origin: 16 random hex digits.
std::string NewStoreOrigin();

// The one-line text of an announcement (PostgreSQL's NOTIFY payload), and back;
// nullopt for a line that is not one.
std::string EncodeStoreChange(const StoreChange& change);
std::optional<StoreChange> DecodeStoreChange(std::string_view line);

// "t <origin> 42 sign" (EncodeStoreChange), for test failures and logs.
std::ostream& operator<<(std::ostream& out, const StoreChange& change);

struct ChangeBatch {
  std::vector<StoreChange> changes;  // in commit order
  bool lost = false;                 // some announcements were dropped before these
};

class ChangeWatch {
 public:
  virtual ~ChangeWatch() = default;
  // Waits up to `timeout` for announcements and returns those that arrived (none
  // on a timeout). An error when the feed is broken beyond repair (the watcher
  // reconnects by itself where it can, and reports `lost` then).
  virtual Result<ChangeBatch> Next(std::chrono::milliseconds timeout) = 0;
};

}  // namespace hotline

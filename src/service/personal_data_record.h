// PersonalDataRecord: who saw which callers' names and phones unmasked, when,
// and on which screen or endpoint. Views are recorded in batches (PiiAccessLog);
// administrators read the record.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "service/core.h"
#include "service/pii_access_log.h"

namespace hotline::service {

class PersonalDataRecord {
 public:
  explicit PersonalDataRecord(ServiceCore& core)
      : core_(core), log_(std::make_unique<PiiAccessLog>(core.store())) {}

  // Records that `actor` saw the callers of `tickets` unmasked (only roles that see
  // them so, only tickets that have a caller's name or phone), at `endpoint` from `screen`.
  void RecordViews(const Actor& actor, const std::vector<const Ticket*>& tickets, const std::string& endpoint,
                   const std::string& screen);
  // The record, newest first (admin only); what was seen a moment ago is on it.
  Result<std::vector<PiiAccess>> Access(PiiAccessFilter filter, const Actor& actor);
  PiiAccessLog& log() { return *log_; }

 private:
  ServiceCore& core_;
  std::unique_ptr<PiiAccessLog> log_;
};

}  // namespace hotline::service

// The registry of error reasons: the stable snake_case keys API errors carry in
// "reason" so that clients can tell errors apart without reading the English
// message. A Reason can only be one of the constants below (its constructor is
// private), so every reason the server can send is listed here, in
// Reasons::kAll; docs/openapi.yaml documents each (reasons_test checks it).
// Status codes double as reasons: an error without a more specific one carries
// its code (invalid_argument, not_found, …).
#pragma once

#include <string_view>

namespace hotline {

// X(constant, "key"): one line per reason; meanings in docs/openapi.yaml.
#define HOTLINE_REASON_LIST(X)                               \
  /* status and HTTP codes, the default reasons */           \
  X(kInvalidArgument, "invalid_argument")                    \
  X(kNotFound, "not_found")                                  \
  X(kConflict, "conflict")                                   \
  X(kPermissionDenied, "permission_denied")                  \
  X(kUnauthenticated, "unauthenticated")                     \
  X(kAlreadyExists, "already_exists")                        \
  X(kInternal, "internal")                                   \
  X(kUnavailable, "unavailable")                             \
  X(kResourceExhausted, "resource_exhausted")                \
  X(kBadRequest, "bad_request")                              \
  X(kMethodNotAllowed, "method_not_allowed")                 \
  X(kPayloadTooLarge, "payload_too_large")                   \
  /* input */                                                \
  X(kRequired, "required")                                   \
  X(kTooLong, "too_long")                                    \
  X(kTooMany, "too_many")                                    \
  X(kInvalidValue, "invalid_value")                          \
  X(kUnknownField, "unknown_field")                          \
  X(kControlCharacter, "control_character")                  \
  X(kUnknownUnit, "unknown_unit")                            \
  X(kUnknownCategory, "unknown_category")                    \
  X(kUnknownParent, "unknown_parent")                        \
  X(kUnknownTicket, "unknown_ticket")                        \
  X(kUnknownKbEntry, "unknown_kb_entry")                     \
  /* reference data */                                       \
  X(kDuplicateCode, "duplicate_code")                        \
  X(kUnitCycle, "unit_cycle")                                \
  X(kLevelMismatch, "level_mismatch")                        \
  X(kStillUsedByCatalog, "still_used_by_catalog")            \
  X(kStaleVersion, "stale_version")                          \
  X(kDateOutsideYear, "date_outside_year")                   \
  X(kDuplicateDate, "duplicate_date")                        \
  /* tickets */                                              \
  X(kStateNotAllowed, "state_not_allowed")                   \
  X(kExtensionPending, "extension_pending")                  \
  X(kNoExtensionPending, "no_extension_pending")             \
  X(kReplyAwaiting, "reply_awaiting")                        \
  X(kNoReplyAwaiting, "no_reply_awaiting")                   \
  X(kPaused, "paused")                                       \
  X(kNotPaused, "not_paused")                                \
  X(kDeadlineNotDue, "deadline_not_due")                     \
  X(kNoOpenSupervision, "no_open_supervision")               \
  X(kSupervisionUnanswered, "supervision_unanswered")        \
  X(kLevelAboveTier, "level_above_tier")                     \
  X(kNoCoTask, "no_co_task")                                 \
  X(kCallbackAttemptsRequired, "callback_attempts_required") \
  X(kUnsupportedType, "unsupported_type")                    \
  X(kEmptyFile, "empty_file")                                \
  X(kTooLarge, "too_large")                                  \
  X(kContentTypeMismatch, "content_type_mismatch")           \
  /* authority */                                            \
  X(kOutsideUnitScope, "outside_unit_scope")                 \
  X(kRoleNotAllowed, "role_not_allowed")                     \
  X(kPersonalDataNotAllowed, "personal_data_not_allowed")    \
  X(kSelfChange, "self_change")                              \
  /* sessions and accounts */                                \
  X(kNoSession, "no_session")                                \
  X(kSessionExpired, "session_expired")                      \
  X(kAccountDisabled, "account_disabled")                    \
  X(kWrongCredentials, "wrong_credentials")                  \
  X(kPasswordTooShort, "password_too_short")                 \
  X(kPasswordTooSimple, "password_too_simple")               \
  X(kPasswordHasUsername, "password_has_username")           \
  X(kPasswordUnchanged, "password_unchanged")                \
  /* load */                                                 \
  X(kRateLimited, "rate_limited")                            \
  X(kLoginBusy, "login_busy")                                \
  X(kServerBusy, "server_busy")

// One registered reason (or none: the default-constructed one, empty).
class Reason {
 public:
  constexpr Reason() = default;
  constexpr std::string_view name() const { return name_; }
  constexpr bool empty() const { return name_.empty(); }
  friend constexpr bool operator==(Reason a, Reason b) { return a.name_ == b.name_; }

 private:
  friend struct Reasons;
  constexpr explicit Reason(std::string_view name) : name_(name) {}
  std::string_view name_;
};

struct Reasons {
#define HOTLINE_REASON_CONSTANT(id, key) static constexpr Reason id{key};
  HOTLINE_REASON_LIST(HOTLINE_REASON_CONSTANT)
#undef HOTLINE_REASON_CONSTANT
#define HOTLINE_REASON_ITEM(id, key) id,
  static constexpr Reason kAll[] = {HOTLINE_REASON_LIST(HOTLINE_REASON_ITEM)};
#undef HOTLINE_REASON_ITEM
};

}  // namespace hotline

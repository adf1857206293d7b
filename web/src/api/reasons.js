// The reasons an API error may carry (docs/openapi.yaml, ErrorReason; the
// server's registry is src/domain/reasons.h): each has its words under
// error.reason in every locale (reasons.test.js checks both).
export const REASONS = [
  'invalid_argument', 'not_found', 'conflict', 'permission_denied', 'unauthenticated', 'already_exists',
  'internal', 'unavailable', 'resource_exhausted', 'bad_request', 'method_not_allowed', 'payload_too_large',
  'required', 'too_long', 'too_many', 'invalid_value', 'unknown_field', 'control_character', 'unknown_unit', 'unknown_category',
  'unknown_parent', 'unknown_ticket', 'unknown_kb_entry', 'duplicate_code', 'unit_cycle', 'level_mismatch',
  'still_used_by_catalog', 'stale_version', 'date_outside_year', 'duplicate_date', 'state_not_allowed', 'extension_pending', 'no_extension_pending', 'reply_awaiting', 'no_reply_awaiting', 'paused', 'not_paused', 'deadline_not_due',
  'no_open_supervision', 'supervision_unanswered', 'level_above_tier', 'no_co_task',
  'callback_attempts_required', 'unsupported_type', 'content_type_mismatch', 'empty_file', 'too_large', 'outside_unit_scope',
  'role_not_allowed', 'personal_data_not_allowed', 'self_change', 'no_session', 'session_expired',
  'account_disabled', 'wrong_credentials', 'password_too_short', 'password_too_simple',
  'password_has_username', 'password_unchanged', 'rate_limited', 'login_busy', 'server_busy',
]

// The status codes, which are reasons too (an error with no more specific one
// carries its code): the console words these by the request's context instead.
export const GENERIC_REASONS = [
  'invalid_argument', 'not_found', 'conflict', 'permission_denied', 'unauthenticated', 'internal', 'unavailable',
  'resource_exhausted',
]

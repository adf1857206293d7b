// The server's limits (GET /api/v1/limits): text lengths, the username and
// password rules, attachments, paging, extension days, sessions. Read once per
// session, after login, into one reactive object every screen and check reads;
// until then, or when the call fails, the defaults below apply (the server's
// values when this was written). Nothing else in the console copies a limit.
import { reactive, watch } from 'vue'
import { api } from './client.js'

export const DEFAULT_LIMITS = Object.freeze({
  content_max_bytes: 20000,
  reason_max_bytes: 2000,
  caller_name_max_bytes: 200,
  caller_phone_max_bytes: 40,
  address_max_bytes: 1000,
  kb_question_max_bytes: 1000,
  kb_answer_max_bytes: 20000,
  username_max_length: 64,
  username_pattern: '^[A-Za-z0-9._-]+$',
  display_name_max_bytes: 100,
  password_min_length: 8,
  password_max_length: 128,
  attachment_max_bytes: 10 * 1024 * 1024,
  attachment_name_max_bytes: 255,
  attachment_types: Object.freeze([
    'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain',
    'audio/mpeg', 'audio/wav', 'audio/amr', 'video/mp4',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]),
  co_units_max: 20,
  unit_code_max_bytes: 64,
  category_code_max_bytes: 32,
  reference_name_max_bytes: 200,
  per_page_max: 200,
  q_max_bytes: 200,
  extension_days_max: 30,
  level_max: 3,
  callback_attempts_before_close: 3,
  session_idle_seconds: 2 * 3600,
  session_max_seconds: 12 * 3600,
})

/** The limits in force: reactive, so templates follow when the server's arrive. */
export const limits = reactive(copy(DEFAULT_LIMITS))

function copy(source) {
  const out = { ...source }
  out.attachment_types = [...source.attachment_types]
  return out
}

// A value from the server replaces the default only when it has the default's type
// (a positive whole number, a non-empty string, a non-empty list of strings).
function usable(value, fallback) {
  if (typeof fallback === 'number') return Number.isInteger(value) && value > 0
  if (typeof fallback === 'string') return typeof value === 'string' && value !== ''
  if (Array.isArray(fallback)) return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
  return false
}

/** Puts the server's answer into `limits`, keeping defaults for anything missing or malformed. */
export function applyLimits(answer) {
  const next = copy(DEFAULT_LIMITS)
  if (answer && typeof answer === 'object') {
    for (const key of Object.keys(DEFAULT_LIMITS)) {
      if (usable(answer[key], DEFAULT_LIMITS[key])) next[key] = Array.isArray(answer[key]) ? [...answer[key]] : answer[key]
    }
  }
  Object.assign(limits, next)
  return limits
}

let pending = null
let loaded = false
let generation = 0 // a reset makes an answer still on its way stale

/**
 * Fetches the limits once (concurrent callers share the request); a failure keeps
 * the defaults and lets a later call try again. Resolves to `limits` either way.
 */
export function loadLimits(fetchLimits = () => api.limits()) {
  if (loaded) return Promise.resolve(limits)
  if (!pending) {
    const mine = generation
    pending = Promise.resolve()
      .then(fetchLimits)
      .then((answer) => {
        if (mine !== generation) return
        applyLimits(answer)
        loaded = true
      })
      .catch(() => {})
      .then(() => {
        if (mine === generation) pending = null
        return limits
      })
  }
  return pending
}

/** Back to the defaults (at logout): the next session reads the server's again. */
export function resetLimits() {
  generation += 1
  loaded = false
  pending = null
  Object.assign(limits, copy(DEFAULT_LIMITS))
}

/** Loads the limits whenever someone logs in (or a saved session resumes), resets at logout. */
export function connectLimits(session, fetchLimits) {
  return watch(
    () => (session.loggedIn ? session.token : ''),
    (token) => (token ? loadLimits(fetchLimits) : resetLimits()),
    { immediate: true },
  )
}

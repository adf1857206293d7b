// Display helpers for ticket fields.

/**
 * "2025-03-01T09:30:00+08:00" → "2025-03-01 09:30". The server sends local
 * (UTC+8) wall-clock times, so the text is cut rather than converted: the
 * result is the same whatever the browser's time zone.
 */
export function formatTime(iso, withSeconds = false) {
  if (!iso) return ''
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(iso)
  if (!m) return String(iso)
  return `${m[1]} ${m[2]}${withSeconds && m[3] ? m[3] : ''}`
}

/** Seconds since 1970 as the city's time (UTC+8, like the server's times): "2026-11-20 09:30". */
export function formatUnix(seconds) {
  if (!seconds) return ''
  return formatTime(new Date((Number(seconds) + 8 * 3600) * 1000).toISOString())
}

export function formatDate(iso) {
  return iso ? String(iso).slice(0, 10) : ''
}

/** True when the server masked the value (张* / 138****8000) for this role. */
export function isMasked(value) {
  return typeof value === 'string' && value.includes('*')
}

/** "张三 13800138000", with whatever masking the server applied kept as sent. */
export function callerDisplay(caller) {
  if (!caller) return ''
  return [caller.name, caller.phone].filter(Boolean).join(' ')
}

export function callerIsMasked(caller) {
  return !!caller && (isMasked(caller.name) || isMasked(caller.phone))
}

export function digitsOf(phone) {
  return String(phone || '').replace(/\D/g, '')
}

/** The caller history lookup starts once the phone number has 7 digits. */
export function phoneReadyForLookup(phone) {
  return digitsOf(phone).length >= 7
}

/**
 * How a person is shown: their display name (张伟), else their username
 * (LC-D01-S01.1) — accounts without a name, or deleted since.
 */
export function personName(displayName, username) {
  const name = typeof displayName === 'string' ? displayName.trim() : ''
  return name || username || ''
}

/** personName of an event's actor ({ username, display_name, … }). */
export function actorDisplayName(actor) {
  return actor ? personName(actor.display_name, actor.username) : ''
}

export function namedRef(ref) {
  return ref ? ref.name || ref.code || '' : ''
}

/**
 * Due status of a ticket: 'overdue' (server's flag), 'near' (due within `nearHours`),
 * or '' (fine, or no deadline). `now` is injectable for tests.
 */
export function dueStatus(ticket, now = Date.now(), nearHours = 24) {
  if (!ticket) return ''
  if (ticket.overdue) return 'overdue'
  if (!ticket.due_at || ticket.closed_at || ticket.paused) return ''  // a stopped clock is neither late nor near
  if (['replied', 'to_callback', 'closed', 'unsatisfied'].includes(ticket.state)) return ''
  const due = Date.parse(ticket.due_at)
  if (Number.isNaN(due)) return ''
  return due - now <= nearHours * 3600 * 1000 ? 'near' : ''
}

/** YYYY-MM-DD of a Date in UTC+8 (the hotline's local time), for date filters. */
export function localDay(date) {
  const shifted = new Date(date.getTime() + 8 * 3600 * 1000)
  return shifted.toISOString().slice(0, 10)
}

/** HH:MM:SS of a Date in UTC+8, e.g. when a screen was last refreshed. */
export function localClock(date) {
  const shifted = new Date(date.getTime() + 8 * 3600 * 1000)
  return shifted.toISOString().slice(11, 19)
}

/** The last `n` local days ending today, oldest first, as YYYY-MM-DD. */
export function lastDays(n, now = new Date()) {
  const out = []
  for (let i = n - 1; i >= 0; i -= 1) out.push(localDay(new Date(now.getTime() - i * 86400 * 1000)))
  return out
}

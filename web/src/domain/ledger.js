// 动态清零台账 (GET /api/v1/ledger): the month's tickets a callback found unsatisfied
// or unresolved, whether each was cleared (closed since: satisfied at a later
// callback, closed by the supervisor with a reason, or closed after unanswered
// callbacks), and the month's clear-down rate. Pure logic for LedgerView.vue.
import { fileNameFrom } from './attachments.js'
import { formatTime } from './format.js'

export const CLEARED_HOWS = ['satisfied', 'closed_with_reason', 'closed_unreachable', 'closed']
export const EXPORT_FORMATS = ['csv', 'xlsx']

/** "YYYY-MM" of a Date in the hotline's time (UTC+8). */
export function monthOf(date) {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 7)
}

/** The month before "YYYY-MM". */
export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** True for "YYYY-MM" with a month 01..12 (the server refuses the rest, naming `month`). */
export function isMonth(value) {
  return typeof value === 'string' && /^(20\d\d)-(0[1-9]|1[0-2])$/.test(value)
}

/**
 * The query for the API from the screen's filters: `cleared` is '' (all), 'yes' or
 * 'no'; empty filters are left out; `format` only for an export (no paging then).
 */
export function ledgerQuery({ month, unit = '', cleared = '', page = 1, perPage = 20 }, format = '') {
  const q = { month }
  if (unit) q.unit = unit
  if (cleared === 'yes' || cleared === 'no') q.cleared = cleared
  if (format) q.format = format
  else {
    q.page = page
    q.per_page = perPage
  }
  return q
}

/** The API path of an export, with its query string (for a download with the bearer token). */
export function exportPath(filters, format) {
  const q = ledgerQuery(filters, format)
  return `/ledger?${new URLSearchParams(q).toString()}`
}

/** 0.6667 → "66.7%"; no rows → "—" (nothing to clear is not a rate). */
export function rateText(rate, total) {
  if (!total) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/**
 * Rows for the table: times as the city's wall clock, the lead unit by name, and
 * what the screen words (labels come from `label(table, key)`).
 */
export function ledgerRows(items, label) {
  return (items || []).map((r) => ({
    id: r.id,
    number: r.number,
    content: r.content,
    unit: r.lead_unit_name || r.lead_unit || '',
    unsatisfiedAt: formatTime(r.unsatisfied_at),
    outcome: [
      r.satisfaction ? label('satisfaction', r.satisfaction) : '',
      r.resolved === false ? label('ledgerResolved', 'no') : r.resolved === true ? label('ledgerResolved', 'yes') : '',
    ]
      .filter(Boolean)
      .join('，'),
    reason: r.dissatisfaction ? label('dissatisfaction', r.dissatisfaction) : '',
    times: r.unsatisfied_callbacks || 1,
    state: label('state', r.state),
    cleared: !!r.cleared,
    clearedAt: formatTime(r.cleared_at),
    how: r.cleared_how ? label('clearedHow', r.cleared_how) : '',
    clearReason: r.clear_reason || '',
  }))
}

/** The downloaded file's name: the server's, else 动态清零台账-YYYY-MM.<format>. */
export function exportFileName(disposition, month, format) {
  return fileNameFrom(disposition, `动态清零台账-${month}.${format}`)
}

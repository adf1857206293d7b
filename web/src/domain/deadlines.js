// 处理时限 (issue 10): the deadlines a ticket runs against once the hotline has
// dispatched it — 签收, 联系诉求人, 首次答复, 办结 (the ticket's due_at) and 回访
// (from the accepted reply) — as chips to show: what, how it stands, and a colour.
//
// A deadline from the API: { kind, due_at, state, met_at }, times ISO 8601 with
// +08:00 (or null); state pending | met | overdue | paused | cancelled. The server
// already reports a pending deadline whose due time has passed as overdue; a
// pending one found past due here (a page left open) is treated the same.
import { DEADLINE_KINDS, label } from './labels.js'
import { formatTime } from './format.js'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
// A running deadline turns amber this close to its due time...
export const WARN_WITHIN_MS = 2 * HOUR
// ...or once this share of its time is used up (when its start is known).
export const WARN_FRACTION = 0.75

const ms = (iso) => {
  if (!iso) return NaN
  return Date.parse(iso)
}
const fill = (text, values) => String(text).replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? values[k] : m))
const msg = (key, locale, values = {}) => fill(label('deadline', key, locale), values)

/**
 * A duration as a reader takes it in: minutes under an hour, hours under two days,
 * days beyond ("40 分钟", "5 小时", "3 天"). Rounded down (never more time left than
 * there is), but at least 1 of the unit shown.
 */
export function durationText(millis, locale) {
  const d = Math.abs(millis)
  if (d < HOUR) return msg('minutes', locale, { n: Math.max(1, Math.floor(d / MINUTE)) })
  if (d < 48 * HOUR) return msg('hours', locale, { n: Math.floor(d / HOUR) })
  return msg('days', locale, { n: Math.floor(d / (24 * HOUR)) })
}

/**
 * When each kind of deadline started counting, from the ticket: sign, contact,
 * reply and handle from the (latest) dispatch; callback from nothing the ticket
 * says (the accepted reply's time is in its events), unless the deadline carries
 * its own start (`start_at` / `started_at`, should the server add one).
 */
export function deadlineStart(deadline, ticket) {
  if (!deadline) return null
  const own = deadline.start_at || deadline.started_at
  if (own) return own
  if (deadline.kind === 'callback') return null
  return (ticket && ticket.dispatched_at) || null
}

/** The state to show: a pending deadline already past due is overdue. */
export function effectiveState(deadline, now = Date.now()) {
  const due = ms(deadline.due_at)
  if (deadline.state === 'pending' && Number.isFinite(due) && due < now) return 'overdue'
  return deadline.state
}

/**
 * One chip: { kind, kindLabel, state, stateLabel, due_at, met_at, dueText, metText,
 * late, metLate, remainingMs, timeText, title, severity }.
 *  - late: running and past its due time (overdue);
 *  - metLate: met, but after its due time (met_at > due_at);
 *  - timeText: "还剩 3 小时" / "已超 5 小时" / "超时 2 小时完成" / "按时完成" / the state;
 *  - severity (an Element Plus tag type): overdue → danger; running within 2 hours of
 *    its due time, or past its `warn_at` (else 75 % of its time when `start` is known) → warning; met late →
 *    warning; met → success; paused, cancelled or not started (no due time yet) → info;
 *    otherwise primary.
 * `start` is when the deadline started counting (ISO), or null when not known.
 */
export function deadlineChip(deadline, now = Date.now(), start = null, locale) {
  const state = effectiveState(deadline, now)
  const due = ms(deadline.due_at)
  const met = ms(deadline.met_at)
  const hasDue = Number.isFinite(due)
  const late = state === 'overdue'
  const metLate = state === 'met' && hasDue && Number.isFinite(met) && met > due
  const remainingMs = hasDue && (state === 'pending' || state === 'overdue') ? due - now : null

  let timeText
  let severity
  if (state === 'overdue') {
    timeText = hasDue ? msg('overdueBy', locale, { time: durationText(now - due, locale) }) : label('deadlineState', 'overdue', locale)
    severity = 'danger'
  } else if (state === 'pending' && !hasDue) {
    timeText = msg('notStarted', locale)
    severity = 'info'
  } else if (state === 'pending') {
    timeText = msg('dueIn', locale, { time: durationText(remainingMs, locale) })
    // The server's warning instant (75 % of the time in the limit's own unit) when it
    // sends one; else 75 % of the natural time since the start, when that is known.
    const warnAt = ms(deadline.warn_at)
    const begun = ms(start)
    const used = Number.isFinite(begun) && due > begun ? (now - begun) / (due - begun) : null
    const warned = Number.isFinite(warnAt) ? now >= warnAt : used !== null && used >= WARN_FRACTION
    severity = remainingMs <= WARN_WITHIN_MS || warned ? 'warning' : 'primary'
  } else if (state === 'met') {
    timeText = metLate ? msg('metLate', locale, { time: durationText(met - due, locale) }) : msg('metOnTime', locale)
    severity = metLate ? 'warning' : 'success'
  } else {
    // paused, cancelled (and any state this console does not know yet)
    timeText = label('deadlineState', state, locale)
    severity = 'info'
  }

  const dueText = formatTime(deadline.due_at)
  const metText = formatTime(deadline.met_at)
  const title = [
    dueText ? msg('dueAt', locale, { at: dueText }) : '',
    metText ? msg('metAt', locale, { at: metText }) : '',
  ].filter(Boolean).join('，')
  return {
    kind: deadline.kind,
    kindLabel: label('deadlineKind', deadline.kind, locale),
    state,
    stateLabel: label('deadlineState', state, locale),
    due_at: deadline.due_at || null,
    met_at: deadline.met_at || null,
    dueText,
    metText,
    late,
    metLate,
    remainingMs,
    timeText,
    title,
    severity,
  }
}

const kindOrder = (k) => {
  const i = DEADLINE_KINDS.indexOf(k)
  return i < 0 ? DEADLINE_KINDS.length : i
}

/**
 * The chips of a ticket's deadlines, in the order they come in a ticket's life
 * (签收, 联系, 答复, 办结, 回访; kinds this console does not know last). Empty before
 * the first dispatch.
 */
export function deadlineChips(ticket, now = Date.now(), locale) {
  const list = (ticket && Array.isArray(ticket.deadlines) ? ticket.deadlines : []).filter(Boolean)
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => kindOrder(a.d.kind) - kindOrder(b.d.kind) || a.i - b.i)
    .map(({ d }) => deadlineChip(d, now, deadlineStart(d, ticket), locale))
}

/**
 * The deadline due next: the earliest-due one still running (pending or overdue)
 * with a due time; null when there is none.
 */
export function nextDeadline(deadlines) {
  let best = null
  for (const d of deadlines || []) {
    if (!d || !['pending', 'overdue'].includes(d.state)) continue
    const due = ms(d.due_at)
    if (!Number.isFinite(due)) continue
    if (!best || due < best.due) best = { d, due }
  }
  return best ? best.d : null
}

/**
 * The stopped clock of a paused ticket in words ("暂停计时：联系不上诉求人（自 11-20 17:00）"),
 * or '' while its clock runs. The ticket's `paused` is { since, reason } or null.
 */
export function pausedText(ticket, locale) {
  const p = ticket && ticket.paused
  if (!p) return ''
  const since = formatTime(p.since)
  return msg('paused', locale, {
    reason: p.reason ? label('pauseReason', p.reason, locale) : '—',
    since: since ? since.slice(5) : '—',
  })
}

/** The chip of the deadline due next (queue rows), or null. */
export function nextDeadlineChip(ticket, now = Date.now(), locale) {
  const d = nextDeadline(ticket && ticket.deadlines)
  return d ? deadlineChip(d, now, deadlineStart(d, ticket), locale) : null
}

// 数据大屏 figures from GET /api/v1/stats: the time window, and the stats
// answer turned into what the charts and KPI cards draw.
import { lastDays } from './format.js'

export const WINDOW_DAYS = 30
export const REFRESH_SECONDS = 30

/**
 * The dashboard's window: the last `days` local days including today.
 * `from` is the first of them (the stats call's `from`), `today` the last
 * (the 今日受理 call's `from`), `days` all of them for the trend's x axis.
 */
export function statsWindow(now = new Date(), days = WINDOW_DAYS) {
  const list = lastDays(days, now)
  return { from: list[0], today: list[list.length - 1], days: list }
}

/** by_day ([{date, count}], days without tickets left out) → one count per day of `days`. */
export function fillDays(byDay, days) {
  const counts = new Map((byDay || []).map((d) => [d.date, d.count]))
  return days.map((date) => ({ date, count: counts.get(date) || 0 }))
}

/** 0.9231 → "92.3%"; null (nothing to rate yet) → "—". */
export function percent(rate, digits = 1) {
  if (rate === null || rate === undefined || Number.isNaN(Number(rate))) return '—'
  return `${(Number(rate) * 100).toFixed(digits)}%`
}

/** [[state, count]] in the standard state order, states without tickets left out. */
export function stateCounts(byState, order) {
  const counts = byState || {}
  const known = order.filter((s) => counts[s] > 0).map((s) => [s, counts[s]])
  const other = Object.keys(counts).filter((s) => !order.includes(s) && counts[s] > 0).map((s) => [s, counts[s]])
  return [...known, ...other]
}

/** [[channel, count]], largest first, channels without tickets left out. */
export function channelCounts(byChannel) {
  return Object.entries(byChannel || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

/** The first `n` of a ranked list ([{code, name, count}], largest first as the API sends it). */
export function topN(ranked, n) {
  return (ranked || []).slice(0, n)
}

/** The numbers on the KPI cards from the window's stats and today's. */
export function kpis(stats, todayStats) {
  const s = stats || {}
  const sat = s.satisfaction || {}
  return {
    today: todayStats ? todayStats.total || 0 : null,
    total: s.total ?? null,
    directRate: percent(s.direct_answer_rate),
    satisfactionRate: percent(s.satisfaction_rate),
    rated: (sat.satisfied || 0) + (sat.basically_satisfied || 0) + (sat.unsatisfied || 0),
    noCallback: s.closed_without_callback || 0,  // 诉求人提出无需回访: outside the rate
    overdue: s.overdue ?? null,
  }
}

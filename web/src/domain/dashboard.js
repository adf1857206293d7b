// Dashboard figures from list-API totals (one per_page=1 query per figure).
import { dayAfter } from './search.js'
import { lastDays } from './format.js'
import { runLimited } from './async.js'

export { runLimited }

/** Count of tickets matching `query`, from the list API's total. */
export function counter(listTickets) {
  return (query) => listTickets({ ...query, page: 1, per_page: 1 }).then((r) => r.total || 0)
}

/** {key → count} for each value of one filter dimension. */
export async function countBy(count, param, values, limit = 4) {
  const totals = await runLimited(values.map((v) => () => count({ [param]: v })), limit)
  return Object.fromEntries(values.map((v, i) => [v, totals[i]]))
}

/** Daily intake counts for the last `days` days: [{day, count}], oldest first. */
export async function dailyTrend(count, days = 30, now = new Date(), limit = 4) {
  const list = lastDays(days, now)
  const totals = await runLimited(list.map((d) => () => count({ from: d, to: dayAfter(d) })), limit)
  return list.map((day, i) => ({ day, count: totals[i] }))
}

/**
 * {channel → count} over a sample of tickets. The list API has no channel
 * filter, so the dashboard shows the channel mix of the latest tickets.
 */
export function countChannels(items, channels) {
  const out = Object.fromEntries(channels.map((c) => [c, 0]))
  for (const tk of items || []) out[tk.channel] = (out[tk.channel] || 0) + 1
  return out
}

// How many tickets each tab of a screen holds, so every tab's label can show it
// (「待受理 (13)」) before the tab is opened. One small request per tab
// (per_page=1, only `total` is read), again after live messages — at most once
// every `settle` ms however many arrive.
import { reactive } from 'vue'
import { api } from '../api/client.js'
import { useLive } from './useLive.js'

export function useQueueCounts(queries, { settle = 3000, list = (q) => api.listTickets(q) } = {}) {
  const counts = reactive(Object.fromEntries(Object.keys(queries).map((k) => [k, null])))
  let timer = null

  async function refresh() {
    timer = null
    await Promise.all(
      Object.entries(queries).map(async ([name, query]) => {
        try {
          const res = await list({ ...query, page: 1, per_page: 1 })
          counts[name] = res.total ?? 0
        } catch {
          counts[name] = null // unknown: the label shows no number rather than a wrong one
        }
      }),
    )
  }

  useLive((message) => {
    if (message.type !== 'ticket' && message.type !== 'reconnected') return
    if (timer === null) timer = setTimeout(refresh, settle)
  })
  refresh()
  return { counts, refresh }
}

/** "待受理 (13)"; the bare label while the count is unknown. */
export function withCount(label, count) {
  return count === null || count === undefined ? label : `${label} (${count})`
}

// Helpers for screens that follow live ticket messages (GET /api/v1/live).

/**
 * `fn` at most once every `ms`: the first call runs at once, calls within the
 * window collapse into one run at its end. `.cancel()` drops a pending run.
 */
export function throttle(fn, ms, { setTimer = (f, d) => setTimeout(f, d), clearTimer = (id) => clearTimeout(id), now = () => Date.now() } = {}) {
  let last = -Infinity
  let timer = null
  const run = () => {
    timer = null
    last = now()
    fn()
  }
  const throttled = () => {
    if (timer !== null) return
    const wait = last + ms - now()
    if (wait <= 0) run()
    else timer = setTimer(run, wait)
  }
  throttled.cancel = () => {
    if (timer !== null) clearTimer(timer)
    timer = null
  }
  return throttled
}

/**
 * Whether a ticket message concerns a work queue for the list query `query` that
 * shows `shown` (Map id → updated_at): a ticket on the screen changed since it was
 * loaded (not the change the list already shows, e.g. the user's own), or one
 * entered the queue's states. Queues by time (overdue) only notice their own rows;
 * the extension queue also notices new extension requests.
 */
export function affectsQueue(data, query, shown = new Map()) {
  if (!data) return false
  if (shown.has(data.id)) return shown.get(data.id) !== data.updated_at
  if (query.extension_pending) return data.command === 'request-extension'
  if (query.reply_awaiting) return data.command === 'reply' || data.command === 'accept-reply'
  if (query.overdue) return false
  if (Array.isArray(query.state) && query.state.length) return query.state.includes(data.state)
  return true
}

// One server-sent-events connection to GET /api/v1/live for the logged-in session,
// read with fetch (api/sse.js) so the token goes in the Authorization header,
// never in the URL. Every failure (HTTP error, network, end of stream) closes the
// stream and we reconnect after a growing,
// jittered delay (1 s, 2 s, 4 s … at most 30 s), back to 1 s once a connection opens.
// Before reconnecting, `verify` may ask whether the session is still valid (a
// connection refused for an expired token looks like any other failure).
import { API_BASE } from './client.js'
import { FetchEventSource, canStream } from './sse.js'

export const BACKOFF = { initial: 1000, factor: 2, max: 30000, jitter: 0.2 }

/** Milliseconds to wait before reconnect attempt `attempt` (0 = the first). */
export function backoffDelay(attempt, random = Math.random, o = BACKOFF) {
  const base = Math.min(o.max, o.initial * o.factor ** Math.max(0, attempt))
  const spread = 1 - o.jitter + 2 * o.jitter * random() // ±jitter, so many consoles do not reconnect in step
  return Math.min(o.max, Math.round(base * spread))
}

/**
 * status: 'idle' (not started) · 'connecting' · 'open' · 'retrying' (waiting `retryIn` ms) ·
 * 'closed' (stopped, or this browser cannot stream a fetch response).
 * onEvent receives {type: 'ticket', data} for each ticket message, and {type: 'reconnected'}
 * when a connection opens again after a loss (messages may have been missed meanwhile).
 * EventSourceImpl: an EventSource-like class constructed as `new (url, {headers})`
 * (FetchEventSource; a fake in tests).
 */
export class LiveConnection {
  constructor({
    url = `${API_BASE}/live`,
    EventSourceImpl = canStream() ? FetchEventSource : undefined,
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (id) => clearTimeout(id),
    random = Math.random,
    verify = null,
    onStatus = () => {},
    onEvent = () => {},
  } = {}) {
    Object.assign(this, { url, EventSourceImpl, setTimer, clearTimer, random, verify, onStatus, onEvent })
    this.token = ''
    this.source = null
    this.timer = null
    this.attempt = 0
    this.openedBefore = false
    this.status = 'idle'
  }

  setStatus(status, retryIn = 0) {
    this.status = status
    this.onStatus(status, retryIn)
  }

  /** Connects for `token`; a second call with the same token while running does nothing. */
  start(token) {
    if (!token) return this.stop()
    if (token === this.token && this.status !== 'idle' && this.status !== 'closed') return
    this.stop()
    this.token = token
    this.attempt = 0
    this.openedBefore = false
    this.connect()
  }

  stop() {
    if (this.timer !== null) this.clearTimer(this.timer)
    this.timer = null
    this.closeSource()
    this.token = ''
    if (this.status !== 'idle' && this.status !== 'closed') this.setStatus('closed')
  }

  closeSource() {
    if (!this.source) return
    const s = this.source
    this.source = null
    s.onopen = s.onerror = null
    s.close()
  }

  connect() {
    if (!this.EventSourceImpl) return this.setStatus('closed')
    this.setStatus('connecting')
    const source = new this.EventSourceImpl(this.url, { headers: { Authorization: `Bearer ${this.token}` } })
    this.source = source
    source.onopen = () => {
      if (this.source !== source) return
      this.attempt = 0
      this.setStatus('open')
      if (this.openedBefore) this.onEvent({ type: 'reconnected' })
      this.openedBefore = true
    }
    source.onerror = () => {
      if (this.source !== source) return
      this.closeSource()
      this.retry()
    }
    source.addEventListener('ticket', (message) => {
      if (this.source !== source) return
      let data = null
      try {
        data = JSON.parse(message.data)
      } catch {
        return // not ours to show
      }
      this.onEvent({ type: 'ticket', data })
    })
  }

  retry() {
    const delay = backoffDelay(this.attempt++, this.random)
    this.setStatus('retrying', delay)
    const token = this.token
    this.timer = this.setTimer(async () => {
      this.timer = null
      if (this.verify) {
        const ok = await this.verify().catch(() => true)
        if (this.token !== token) return // stopped or restarted meanwhile
        if (!ok) return this.stop()
      }
      this.connect()
    }, delay)
  }
}

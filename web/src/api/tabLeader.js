// Elects one leader among the tabs of a browser (same origin) that take part.
// Contract: after start(onChange), onChange(true) when this tab becomes the leader
// and onChange(false) when it stops being one (other than through stop()); at any
// time at most one live tab leads, and when the leader goes (stop(), tab closed or
// crashed) another taking part takes over.
//
// With the Web Locks API (navigator.locks) the leader is the tab holding an
// exclusive lock: every other tab waits in the lock's queue, and the browser hands
// the lock to the next one when the holder releases it or its tab goes away.
// Without locks, over a BroadcastChannel: the leader posts a heartbeat every
// `heartbeatMs`; a tab that hears none for `timeoutMs` claims the lead; when two
// leaders hear each other the one with the larger id steps down; a leader that
// stops says so ('resign') so the others claim at their next tick.
// Without either (one tab alone, or a very old browser) every tab leads itself.

export const HEARTBEAT = { heartbeatMs: 1000, timeoutMs: 3500 }

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

export class TabLeader {
  constructor({
    name = 'hotline.live.leader',
    locks = globalThis.navigator && globalThis.navigator.locks,
    Channel = globalThis.BroadcastChannel,
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (id) => clearTimeout(id),
    now = () => Date.now(),
    id = randomId(),
    heartbeatMs = HEARTBEAT.heartbeatMs,
    timeoutMs = HEARTBEAT.timeoutMs,
  } = {}) {
    Object.assign(this, { name, locks, Channel, setTimer, clearTimer, now, id, heartbeatMs, timeoutMs })
    this.mode = locks && typeof locks.request === 'function' ? 'locks' : Channel ? 'heartbeat' : 'alone'
    this.running = false
    this.leader = false
    this.onChange = () => {}
  }

  start(onChange = () => {}) {
    if (this.running) return
    this.running = true
    this.onChange = onChange
    if (this.mode === 'locks') this.startLocks()
    else if (this.mode === 'heartbeat') this.startHeartbeat()
    else this.set(true)
  }

  /** Leaves the election (releasing the lead if held); onChange is not called. */
  stop() {
    if (!this.running) return
    this.running = false
    if (this.mode === 'locks') {
      if (this.abort) this.abort.abort()
      if (this.release) this.release()
      this.abort = this.release = null
    } else if (this.mode === 'heartbeat') {
      if (this.leader) this.post({ type: 'resign', id: this.id })
      if (this.timer !== null) this.clearTimer(this.timer)
      this.timer = null
      this.channel.close()
      this.channel = null
    }
    this.leader = false
  }

  set(leader) {
    if (this.leader === leader) return
    this.leader = leader
    this.onChange(leader)
  }

  // --- Web Locks
  startLocks() {
    const abort = typeof AbortController === 'function' ? new AbortController() : null
    this.abort = abort
    const options = abort ? { signal: abort.signal } : {}
    this.locks
      .request(this.name, options, () => {
        if (!this.running || this.abort !== abort) return undefined // stopped while waiting: let it go at once
        return new Promise((release) => {
          this.release = release
          this.set(true)
        })
      })
      .catch(() => {}) // aborted by stop()
  }

  // --- BroadcastChannel heartbeats
  startHeartbeat() {
    this.channel = new this.Channel(this.name)
    this.channel.onmessage = (e) => this.hear(e.data || {})
    this.lastHeard = this.now() // give a current leader one timeout to make itself heard
    this.timer = null
    this.post({ type: 'ask', id: this.id })
    this.tick()
  }

  tick() {
    if (!this.running) return
    if (this.leader) this.post({ type: 'beat', id: this.id })
    else if (this.now() - this.lastHeard >= this.timeoutMs) {
      this.set(true)
      this.post({ type: 'beat', id: this.id })
    }
    this.timer = this.setTimer(() => this.tick(), this.heartbeatMs)
  }

  hear(msg) {
    if (!this.running || msg.id === this.id) return
    if (msg.type === 'ask' && this.leader) this.post({ type: 'beat', id: this.id })
    else if (msg.type === 'beat') {
      if (this.leader && msg.id > this.id) return // the other one steps down when it hears us
      this.lastHeard = this.now()
      this.set(false)
    } else if (msg.type === 'resign' && !this.leader) this.lastHeard = -Infinity
  }

  post(msg) {
    try {
      this.channel.postMessage(msg)
    } catch {
      /* a closed channel: the tab is going away */
    }
  }
}

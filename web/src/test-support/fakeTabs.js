// Stand-ins for what tabs of one browser share, for unit tests of the cross-tab
// modules: BroadcastChannel (messages reach the other open instances of the same
// name, asynchronously, as structured clones) and the Web Locks API (one holder per
// name, waiters granted in order; `forTab()` gives a tab's view whose `close()` acts
// like closing that tab: its locks are released and its waiting requests dropped).

export class FakeBroadcastChannel {
  static open = []

  static reset() {
    FakeBroadcastChannel.open = []
  }

  constructor(name) {
    this.name = name
    this.onmessage = null
    this.closed = false
    this.sent = []
    FakeBroadcastChannel.open.push(this)
  }

  postMessage(data) {
    if (this.closed) throw new Error('InvalidStateError: channel closed')
    this.sent.push(data)
    const copy = structuredClone(data)
    for (const other of FakeBroadcastChannel.open) {
      if (other === this || other.name !== this.name) continue
      queueMicrotask(() => {
        if (!other.closed && other.onmessage) other.onmessage({ data: copy })
      })
    }
  }

  close() {
    this.closed = true
    FakeBroadcastChannel.open = FakeBroadcastChannel.open.filter((c) => c !== this)
  }
}

/** Lets queued microtasks and promise chains run (a few rounds). */
export async function settle(rounds = 10) {
  for (let i = 0; i < rounds; i++) await Promise.resolve()
}

export class FakeLocks {
  constructor() {
    this.held = new Map() // name → {tab}
    this.waiting = new Map() // name → [{tab, callback, resolve, reject}]
  }

  /** The navigator.locks of one tab. */
  forTab() {
    const tab = { closed: false }
    return {
      request: (name, options, callback) => this.request(tab, name, options, callback),
      close: () => this.closeTab(tab),
    }
  }

  holder(name) {
    const h = this.held.get(name)
    return h ? h.tab : null
  }

  request(tab, name, options, callback) {
    return new Promise((resolve, reject) => {
      const entry = { tab, callback, resolve, reject }
      const signal = options && options.signal
      if (signal) {
        signal.addEventListener('abort', () => {
          const queue = this.waiting.get(name) || []
          if (!queue.includes(entry)) return
          this.waiting.set(name, queue.filter((e) => e !== entry))
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))
        })
      }
      if (!this.waiting.has(name)) this.waiting.set(name, [])
      this.waiting.get(name).push(entry)
      this.grant(name)
    })
  }

  grant(name) {
    if (this.held.has(name)) return
    const queue = (this.waiting.get(name) || []).filter((e) => !e.tab.closed)
    const next = queue.shift()
    this.waiting.set(name, queue)
    if (!next) return
    const hold = { tab: next.tab, done: false }
    this.held.set(name, hold)
    const free = () => {
      if (hold.done) return
      hold.done = true
      this.held.delete(name)
      this.grant(name)
    }
    hold.free = free
    Promise.resolve()
      .then(() => next.callback({ name, mode: 'exclusive' }))
      .then(
        (v) => {
          free()
          next.resolve(v)
        },
        (err) => {
          free()
          next.reject(err)
        },
      )
  }

  closeTab(tab) {
    tab.closed = true
    for (const [name, hold] of [...this.held]) if (hold.tab === tab) hold.free()
  }
}

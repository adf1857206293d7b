// A stand-in for the live stream (FetchEventSource, EventSource-like) in unit tests: records every instance,
// and lets a test open it, fail it, or deliver a named message.
export class FakeEventSource {
  static instances = []

  static reset() {
    FakeEventSource.instances = []
  }

  static get last() {
    return FakeEventSource.instances[FakeEventSource.instances.length - 1]
  }

  /** The instances not closed yet. */
  static get live() {
    return FakeEventSource.instances.filter((s) => !s.closed)
  }

  constructor(url, init = {}) {
    this.url = url
    this.headers = init.headers || {}
    this.closed = false
    this.listeners = {}
    this.onopen = null
    this.onerror = null
    FakeEventSource.instances.push(this)
  }

  addEventListener(type, fn) {
    ;(this.listeners[type] ||= []).push(fn)
  }

  close() {
    this.closed = true
  }

  // --- driven by the test
  open() {
    if (this.onopen) this.onopen({})
  }

  fail() {
    if (this.onerror) this.onerror({})
  }

  emit(type, data) {
    for (const fn of this.listeners[type] || []) fn({ data: typeof data === 'string' ? data : JSON.stringify(data) })
  }
}

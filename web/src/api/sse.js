// Server-sent events read with fetch, so the request can carry an Authorization
// header (EventSource cannot, which put the token in the URL and so in access logs).
//
// SseParser: text in (any chunking) → complete events out, per the event-stream
//   format: lines end in LF, CRLF or CR; `event:`, `data:` (several joined by LF),
//   `id:` fields; `:` starts a comment; a blank line dispatches; `retry:` is ignored
//   (LiveConnection owns reconnecting).
// FetchEventSource: the EventSource subset LiveConnection uses — `onopen`,
//   `onerror`, `addEventListener(type, fn)`, `close()` — over one fetch. It never
//   reconnects by itself: an HTTP error, a non-event-stream answer, a network
//   failure or the end of the stream all end it with one `onerror({status})`.

/** Splits event-stream text into events {type, data, lastEventId}; feed it chunks with push(). */
export class SseParser {
  constructor() {
    this.rest = '' // an unfinished line carried to the next chunk
    this.afterCR = false // the last chunk ended in CR: a leading LF belongs to it
    this.started = false
    this.type = ''
    this.data = []
    this.lastEventId = ''
  }

  /** The events completed by `chunk`, in order. */
  push(chunk) {
    let text = chunk
    if (!text) return []
    if (!this.started) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // a byte-order mark
    }
    if (this.afterCR && text[0] === '\n') text = text.slice(1)
    this.afterCR = false
    text = this.rest + text
    const events = []
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (c !== '\n' && c !== '\r') continue
      this.line(text.slice(start, i), events)
      if (c === '\r') {
        if (i + 1 === text.length) this.afterCR = true
        else if (text[i + 1] === '\n') i++
      }
      start = i + 1
    }
    this.rest = text.slice(start)
    return events
  }

  line(line, events) {
    if (line === '') return this.dispatch(events)
    if (line[0] === ':') return // a comment (the server's ": connected", keep-alives)
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value[0] === ' ') value = value.slice(1)
    if (field === 'event') this.type = value
    else if (field === 'data') this.data.push(value)
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value
  }

  dispatch(events) {
    if (this.data.length) events.push({ type: this.type || 'message', data: this.data.join('\n'), lastEventId: this.lastEventId })
    this.type = ''
    this.data = []
  }
}

/** Whether this browser can read a response body as a stream (what FetchEventSource needs). */
export function canStream(g = globalThis) {
  return typeof g.fetch === 'function' && typeof g.TextDecoder === 'function' && typeof g.ReadableStream === 'function'
}

export class FetchEventSource {
  /** Starts `GET url` at once; `headers` are added to Accept: text/event-stream. */
  constructor(url, { headers = {}, fetchImpl = globalThis.fetch } = {}) {
    this.url = url
    this.onopen = null
    this.onerror = null
    this.closed = false
    this.listeners = new Map()
    this.controller = typeof AbortController === 'function' ? new AbortController() : null
    this.done = this.run(fetchImpl, headers) // settles when the stream has ended (tests wait on it)
  }

  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, [])
    this.listeners.get(type).push(fn)
  }

  /** Ends the request; no handler is called afterwards. */
  close() {
    if (this.closed) return
    this.closed = true
    if (this.controller) this.controller.abort()
  }

  async run(fetchImpl, headers) {
    let res
    try {
      const init = { method: 'GET', headers: { Accept: 'text/event-stream', ...headers }, cache: 'no-store' }
      if (this.controller) init.signal = this.controller.signal
      res = await fetchImpl(this.url, init)
    } catch {
      return this.fail(0)
    }
    const type = (res.headers && typeof res.headers.get === 'function' && res.headers.get('Content-Type')) || ''
    if (this.closed || !res.ok || !type.startsWith('text/event-stream') || !res.body) {
      if (res.body && typeof res.body.cancel === 'function') res.body.cancel().catch(() => {})
      return this.fail(res.status)
    }
    if (this.onopen) this.onopen({ status: res.status })
    const reader = res.body.getReader()
    const decoder = new TextDecoder() // stream mode keeps a character split between chunks
    const parser = new SseParser()
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (this.closed || done) break
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (this.closed) break
          for (const fn of this.listeners.get(event.type) || []) fn(event)
        }
      }
    } catch {
      /* the connection dropped: reported below */
    }
    if (this.closed) reader.cancel().catch(() => {})
    this.fail(res.status)
  }

  fail(status) {
    if (this.closed) return
    this.closed = true
    if (this.onerror) this.onerror({ status })
  }
}

import { describe, expect, it, vi } from 'vitest'
import { FetchEventSource, SseParser, canStream } from './sse.js'

/** Every event of `text` when fed in pieces cut at `cuts` (offsets). */
function parseInPieces(text, cuts) {
  const p = new SseParser()
  const out = []
  let from = 0
  for (const at of [...cuts, text.length]) {
    out.push(...p.push(text.slice(from, at)))
    from = at
  }
  return out
}

const STREAM = ': connected\n\nevent: ticket\nid: 7\ndata: {"id":7}\n\n: keep-alive\n\nevent: ticket\ndata: a\ndata:b\n\n'
const EXPECTED = [
  { type: 'ticket', data: '{"id":7}', lastEventId: '7' },
  { type: 'ticket', data: 'a\nb', lastEventId: '7' }, // the id carries over; one leading space is dropped
]

describe('SseParser', () => {
  it('reads event, data and id fields and skips comments', () => {
    expect(new SseParser().push(STREAM)).toEqual(EXPECTED)
  })

  it('gives the same events however the text is cut into chunks', () => {
    for (let i = 0; i <= STREAM.length; i++) expect(parseInPieces(STREAM, [i])).toEqual(EXPECTED)
    expect(parseInPieces(STREAM, [...STREAM].map((_, i) => i))).toEqual(EXPECTED) // one character at a time
  })

  it('accepts CRLF and CR line ends, also with CR and LF in different chunks', () => {
    const crlf = 'event: ticket\r\ndata: x\r\ndata: y\r\n\r\n'
    const one = [{ type: 'ticket', data: 'x\ny', lastEventId: '' }]
    expect(new SseParser().push(crlf)).toEqual(one)
    for (let i = 0; i <= crlf.length; i++) expect(parseInPieces(crlf, [i])).toEqual(one) // also between CR and LF
    expect(new SseParser().push('data: y\r\rdata: z\r\r')).toEqual([
      { type: 'message', data: 'y', lastEventId: '' },
      { type: 'message', data: 'z', lastEventId: '' },
    ])
    // A CR closing a chunk and a blank CR line next: two line ends, so the event is dispatched.
    expect(parseInPieces('data: q\r\r', [8])).toHaveLength(1)
  })

  it('holds an unfinished event until its blank line, and drops events without data', () => {
    const p = new SseParser()
    expect(p.push('event: ticket\ndata: 1')).toEqual([])
    expect(p.push('\n')).toEqual([])
    expect(p.push('\nevent: nothing\n\n')).toEqual([{ type: 'ticket', data: '1', lastEventId: '' }])
    expect(p.push('data\n\n')).toEqual([{ type: 'message', data: '', lastEventId: '' }]) // a field with no colon
  })

  it('skips a byte-order mark only at the very start', () => {
    expect(new SseParser().push('\ufeffdata: x\n\n')).toEqual([{ type: 'message', data: 'x', lastEventId: '' }])
    const p = new SseParser()
    p.push('data: 1\n\n')
    expect(p.push('\ufeffdata: 2\n\n')).toEqual([]) // later it is part of a field name nobody knows
  })
})

/** A fetch Response whose body delivers `chunks` (strings or bytes) one read at a time. */
function streamResponse(chunks, { status = 200, type = 'text/event-stream; charset=utf-8', fail = false } = {}) {
  const encoder = new TextEncoder()
  let i = 0
  const body = new ReadableStream({
    pull(controller) {
      if (i < chunks.length) {
        const c = chunks[i++]
        controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c)
      } else if (fail) controller.error(new TypeError('network'))
      else controller.close()
    },
  })
  return new Response(body, { status, headers: { 'Content-Type': type } })
}

describe('FetchEventSource', () => {
  it('sends the headers it is given and hands on events by type, also with a character split between chunks', async () => {
    const bytes = new TextEncoder().encode('event: ticket\ndata: {"content":"路面塌陷"}\n\n')
    const cut = bytes.indexOf(0xe8) + 1 // inside the three bytes of 路
    const fetchImpl = vi.fn(async () => streamResponse([bytes.slice(0, cut), bytes.slice(cut), 'event: other\ndata: x\n\n']))
    const source = new FetchEventSource('/api/v1/live', { headers: { Authorization: 'Bearer t' }, fetchImpl })
    const seen = []
    source.onopen = () => seen.push('open')
    source.onerror = (e) => seen.push(`error ${e.status}`)
    source.addEventListener('ticket', (e) => seen.push(JSON.parse(e.data).content))
    await source.done
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    const [url, init] = fetchImpl.mock.calls[0]
    expect(url).toBe('/api/v1/live')
    expect(init.headers).toEqual({ Accept: 'text/event-stream', Authorization: 'Bearer t' })
    expect(init.signal).toBeDefined()
    expect(seen).toEqual(['open', '路面塌陷', 'error 200']) // the end of the stream is an error: reconnect
  })

  it('reports an HTTP error or a non-stream answer without opening', async () => {
    for (const res of [
      () => new Response('{"error":{"code":"unauthenticated"}}', { status: 401, headers: { 'Content-Type': 'application/json' } }),
      () => new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ]) {
      const source = new FetchEventSource('/x', { fetchImpl: async () => res() })
      const seen = []
      source.onopen = () => seen.push('open')
      source.onerror = (e) => seen.push(e.status)
      await source.done
      expect(seen).toHaveLength(1)
      expect(seen[0]).not.toBe('open')
    }
  })

  it('reports a network failure, before or during the stream, once', async () => {
    const refused = new FetchEventSource('/x', { fetchImpl: async () => Promise.reject(new TypeError('refused')) })
    const errors = []
    refused.onerror = (e) => errors.push(e.status)
    await refused.done
    const dropped = new FetchEventSource('/x', { fetchImpl: async () => streamResponse(['data: 1\n\n'], { fail: true }) })
    const got = []
    dropped.onerror = (e) => errors.push(e.status)
    dropped.addEventListener('message', (e) => got.push(e.data))
    await dropped.done
    expect(errors).toEqual([0, 200])
    expect(got).toEqual(['1'])
  })

  it('after close() calls nothing and aborts the request', async () => {
    let signal
    const fetchImpl = (url, init) => {
      signal = init.signal
      return Promise.resolve(streamResponse(['data: 1\n\n', 'data: 2\n\n']))
    }
    const source = new FetchEventSource('/x', { fetchImpl })
    const seen = []
    source.onerror = () => seen.push('error')
    source.addEventListener('message', (e) => {
      seen.push(e.data)
      source.close()
    })
    await source.done
    expect(seen).toEqual(['1'])
    expect(signal.aborted).toBe(true)
  })

  it('canStream needs fetch, TextDecoder and ReadableStream', () => {
    expect(canStream()).toBe(true)
    expect(canStream({ fetch() {}, TextDecoder })).toBe(false)
  })
})

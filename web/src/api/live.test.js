import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKOFF, LiveConnection, backoffDelay } from './live.js'
import { FakeEventSource } from '../test-support/fakeEventSource.js'

const half = () => 0.5 // no jitter: the delay is the base value

function connection(extra = {}) {
  const statuses = []
  const events = []
  const c = new LiveConnection({
    EventSourceImpl: FakeEventSource,
    random: half,
    onStatus: (s, ms) => statuses.push([s, ms]),
    onEvent: (e) => events.push(e),
    ...extra,
  })
  return { c, statuses, events }
}

beforeEach(() => {
  FakeEventSource.reset()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('backoffDelay', () => {
  it('doubles from 1 s up to 30 s, with ±20% jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, half))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
    expect(backoffDelay(0, () => 0)).toBe(800)
    expect(backoffDelay(0, () => 1)).toBe(1200)
    expect(backoffDelay(9, () => 1)).toBe(BACKOFF.max) // never beyond the cap
  })
})

describe('LiveConnection', () => {
  it('opens one stream with the token in the Authorization header, not the URL, and hands on ticket messages', () => {
    const { c, statuses, events } = connection()
    c.start('tok en')
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.last.url).toBe('/api/v1/live')
    expect(FakeEventSource.last.headers).toEqual({ Authorization: 'Bearer tok en' })
    expect(c.status).toBe('connecting')
    FakeEventSource.last.open()
    expect(statuses.map(([s]) => s)).toEqual(['connecting', 'open'])
    FakeEventSource.last.emit('ticket', { id: 7, state: 'to_dispatch' })
    FakeEventSource.last.emit('ticket', 'not json')
    expect(events).toEqual([{ type: 'ticket', data: { id: 7, state: 'to_dispatch' } }])
    c.start('tok en') // same session: nothing new
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('reconnects after 1, 2, 4 … seconds, and from 1 s again once a connection opened', async () => {
    const { c, statuses, events } = connection()
    c.start('t')
    FakeEventSource.last.open()
    const delays = []
    for (let i = 0; i < 4; i++) {
      const before = FakeEventSource.last
      before.fail()
      expect(before.closed).toBe(true)
      expect(c.status).toBe('retrying')
      delays.push(statuses[statuses.length - 1][1])
      await vi.advanceTimersByTimeAsync(delays[i] - 1)
      expect(FakeEventSource.last).toBe(before) // not yet
      await vi.advanceTimersByTimeAsync(1)
      expect(FakeEventSource.last).not.toBe(before)
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000])
    expect(FakeEventSource.live).toHaveLength(1) // never two at once
    FakeEventSource.last.open()
    expect(events).toEqual([{ type: 'reconnected' }]) // messages may have been missed
    FakeEventSource.last.fail()
    expect(statuses[statuses.length - 1]).toEqual(['retrying', 1000])
  })

  it('stops for good: closes the stream and cancels a pending reconnect', async () => {
    const { c } = connection()
    c.start('t')
    FakeEventSource.last.fail()
    c.stop()
    expect(c.status).toBe('closed')
    await vi.advanceTimersByTimeAsync(60000)
    expect(FakeEventSource.instances).toHaveLength(1)
    c.start('t2') // a new session starts afresh
    expect(FakeEventSource.last.headers.Authorization).toBe('Bearer t2')
  })

  it('asks whether the session is still valid before reconnecting, and gives up if not', async () => {
    const verify = vi.fn().mockResolvedValueOnce(true).mockResolvedValueOnce(false)
    const { c } = connection({ verify })
    c.start('t')
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(1000)
    expect(verify).toHaveBeenCalledTimes(1)
    expect(FakeEventSource.instances).toHaveLength(2)
    FakeEventSource.last.fail()
    await vi.advanceTimersByTimeAsync(2000)
    expect(verify).toHaveBeenCalledTimes(2)
    expect(FakeEventSource.instances).toHaveLength(2)
    expect(c.status).toBe('closed')
  })

  it('says closed when the browser cannot stream a response', () => {
    const { c } = connection({ EventSourceImpl: null })
    c.start('t')
    expect(c.status).toBe('closed')
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TabLeader } from './tabLeader.js'
import { FakeBroadcastChannel, FakeLocks, settle } from '../test-support/fakeTabs.js'

/** A tab taking part in the election; `changes` records what onChange said. */
function tab(options) {
  const t = { changes: [] }
  t.leader = new TabLeader(options)
  t.start = () => t.leader.start((lead) => t.changes.push(lead))
  return t
}

describe('TabLeader with Web Locks', () => {
  it('lets exactly one tab lead, and hands the lead on when it stops or its tab closes', async () => {
    const locks = new FakeLocks()
    const views = [locks.forTab(), locks.forTab(), locks.forTab()]
    const tabs = views.map((view) => tab({ locks: view, Channel: FakeBroadcastChannel }))
    for (const t of tabs) t.start()
    await settle()
    expect(tabs.map((t) => t.leader.mode)).toEqual(['locks', 'locks', 'locks'])
    expect(tabs.map((t) => t.leader.leader)).toEqual([true, false, false])

    tabs[0].leader.stop() // logout or the store stopping
    await settle()
    expect(tabs.map((t) => t.leader.leader)).toEqual([false, true, false])
    expect(tabs[0].changes).toEqual([true]) // stop() does not report

    views[1].close() // the leader's tab is closed: the browser frees its lock
    await settle()
    expect(tabs[2].leader.leader).toBe(true)
    expect(tabs[2].changes).toEqual([true])
  })

  it('drops a waiting request on stop, so a stopped tab never becomes the leader later', async () => {
    const locks = new FakeLocks()
    const [a, b] = [tab({ locks: locks.forTab() }), tab({ locks: locks.forTab() })]
    a.start()
    b.start()
    await settle()
    b.leader.stop()
    a.leader.stop()
    await settle()
    expect(b.changes).toEqual([])
    expect(locks.holder('hotline.live.leader')).toBe(null)
    b.start() // and can take part again
    await settle()
    expect(b.changes).toEqual([true])
  })
})

describe('TabLeader with BroadcastChannel heartbeats (no Web Locks)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeBroadcastChannel.reset()
  })
  afterEach(() => vi.useRealTimers())

  const hb = (id) => tab({ locks: null, Channel: FakeBroadcastChannel, id, heartbeatMs: 1000, timeoutMs: 3500 })
  const leaders = (tabs) => tabs.filter((t) => t.leader.leader).map((t) => t.leader.id)

  it('a lone tab leads after one timeout; a tab that joins hears it and follows', async () => {
    const a = hb('a')
    a.start()
    expect(a.leader.mode).toBe('heartbeat')
    await vi.advanceTimersByTimeAsync(3000)
    expect(a.leader.leader).toBe(false) // an existing leader gets time to answer
    await vi.advanceTimersByTimeAsync(1000)
    expect(a.leader.leader).toBe(true)
    const b = hb('0') // a smaller id does not matter while a leader is heard
    b.start()
    await vi.advanceTimersByTimeAsync(20000)
    expect(leaders([a, b])).toEqual(['a'])
    expect(b.changes).toEqual([])
  })

  it('the lead passes on quickly when the leader resigns, and after a timeout when it dies silently', async () => {
    const [a, b, c] = [hb('a'), hb('b'), hb('c')]
    a.start()
    await vi.advanceTimersByTimeAsync(4000)
    b.start()
    c.start()
    await vi.advanceTimersByTimeAsync(5000)
    expect(leaders([a, b, c])).toEqual(['a'])

    a.leader.stop()
    await vi.advanceTimersByTimeAsync(1000) // followers claim at their next tick, well before a timeout
    await vi.advanceTimersByTimeAsync(1000)
    expect(leaders([a, b, c])).toHaveLength(1)
    expect(a.leader.leader).toBe(false)

    const [lead, other] = b.leader.leader ? [b, c] : [c, b]
    lead.leader.channel.close() // its tab froze or crashed: nobody hears it any more
    await vi.advanceTimersByTimeAsync(2000)
    expect(other.leader.leader).toBe(false)
    await vi.advanceTimersByTimeAsync(2500)
    expect(other.leader.leader).toBe(true)
  })

  it('two leaders that hear each other end with one: the larger id steps down', async () => {
    const [z, c] = [hb('z'), hb('c')]
    z.start()
    await vi.advanceTimersByTimeAsync(4000)
    c.start()
    const cut = c.leader.channel
    FakeBroadcastChannel.open = FakeBroadcastChannel.open.filter((ch) => ch !== cut) // c hears nobody…
    cut.postMessage = () => {} // …and nobody hears c
    await vi.advanceTimersByTimeAsync(4000)
    expect(leaders([z, c])).toEqual(['z', 'c'])
    FakeBroadcastChannel.open.push(cut) // they hear each other again
    delete cut.postMessage
    await vi.advanceTimersByTimeAsync(2000)
    expect(leaders([z, c])).toEqual(['c'])
    expect(z.changes).toEqual([true, false])
    await vi.advanceTimersByTimeAsync(30000)
    expect(leaders([z, c])).toEqual(['c'])
  })

  it('tabs starting together end with one leader', async () => {
    const tabs = ['m', 'k', 'x'].map(hb)
    for (const t of tabs) t.start()
    await vi.advanceTimersByTimeAsync(6000)
    expect(leaders(tabs)).toHaveLength(1)
    const first = leaders(tabs)[0]
    await vi.advanceTimersByTimeAsync(30000)
    expect(leaders(tabs)).toEqual([first])
  })
})

it('leads at once when the browser has neither Web Locks nor BroadcastChannel', () => {
  const t = tab({ locks: null, Channel: null })
  t.start()
  expect(t.leader.mode).toBe('alone')
  expect(t.changes).toEqual([true])
})

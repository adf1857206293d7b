import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LiveConnection } from './live.js'
import { CHANNEL, SharedLive } from './sharedLive.js'
import { TabLeader } from './tabLeader.js'
import { FakeEventSource } from '../test-support/fakeEventSource.js'
import { FakeBroadcastChannel, FakeLocks, settle } from '../test-support/fakeTabs.js'

let locks

/** One browser tab: its SharedLive, what it was told, and a way to close it. */
function openTab({ withLocks = true } = {}) {
  const view = locks.forTab()
  const tab = { statuses: [], events: [], roles: [] }
  tab.channel = new FakeBroadcastChannel(CHANNEL)
  tab.leader = new TabLeader({ locks: withLocks ? view : null, Channel: FakeBroadcastChannel, heartbeatMs: 1000, timeoutMs: 3500 })
  tab.live = new SharedLive({
    createConnection: (h) => new LiveConnection({ EventSourceImpl: FakeEventSource, random: () => 0.5, verify: null, ...h }),
    leader: tab.leader,
    channel: tab.channel,
    onStatus: (s) => tab.statuses.push(s),
    onEvent: (m) => tab.events.push(m),
    onRole: (r) => tab.roles.push(r),
  })
  tab.role = () => tab.roles[tab.roles.length - 1]
  // Closing a tab: the browser frees its lock and its channel, and its stream dies with it.
  tab.close = () => {
    view.close()
    tab.channel.close()
    if (tab.leader.channel) tab.leader.channel.close()
    if (tab.live.connection.source) tab.live.connection.source.close()
  }
  return tab
}

const leaders = (tabs) => tabs.filter((t) => t.role() === 'leader')

beforeEach(() => {
  FakeEventSource.reset()
  FakeBroadcastChannel.reset()
  locks = new FakeLocks()
})

describe('SharedLive', () => {
  it('twenty tabs share one stream: its status and every message reach all of them, the token never goes over the channel', async () => {
    const tabs = Array.from({ length: 20 }, () => openTab())
    for (const t of tabs) t.live.start('secret-token')
    await settle()
    expect(FakeEventSource.live).toHaveLength(1)
    expect(FakeEventSource.last.headers.Authorization).toBe('Bearer secret-token')
    expect(leaders(tabs)).toHaveLength(1)
    FakeEventSource.last.open()
    FakeEventSource.last.emit('ticket', { id: 5, state: 'to_dispatch' })
    await settle()
    for (const t of tabs) {
      expect(t.live.status).toBe('open')
      expect(t.events).toEqual([{ type: 'ticket', data: { id: 5, state: 'to_dispatch' } }])
    }
    const sent = JSON.stringify(tabs.map((t) => t.channel.sent))
    expect(sent).not.toContain('secret-token')
  })

  it('tells a tab that joins later the current status', async () => {
    const first = openTab()
    first.live.start('t')
    await settle()
    FakeEventSource.last.open()
    const late = openTab()
    late.live.start('t')
    expect(late.live.status).toBe('connecting')
    await settle()
    expect(late.live.status).toBe('open')
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('relays a retrying status with its delay', async () => {
    const [a, b] = [openTab(), openTab()]
    a.live.start('t')
    b.live.start('t')
    await settle()
    FakeEventSource.last.fail()
    await settle()
    expect(b.live.status).toBe('retrying')
    expect(b.live.retryIn).toBe(1000)
  })

  it('when the leader tab closes another takes over, and every tab hears that messages may have been missed', async () => {
    const tabs = [openTab(), openTab(), openTab()]
    for (const t of tabs) t.live.start('t')
    await settle()
    FakeEventSource.last.open()
    await settle()
    const [old] = leaders(tabs)
    old.close()
    await settle()
    const rest = tabs.filter((t) => t !== old)
    expect(leaders(rest)).toHaveLength(1)
    expect(FakeEventSource.live).toHaveLength(1)
    expect(FakeEventSource.instances).toHaveLength(2)
    FakeEventSource.last.open()
    FakeEventSource.last.emit('ticket', { id: 8 })
    await settle()
    for (const t of rest) {
      expect(t.events).toEqual([{ type: 'reconnected' }, { type: 'ticket', data: { id: 8 } }])
      expect(t.live.status).toBe('open')
    }
  })

  it('a leader that logs out resigns: the others show connecting until the next leader is open; logging out everywhere closes the stream', async () => {
    const [a, b] = [openTab(), openTab()]
    a.live.start('t')
    b.live.start('t')
    await settle()
    FakeEventSource.last.open()
    await settle()
    const [lead, other] = a.role() === 'leader' ? [a, b] : [b, a]
    lead.live.stop()
    expect(lead.live.status).toBe('closed')
    expect(lead.role()).toBe('none')
    await settle()
    expect(other.role()).toBe('leader')
    expect(other.statuses).toContain('connecting')
    expect(FakeEventSource.live).toHaveLength(1)
    FakeEventSource.last.open()
    await settle()
    expect(lead.events).toEqual([]) // a logged-out tab hears nothing more
    other.live.stop()
    await settle()
    expect(FakeEventSource.live).toHaveLength(0)
  })

  it('a new session in the leader tab restarts its stream with the new token', async () => {
    const [a, b] = [openTab(), openTab()]
    a.live.start('t1')
    b.live.start('t1')
    await settle()
    const lead = leaders([a, b])[0]
    lead.live.start('t2')
    expect(FakeEventSource.live).toHaveLength(1)
    expect(FakeEventSource.last.headers.Authorization).toBe('Bearer t2')
  })

  describe('without Web Locks (heartbeat election)', () => {
    beforeEach(() => vi.useFakeTimers())
    afterEach(() => vi.useRealTimers())

    it('still ends with one stream for all tabs, and a new one after the leader dies', async () => {
      const tabs = Array.from({ length: 5 }, () => openTab({ withLocks: false }))
      for (const t of tabs) t.live.start('t')
      await vi.advanceTimersByTimeAsync(6000)
      expect(leaders(tabs)).toHaveLength(1)
      expect(FakeEventSource.live).toHaveLength(1)
      FakeEventSource.last.open()
      FakeEventSource.last.emit('ticket', { id: 1 })
      await vi.advanceTimersByTimeAsync(10)
      for (const t of tabs) expect(t.events).toEqual([{ type: 'ticket', data: { id: 1 } }])
      const [old] = leaders(tabs)
      old.close()
      await vi.advanceTimersByTimeAsync(6000)
      expect(leaders(tabs.filter((t) => t !== old))).toHaveLength(1)
      expect(FakeEventSource.live).toHaveLength(1)
    })
  })
})

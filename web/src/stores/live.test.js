import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { configureLive, connectLive, useLiveStore } from './live.js'
import { useSessionStore } from './session.js'
import { FakeEventSource } from '../test-support/fakeEventSource.js'
import { FakeBroadcastChannel, FakeLocks, settle } from '../test-support/fakeTabs.js'
import { CHANNEL } from '../api/sharedLive.js'
import { TabLeader } from '../api/tabLeader.js'

beforeEach(() => {
  FakeEventSource.reset()
  FakeBroadcastChannel.reset()
  configureLive({ EventSourceImpl: FakeEventSource, random: () => 0.5, verify: null })
  setActivePinia(createPinia())
  localStorage.clear()
})
afterEach(() => configureLive({}))

describe('live store', () => {
  it('keeps one stream while logged in and closes it on logout', async () => {
    const session = useSessionStore()
    const live = useLiveStore()
    const stop = connectLive(session, live)
    expect(FakeEventSource.instances).toHaveLength(0) // nobody logged in
    session.token = 'abc'
    session.expiresAt = Date.now() + 3600e3
    await nextTick()
    expect(FakeEventSource.live).toHaveLength(1)
    FakeEventSource.last.open()
    expect(live.status).toBe('open')
    session.persist() // another screen touching the session changes nothing
    live.start('abc')
    await nextTick()
    expect(FakeEventSource.instances).toHaveLength(1)
    session.clear() // logout
    await nextTick()
    expect(FakeEventSource.live).toHaveLength(0)
    expect(live.status).toBe('closed')
    stop()
  })

  it('hands messages to every subscriber until it unsubscribes; one failing subscriber does not stop the others', () => {
    const live = useLiveStore()
    live.start('t')
    const a = vi.fn()
    const bad = vi.fn(() => {
      throw new Error('boom')
    })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const offBad = live.subscribe(bad)
    const off = live.subscribe(a)
    FakeEventSource.last.emit('ticket', { id: 1 })
    expect(a).toHaveBeenCalledWith({ type: 'ticket', data: { id: 1 } })
    expect(errors).toHaveBeenCalledTimes(1)
    off()
    offBad()
    FakeEventSource.last.emit('ticket', { id: 2 })
    expect(a).toHaveBeenCalledTimes(1)
    expect(live.received).toBe(2)
    expect(live.listenerCount()).toBe(0)
    errors.mockRestore()
  })

  it('shows the reconnect delay while retrying', () => {
    const live = useLiveStore()
    live.start('t')
    FakeEventSource.last.fail()
    expect(live.status).toBe('retrying')
    expect(live.retryIn).toBe(1000)
    live.stop()
  })

  it('with other tabs, one store holds the stream and the others follow it', async () => {
    const locks = new FakeLocks()
    const tabStore = () => {
      configureLive({
        EventSourceImpl: FakeEventSource,
        random: () => 0.5,
        verify: null,
        tabs: { leader: new TabLeader({ locks: locks.forTab() }), channel: new FakeBroadcastChannel(CHANNEL) },
      })
      setActivePinia(createPinia()) // each tab has its own stores
      return useLiveStore()
    }
    const a = tabStore()
    const b = tabStore()
    a.start('t')
    b.start('t')
    await settle()
    expect(FakeEventSource.live).toHaveLength(1)
    expect([a.role, b.role].sort()).toEqual(['follower', 'leader'])
    FakeEventSource.last.open()
    const got = vi.fn()
    b.subscribe(got)
    a.subscribe(got)
    FakeEventSource.last.emit('ticket', { id: 3 })
    await settle()
    expect(got).toHaveBeenCalledTimes(2)
    expect([a.status, b.status, a.received, b.received]).toEqual(['open', 'open', 1, 1])
    a.stop()
    b.stop()
    await settle()
    expect(FakeEventSource.live).toHaveLength(0)
    expect([a.role, b.role]).toEqual(['none', 'none'])
  })
})

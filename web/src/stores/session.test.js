import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { KEY, parseSession, syncSessionTabs, useSessionStore } from './session.js'

const HOUR = 3600e3
const respond = (status, body) => Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  setActivePinia(createPinia())
  globalThis.fetch = vi.fn()
})
afterEach(() => {
  delete globalThis.fetch
})

/** What another tab's write looks like to this one: a `storage` event on the window. */
function otherTabWrites(target, value) {
  const e = new Event('storage')
  Object.assign(e, { key: KEY, newValue: value === null ? null : JSON.stringify(value) })
  target.dispatchEvent(e)
}

describe('session store', () => {
  it('keeps the session in localStorage, so a new tab of the browser starts logged in', async () => {
    fetch.mockReturnValue(respond(201, { token: 'tok', expires_in: 3600, user: { username: 'operator', role: 'operator' } }))
    const s = useSessionStore()
    await s.login('operator', 'demo')
    const stored = JSON.parse(localStorage.getItem(KEY))
    expect(stored.token).toBe('tok')
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + HOUR - 5000)
    expect(sessionStorage.getItem(KEY)).toBe(null)

    setActivePinia(createPinia()) // a new tab
    const other = useSessionStore()
    expect(other.loggedIn).toBe(true)
    expect(other.user.username).toBe('operator')
  })

  it('does not load an expired or corrupt entry', () => {
    localStorage.setItem(KEY, JSON.stringify({ token: 'old', user: {}, expiresAt: Date.now() - 1 }))
    expect(useSessionStore().loggedIn).toBe(false)
    setActivePinia(createPinia())
    localStorage.setItem(KEY, '{not json')
    expect(useSessionStore().loggedIn).toBe(false)
    expect(parseSession(JSON.stringify({ token: 't', expiresAt: 0 }))).toEqual({ token: 't', expiresAt: 0 }) // no expiry given
    expect(parseSession(JSON.stringify({ token: '', expiresAt: 0 }))).toBe(null)
  })

  it('logout removes the entry (which is what the other tabs hear)', async () => {
    fetch.mockReturnValue(respond(200, { ok: true }))
    const s = useSessionStore()
    s.adopt({ token: 't', user: { username: 'a' }, expiresAt: Date.now() + HOUR })
    s.persist()
    await s.logout()
    expect(localStorage.getItem(KEY)).toBe(null)
    expect(fetch.mock.calls[0][1].method).toBe('DELETE')
  })
})

describe('syncSessionTabs', () => {
  let target
  let s
  let calls
  let stop
  beforeEach(() => {
    target = new EventTarget()
    s = useSessionStore()
    s.adopt({ token: 't1', user: { username: 'operator' }, expiresAt: Date.now() + HOUR })
    calls = []
    stop = syncSessionTabs(s, {
      target,
      onLogout: () => calls.push('logout'),
      onLogin: (previous) => calls.push(['login', previous && previous.username]),
    })
  })
  afterEach(() => stop())

  it('logs this tab out when another tab logs out', () => {
    otherTabWrites(target, null)
    expect(s.loggedIn).toBe(false)
    expect(calls).toEqual(['logout'])
    otherTabWrites(target, null) // already out: nothing more to do
    expect(calls).toEqual(['logout'])
  })

  it('takes over a login made in another tab, and says whose session it replaced', () => {
    s.clear()
    otherTabWrites(target, { token: 't2', user: { username: 'dispatcher' }, expiresAt: Date.now() + HOUR })
    expect(s.token).toBe('t2')
    expect(s.loggedIn).toBe(true)
    expect(calls).toEqual([['login', null]])
    otherTabWrites(target, { token: 't3', user: { username: 'supervisor' }, expiresAt: Date.now() + HOUR })
    expect(calls[1]).toEqual(['login', 'dispatcher'])
  })

  it('takes a refreshed profile of the same session quietly, and ignores other entries', () => {
    otherTabWrites(target, { token: 't1', user: { username: 'operator', display_name: '王芳' }, expiresAt: Date.now() + HOUR })
    expect(s.user.display_name).toBe('王芳')
    const e = new Event('storage')
    Object.assign(e, { key: 'hotline.locale', newValue: 'en' })
    target.dispatchEvent(e)
    expect(calls).toEqual([])
    expect(s.loggedIn).toBe(true)
  })

  it('treats an expired entry as a logout, and stops following when asked', () => {
    otherTabWrites(target, { token: 't1', user: {}, expiresAt: Date.now() - 1 })
    expect(calls).toEqual(['logout'])
    stop()
    otherTabWrites(target, { token: 't9', user: {}, expiresAt: Date.now() + HOUR })
    expect(s.token).toBe('')
  })
})

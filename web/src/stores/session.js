// The logged-in user and their token, shared by the tabs of one browser: kept in
// localStorage (with its expiry) so a ticket link opened in a new tab needs no
// login, and kept in step by syncSessionTabs(): a logout in one tab logs out every
// tab, a login in one is seen by the others. The server's session limits (idle and
// absolute timeouts) still end it; an expired entry is never loaded.
import { defineStore } from 'pinia'
import { api, configureClient } from '../api/client.js'

export const KEY = 'hotline.session'

const storage = () => (typeof localStorage !== 'undefined' ? localStorage : null)

/** A stored session if it is whole and not expired, else null. */
export function parseSession(raw, now = Date.now()) {
  try {
    const s = JSON.parse(raw || 'null')
    if (s && typeof s.token === 'string' && s.token && (!s.expiresAt || s.expiresAt > now)) return s
  } catch {
    /* ignore a corrupt entry */
  }
  return null
}

function load() {
  const store = storage()
  // Sessions used to live in sessionStorage (one tab); such an entry is dropped.
  if (typeof sessionStorage !== 'undefined') sessionStorage.removeItem(KEY)
  return store ? parseSession(store.getItem(KEY)) : null
}

export const useSessionStore = defineStore('session', {
  state: () => {
    const s = load()
    return { token: s ? s.token : '', user: s ? s.user : null, expiresAt: s ? s.expiresAt : 0 }
  },
  getters: {
    loggedIn: (s) => !!s.token && (!s.expiresAt || s.expiresAt > Date.now()),
    role: (s) => (s.user ? s.user.role : ''),
    unit: (s) => (s.user ? s.user.unit : ''),
  },
  actions: {
    async login(username, password) {
      const res = await api.login(username, password)
      this.token = res.token
      this.user = res.user
      this.expiresAt = res.expires_in ? Date.now() + res.expires_in * 1000 : 0
      this.persist()
      return res.user
    },
    async logout() {
      try {
        if (this.token) await api.logout()
      } catch {
        /* the session may already be gone on the server */
      }
      this.clear()
    },
    async refreshMe() {
      const me = await api.me()
      this.user = me.user || me
      this.persist()
    },
    clear() {
      this.token = ''
      this.user = null
      this.expiresAt = 0
      const store = storage()
      if (store) store.removeItem(KEY)
    },
    persist() {
      const store = storage()
      if (store) store.setItem(KEY, JSON.stringify({ token: this.token, user: this.user, expiresAt: this.expiresAt }))
    },
    /** Takes over a session another tab stored (without writing it back). */
    adopt(s) {
      this.token = s.token
      this.user = s.user || null
      this.expiresAt = s.expiresAt || 0
    },
  },
})

/** Wires the API client to this store; `onExpired` runs after a 401 (e.g. go to login). */
export function connectClient(store, onExpired) {
  configureClient({
    getToken: () => store.token,
    unauthorized: (err) => {
      store.clear()
      onExpired(err)
    },
  })
}

/**
 * Follows the session other tabs of this browser write (the `storage` event reaches
 * every tab of the origin but the writer). When the entry goes or expires, this tab
 * is logged out and `onLogout()` runs; when another session appears (a login
 * elsewhere), it is taken over and `onLogin(previousUser)` runs; a refreshed profile
 * of the same session is taken over quietly. Returns a function that stops following.
 */
export function syncSessionTabs(store, { onLogout = () => {}, onLogin = () => {}, target = globalThis } = {}) {
  const handler = (e) => {
    if (e.key !== KEY && e.key !== null) return // another entry (key null: storage cleared)
    const s = e.key === null ? null : parseSession(e.newValue)
    if (!s) {
      if (!store.token) return
      store.clear()
      onLogout()
      return
    }
    const previous = store.token ? store.user : null
    const changed = s.token !== store.token
    store.adopt(s)
    if (changed) onLogin(previous)
  }
  target.addEventListener('storage', handler)
  return () => target.removeEventListener('storage', handler)
}

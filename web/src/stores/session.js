// The logged-in user and their token. Kept in sessionStorage so a reload keeps
// the session but closing the tab ends it.
import { defineStore } from 'pinia'
import { api, configureClient } from '../api/client.js'

const KEY = 'hotline.session'

function load() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) || 'null')
    if (s && s.token && (!s.expiresAt || s.expiresAt > Date.now())) return s
  } catch {
    /* ignore a corrupt entry */
  }
  return null
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
      sessionStorage.removeItem(KEY)
    },
    persist() {
      sessionStorage.setItem(KEY, JSON.stringify({ token: this.token, user: this.user, expiresAt: this.expiresAt }))
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

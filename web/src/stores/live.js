// Live updates for the console: ONE EventSource per logged-in session (see
// api/live.js), started when a token appears and closed when it goes (logout,
// expiry). Screens subscribe with `subscribe(fn)` (or composables/useLive.js)
// and get {type: 'ticket', data} and {type: 'reconnected'} messages.
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { api } from '../api/client.js'
import { LiveConnection } from '../api/live.js'

let options = {}

/** Tests swap the EventSource class, timers and randomness here (before the store is first used). */
export function configureLive(o = {}) {
  options = o
}

// A session that the server no longer knows ends here: api.me() meets the 401 and
// the client's handler logs out, which stops the connection.
const sessionStillValid = () => api.me().then(() => true, (err) => !(err && err.status === 401))

export const useLiveStore = defineStore('live', () => {
  const status = ref('idle')
  const retryIn = ref(0)
  const received = ref(0)
  const listeners = new Set()
  const connection = new LiveConnection({
    verify: sessionStillValid,
    ...options,
    onStatus(s, ms) {
      status.value = s
      retryIn.value = ms
    },
    onEvent(message) {
      if (message.type === 'ticket') received.value++
      for (const fn of [...listeners]) {
        try {
          fn(message)
        } catch (err) {
          console.error(err) // one screen's bug must not silence the others
        }
      }
    },
  })

  function start(token) {
    connection.start(token)
  }
  function stop() {
    connection.stop()
  }
  /** Calls `fn` for every message until the returned function is called. */
  function subscribe(fn) {
    listeners.add(fn)
    return () => listeners.delete(fn)
  }
  const listenerCount = () => listeners.size

  return { status, retryIn, received, start, stop, subscribe, listenerCount }
})

/** Keeps the connection in step with the session: a token starts it, logout stops it. */
export function connectLive(session, live = useLiveStore()) {
  return watch(
    () => (session.loggedIn ? session.token : ''),
    (token) => (token ? live.start(token) : live.stop()),
    { immediate: true },
  )
}

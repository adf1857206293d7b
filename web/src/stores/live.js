// Live updates for the console: ONE connection per browser while someone is logged
// in. The tabs elect a leader that holds the stream (api/live.js, read with fetch)
// and relays it to the others (api/sharedLive.js, api/tabLeader.js). Started when a
// token appears and closed when it goes (logout, expiry). Screens subscribe with
// `subscribe(fn)` (or composables/useLive.js) and get {type: 'ticket', data} and
// {type: 'reconnected'} messages. `role` says whether this tab holds the stream
// ('leader'), follows another's ('follower'), runs alone ('alone') or neither ('none').
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { api } from '../api/client.js'
import { LiveConnection } from '../api/live.js'
import { CHANNEL, SharedLive } from '../api/sharedLive.js'
import { TabLeader } from '../api/tabLeader.js'

let options = null // null: this browser as it is (its fetch, timers and other tabs)

/**
 * Tests swap the stream class, timers, randomness and `tabs` ({leader, channel}: the
 * other tabs, as fakes) here, before the store is first used. A configured store
 * without `tabs` runs alone, as it does in a browser without BroadcastChannel.
 */
export function configureLive(o = {}) {
  options = o
}

function browserTabs() {
  if (typeof BroadcastChannel !== 'function') return null
  return { leader: new TabLeader(), channel: new BroadcastChannel(CHANNEL) }
}

// A session that the server no longer knows ends here: api.me() meets the 401 and
// the client's handler logs out, which stops the connection.
const sessionStillValid = () => api.me().then(() => true, (err) => !(err && err.status === 401))

export const useLiveStore = defineStore('live', () => {
  const status = ref('idle')
  const retryIn = ref(0)
  const received = ref(0)
  const role = ref('none')
  const listeners = new Set()
  const { tabs = null, ...connectionOptions } = options || { tabs: browserTabs() }
  const handlers = {
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
  }
  const createConnection = (h) => new LiveConnection({ verify: sessionStillValid, ...connectionOptions, ...h })
  const connection = tabs
    ? new SharedLive({ createConnection, ...tabs, ...handlers, onRole: (r) => (role.value = r) })
    : createConnection(handlers)

  function start(token) {
    if (!tabs && token) role.value = 'alone'
    connection.start(token)
  }
  function stop() {
    if (!tabs) role.value = 'none'
    connection.stop()
  }
  /** Calls `fn` for every message until the returned function is called. */
  function subscribe(fn) {
    listeners.add(fn)
    return () => listeners.delete(fn)
  }
  const listenerCount = () => listeners.size

  return { status, retryIn, received, role, start, stop, subscribe, listenerCount }
})

/** Keeps the connection in step with the session: a token starts it, logout stops it. */
export function connectLive(session, live = useLiveStore()) {
  return watch(
    () => (session.loggedIn ? session.token : ''),
    (token) => (token ? live.start(token) : live.stop()),
    { immediate: true },
  )
}

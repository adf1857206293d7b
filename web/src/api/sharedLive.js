// One live connection per browser, shared by its tabs. Same interface as
// LiveConnection (start(token) / stop(), onStatus(status, retryIn), onEvent(message),
// `status`), so the store does not care whether it is alone.
//
// Every logged-in tab takes part in a TabLeader election. The leader runs the one
// LiveConnection and relays each status change and each message to the other tabs
// over a BroadcastChannel; the others only listen. A tab that joins asks ('hello')
// and the leader answers with its status. When the leader goes, it says so
// ('resign') if it can, and the tab elected next opens the stream; since messages
// may have been lost in between, it then announces {type: 'reconnected'} (screens
// reload) once its stream is open. The token never goes over the channel: every
// tab has the same session (stores/session.js shares it), the leader uses its own.

export const CHANNEL = 'hotline.live'

export class SharedLive {
  /**
   * createConnection({onStatus, onEvent}) → a LiveConnection; leader: a TabLeader;
   * channel: a BroadcastChannel (this object owns it from now on).
   * onRole('leader' | 'follower' | 'none') says which part this tab plays.
   */
  constructor({ createConnection, leader, channel, onStatus = () => {}, onEvent = () => {}, onRole = () => {} }) {
    Object.assign(this, { leader, channel, onStatus, onEvent, onRole })
    this.connection = createConnection({
      onStatus: (s, ms) => this.fromConnection('status', { status: s, retryIn: ms }),
      onEvent: (message) => this.fromConnection('event', { message }),
    })
    this.channel.onmessage = (e) => this.receive(e.data || {})
    this.token = ''
    this.isLeader = false
    this.followed = false // a leader's stream was open: a takeover may have missed messages
    this.takeover = false
    this.status = 'idle'
    this.retryIn = 0
  }

  setStatus(status, retryIn = 0) {
    this.status = status
    this.retryIn = retryIn
    this.onStatus(status, retryIn)
  }

  start(token) {
    if (!token) return this.stop()
    const joining = !this.token
    this.token = token
    if (this.isLeader) return this.connection.start(token) // a new session restarts the stream
    if (!joining) return
    this.setStatus('connecting')
    this.onRole('follower')
    this.leader.start((lead) => (lead ? this.lead() : this.follow()))
    this.post({ kind: 'hello' })
  }

  stop() {
    if (!this.token) return
    this.token = ''
    this.leader.stop()
    if (this.isLeader) {
      this.isLeader = false
      this.connection.stop()
      this.post({ kind: 'resign' })
    }
    this.onRole('none')
    this.setStatus('closed')
  }

  lead() {
    if (!this.token) return
    this.isLeader = true
    this.onRole('leader')
    this.takeover = this.followed
    this.connection.start(this.token)
  }

  follow() {
    // Stepping down (only the heartbeat election does): the other leader streams now.
    this.isLeader = false
    this.connection.stop()
    this.onRole('follower')
    if (this.token) this.setStatus('connecting')
  }

  fromConnection(kind, payload) {
    if (!this.isLeader) return // the last words of a stream being stopped
    if (kind === 'status') {
      this.setStatus(payload.status, payload.retryIn)
      this.post({ kind, ...payload })
      if (payload.status === 'open' && this.takeover) {
        this.takeover = false
        this.fromConnection('event', { message: { type: 'reconnected' } })
      }
    } else {
      this.onEvent(payload.message)
      this.post({ kind, ...payload })
    }
  }

  receive(msg) {
    if (!this.token) return // a logged-out tab takes no part
    if (msg.kind === 'hello') {
      if (this.isLeader) this.post({ kind: 'status', status: this.status, retryIn: this.retryIn })
      return
    }
    if (this.isLeader) return // another tab's stream is not ours to follow
    if (msg.kind === 'status') {
      if (msg.status === 'open') this.followed = true
      this.setStatus(msg.status, msg.retryIn)
    } else if (msg.kind === 'event') this.onEvent(msg.message)
    else if (msg.kind === 'resign') this.setStatus('connecting')
  }

  post(msg) {
    try {
      this.channel.postMessage(msg)
    } catch {
      /* the channel is closed: the tab is going away */
    }
  }
}

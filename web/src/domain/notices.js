// Notice pop-ups (issue 10): the live changes a user must not miss, as short
// notices — the scheduler's warnings and overdue notices (a co-unit's late opinion
// too), a new supervision, and a unit's answer to one. Pure: a live message
// ({type:'ticket', data}) and the user's role become a notice or nothing, and a NoticeBatcher keeps a burst (the
// scheduler gives many notices at once after a restart) from flooding the screen.
import { t } from '../i18n/index.js'

// Which commands pop up for which role. The server sends each user only the
// tickets they may see (a unit: its own), so the role alone decides.
const FOR_ROLE = {
  unit: ['warn', 'overdue', 'co-overdue', 'supervise'],
  supervisor: ['overdue', 'supervise', 'answer-supervision'],
  dispatcher: ['overdue'],
  admin: [],
}

const TYPE = { warn: 'warning', overdue: 'error', 'co-overdue': 'warning', supervise: 'error', 'answer-supervision': 'success' }

/** The notice for `message` as `role` sees it: {id, number, command, title, body, type}, or null. */
export function noticeFor(message, role) {
  if (!message || message.type !== 'ticket' || !message.data) return null
  const d = message.data
  if (!(FOR_ROLE[role] || []).includes(d.command)) return null
  return {
    id: d.id,
    number: d.number,
    command: d.command,
    title: t(`notice.title.${d.command}`),
    body: t('notice.body', { number: d.number }),
    type: TYPE[d.command] || 'info',
  }
}

/**
 * Shows at most `max` notices per `windowMs`; the rest of a burst becomes one
 * summary ("另有 N 条提醒") when the window closes. `show(notice)` and
 * `summarise(count)` are the screen's; `now` and `setTimer` are injectable for tests.
 */
export class NoticeBatcher {
  constructor({ show, summarise, max = 3, windowMs = 10000, now = () => Date.now(), setTimer = setTimeout } = {}) {
    Object.assign(this, { show, summarise, max, windowMs, now, setTimer })
    this.windowStart = -Infinity
    this.shown = 0
    this.held = 0
  }

  push(notice) {
    if (!notice) return
    const at = this.now()
    if (at - this.windowStart >= this.windowMs) {
      this.windowStart = at
      this.shown = 0
    }
    if (this.shown < this.max) {
      this.shown++
      this.show(notice)
      return
    }
    if (this.held++ === 0) {
      this.setTimer(() => {
        const n = this.held
        this.held = 0
        if (n) this.summarise(n)
      }, this.windowMs - (at - this.windowStart))
    }
  }
}

// 协办, 吹哨 and 联席会议 (issue 10) as the ticket page shows them. Pure: the ticket
// as the API returns it (`co_tasks[]`, `whistle`, `joint_reviews[]`) becomes rows of
// display text.
import { t } from '../i18n/index.js'
import { formatTime, namedRef } from './format.js'

const TASK_TAGS = { pending: 'info', signed: 'warning', replied: 'success', overdue: 'danger' }

/** One row per co-unit's task, in the ticket's order. */
export function coTaskRows(ticket) {
  const list = Array.isArray(ticket?.co_tasks) ? ticket.co_tasks : []
  return list.map((c) => ({
    unit: namedRef(c.unit),
    state: c.state,
    stateText: t(`coordination.coTaskState.${c.state}`),
    tagType: TASK_TAGS[c.state] || 'info',
    due: c.due_at ? formatTime(c.due_at) : '',
    signed: c.signed_at ? `${c.signed_by || ''} · ${formatTime(c.signed_at)}` : '',
    reply: c.reply || '',
    replied: c.replied_at ? `${c.replied_by || ''} · ${formatTime(c.replied_at)}` : '',
  }))
}

/** "协办单位已答复 1/2" — what the lead's reply and the review show; '' without co-units. */
export function coAnsweredText(ticket) {
  const list = Array.isArray(ticket?.co_tasks) ? ticket.co_tasks : []
  if (!list.length) return ''
  const n = list.filter((c) => c.state === 'replied').length
  return t('coordination.answeredOf', { n, total: list.length })
}

/** "东华街道 吹哨至 东城区 · 时间", with the reason; null without a whistle. */
export function whistleRow(ticket) {
  const w = ticket?.whistle
  if (!w) return null
  return {
    text: t('coordination.whistleText', { from: namedRef(w.from_unit), to: namedRef(w.to_unit) }),
    at: `${w.by} · ${formatTime(w.at)}`,
    reason: w.reason || '',
  }
}

/** Every joint review, newest first: why and by whom it was sent, and the decision. */
export function jointReviewRows(ticket) {
  const list = Array.isArray(ticket?.joint_reviews) ? ticket.joint_reviews : []
  return list
    .map((r, i) => ({
      key: i,
      decided: !!r.decided_at,
      stateText: t(r.decided_at ? 'coordination.decided' : 'coordination.undecided'),
      sent: `${r.sent_by || t('coordination.sentByRule')} · ${formatTime(r.sent_at)}`,
      reason: r.reason || '',
      lead: r.lead_unit ? namedRef(r.lead_unit) : '',
      coUnits: (r.co_units || []).map(namedRef).join('、'),
      participants: (r.participants || []).join('、'),
      minutes: r.minutes || '',
      decidedAt: r.decided_at ? `${r.decided_by || ''} · ${formatTime(r.decided_at)}` : '',
      catalogChange: !!r.catalog_change,
    }))
    .reverse()
}

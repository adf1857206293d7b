// 三级督办 (issue 10) as the console shows it: the tag in the queues and the
// supervision records on the ticket page. Pure: the ticket as the API returns it
// (`supervision_level`, `supervision`, `supervisions[]`) becomes text and rows.
import { t } from '../i18n/index.js'
import { formatTime, namedRef } from './format.js'
import { label } from './labels.js'

/** "区县督办", or "区县督办 · 待销号" once every open supervision is answered. */
export function supervisionTagText(ticket, locale) {
  if (!ticket || !ticket.supervision_level) return ''
  const level = label('supervisionLevel', String(ticket.supervision_level), locale)
  return ticket.supervision === 'answered' ? `${level} · ${label('supervisionState', 'answered', locale)}` : level
}

/** Who opened a supervision: the scheduler's rule, the center, or a unit's supervisor. */
export function supervisorText(s) {
  if (s.by === 'system') return t('supervision.byRule')
  const unit = s.unit ? namedRef(s.unit) : t('supervision.center')
  return `${unit} ${s.by}`
}

/**
 * One row per supervision, newest first: level, state, who and when, what was
 * ordered, the unit's answer and the 销号 note, each as display text.
 */
export function supervisionRows(ticket) {
  const list = Array.isArray(ticket?.supervisions) ? ticket.supervisions : []
  return list
    .slice()
    .reverse()
    .map((s) => ({
      id: s.id,
      state: s.state,
      level: label('supervisionLevel', String(s.level)),
      stateText: label('supervisionState', s.state),
      tagType: s.state === 'closed' ? 'info' : s.state === 'answered' ? 'warning' : 'danger',
      opened: `${supervisorText(s)} · ${formatTime(s.opened_at)}`,
      instructions: s.instructions || (s.by === 'system' ? t('supervision.overdueRule') : ''),
      assignee: s.assignee || '',
      due: s.due_at ? formatTime(s.due_at) : '',
      overdue: !!s.overdue,
      answer: s.answer || '',
      answered: s.answered_at ? `${s.answered_by || ''} · ${formatTime(s.answered_at)}` : '',
      closeNote: s.close_note || '',
      closed: s.closed_at ? `${s.closed_by || ''} · ${formatTime(s.closed_at)}` : '',
    }))
}

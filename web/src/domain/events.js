// Reading a ticket's event log for the timeline.
import { t } from '../i18n/index.js'
import { actorDisplayName, formatUnix } from './format.js'
import { PAUSE_REASONS, fieldLabel, label, roleLabel } from './labels.js'

const BOOL_TEXT = {
  approve: ['dialog.approve', 'dialog.refuse'],
  accept: ['dialog.accept', 'dialog.sendBack'],
  urgent: ['dialog.urgent', 'dialog.notUrgent'],
}

// Input keys that are internal bookkeeping, not something a person typed: the
// deadlines the state machine recorded (the ticket's chips show where they stand).
const HIDDEN = new Set(['due_at', 'deadlines'])

function valueText(key, value, unitName, command) {
  if (value === null || value === undefined || value === '') return ''
  if (command === 'supervise' && key === 'level') return label('supervisionLevel', String(value))
  if (key === 'due_at') return formatUnix(value) // supervise: when the unit's answer is due
  if (key === 'unit' || key === 'suggested_unit' || key === 'area') return unitName(value)
  if (key === 'contact_method') return label('contactMethod', value)
  if (key === 'deadline') return label('deadlineKind', value)
  if (key === 'reason' && PAUSE_REASONS.includes(value)) return label('pauseReason', value)
  if (key === 'urgency') return label('urgency', value)
  if (key === 'return_kind') return label('returnKind', value)
  if (key === 'dissatisfaction') return label('dissatisfaction', value)
  if (key === 'contacted_at') return formatUnix(value)
  if (key === 'co_units') return (Array.isArray(value) ? value : [value]).map(unitName).join('、')
  if (key === 'result') return label('result', value)
  if (key === 'satisfaction') return label('satisfaction', value)
  if (key === 'number') return label('emergency', String(value))
  if (key === 'level') return t('ticket.level', { n: value })
  if (key === 'caller') return [value.name, value.phone].filter(Boolean).join(' ')
  if (key === 'location' && typeof value === 'object') return `${value.lat}, ${value.lon}`
  if (key === 'days') return `${value} ${t('dialog.daysUnit')}`
  if (typeof value === 'boolean') {
    const pair = BOOL_TEXT[key] || ['app.yes', 'app.no']
    return t(pair[value ? 0 : 1])
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * Lines "label：value" describing what was entered with `command`, in a stable
 * order; empty values and bookkeeping fields are left out (supervise's `due_at` is
 * what the supervisor typed, not bookkeeping).
 */
export function describeInput(input, unitName = (c) => c, command = '') {
  if (!input || typeof input !== 'object') return []
  // An attached file: its name (sent as `content`), not the stored file's id.
  if (input.attachment) return [`${fieldLabel('attachment')}：${input.content || input.attachment}`]
  const lines = []
  for (const [key, value] of Object.entries(input)) {
    if (HIDDEN.has(key) && !(command === 'supervise' && key === 'due_at')) continue
    if (key === 'unreachable') {
      if (value) lines.push(t('dialog.unreachable'))
      continue
    }
    const text = valueText(key, value, unitName, command)
    if (text) lines.push(`${fieldLabel(key)}：${text}`)
  }
  return lines
}

/** "东华街道 承办单位 张伟" style line for who did it (the username when the account has no name). */
export function actorText(actor, unitName = (c) => c) {
  if (!actor) return ''
  // The deadline scheduler's notices (warn, overdue).
  if (actor.username === 'system' && actor.role === 'admin') return t('deadline.system')
  const unit = actor.unit ? unitName(actor.unit) : ''
  const who = actorDisplayName(actor)
  // A unit account is named after its unit (username = unit code): say the unit once.
  const same = who === unit || who === actor.unit
  return [unit, roleLabel(actor.role), same ? '' : who].filter(Boolean).join(' ')
}

/** Timeline dot colour by command. */
export function eventType(command) {
  if (['return', 'escalate', 'transfer-emergency', 'reopen', 'overdue'].includes(command)) return 'danger'
  if (['supervise', 'request-extension', 'decide-extension', 'warn', 'pause'].includes(command)) return 'warning'
  if (['close', 'answer-directly', 'reply', 'callback', 'answer-supervision', 'close-supervision'].includes(command)) return 'success'
  return 'primary'
}

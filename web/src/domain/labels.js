// Label tables: API code names → text in the current UI language.
// The tables live in the i18n message files; they are read directly (not through
// t()) because their keys contain '-' and '.' (command and field names).
import { messages, currentLocale } from '../i18n/index.js'

export const STATES = [
  'triage', 'answered_directly', 'out_of_scope', 'transferred', 'merged', 'to_dispatch', 'joint_review',
  'dispatched', 'in_progress', 'replied', 'to_callback', 'unsatisfied', 'closed',
]
export const OPEN_STATES = ['triage', 'to_dispatch', 'joint_review', 'dispatched', 'in_progress', 'replied',
  'to_callback', 'unsatisfied']
export const COMMANDS = [
  'to-dispatch', 'answer-directly', 'out-of-scope', 'transfer-emergency', 'merge', 'dispatch', 'sign', 'contact',
  'return', 'request-extension', 'decide-extension', 'reply', 'review', 'callback', 'reopen', 'close', 'supervise',
  'escalate', 'accept-reply', 'reject-reply', 'edit', 'urge', 'supplement', 'pause', 'resume', 'answer-supervision',
  'close-supervision', 'instruct', 'co-sign', 'co-reply', 'whistle', 'add-co-units', 'to-joint-review',
  'decide-joint-review',
]
export const CHANNELS = ['phone', 'web', 'mini_program', 'sms', 'mailbox', 'grid_member', 'api']
export const APPEAL_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise']
export const REPLY_RESULTS = ['resolved', 'explained', 'cannot_resolve']
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied']
// Why a citizen was not satisfied (the callback records one; the assessment counts them).
export const DISSATISFACTIONS = ['unresolved', 'attitude', 'off_topic', 'slow', 'no_contact', 'other']
// How a unit reached the citizen before replying (the reply form).
export const CONTACT_METHODS = ['phone', 'visit', 'sms', 'online', 'not_contacted']
// Why a unit sends a ticket back, from a list (the text says more).
export const RETURN_KINDS = ['not_our_duty', 'outside_area', 'needs_information', 'other']
export const EMERGENCY_NUMBERS = ['110', '119', '120', '122']
// 紧急程度, set at intake (and by 修正): 紧急 is the old `urgent: true`.
export const URGENCIES = ['urgent', 'important', 'normal']
// The deadlines a dispatched ticket runs against (issue 10), in the order they fall due:
// 签收, 联系诉求人, 首次答复, 办结 (the ticket's due_at), 回访 (from the accepted reply).
export const DEADLINE_KINDS = ['sign', 'contact', 'reply', 'handle', 'callback']
export const DEADLINE_STATES = ['pending', 'met', 'overdue', 'paused', 'cancelled']
// Why a unit stops a ticket's clock (暂停计时).
export const PAUSE_REASONS = ['citizen_unreachable', 'awaiting_extension', 'awaiting_third_party']
export const ROLES = ['operator', 'dispatcher', 'unit', 'supervisor', 'callback', 'analyst', 'admin']

/** Looks `key` up in message table `table` (e.g. 'state'); unknown keys come back unchanged. */
export function label(table, key, locale = currentLocale()) {
  if (key === null || key === undefined || key === '') return ''
  const own = messages[locale]?.[table]?.[key]
  if (own !== undefined) return own
  const zh = messages['zh-CN'][table]?.[key]
  return zh !== undefined ? zh : String(key)
}

export const stateLabel = (s, locale) => label('state', s, locale)
export const commandLabel = (c, locale) => label('command', c, locale)
export const channelLabel = (c, locale) => label('channel', c, locale)
export const appealTypeLabel = (a, locale) => label('appealType', a, locale)
export const roleLabel = (r, locale) => label('role', r, locale)
export const resultLabel = (r, locale) => label('result', r, locale)
export const satisfactionLabel = (s, locale) => label('satisfaction', s, locale)
export const fieldLabel = (f, locale) => label('field', f, locale)
export const unitKindLabel = (k, locale) => label('unitKind', k, locale)
export const urgencyLabel = (u, locale) => label('urgency', u, locale)
export const deadlineKindLabel = (k, locale) => label('deadlineKind', k, locale)
export const deadlineStateLabel = (s, locale) => label('deadlineState', s, locale)

/** Element Plus tag type for a state, so queues read at a glance. */
export function stateTagType(state) {
  switch (state) {
    case 'closed':
    case 'answered_directly':
      return 'success'
    case 'out_of_scope':
    case 'merged':
    case 'transferred':
      return 'info'
    case 'unsatisfied':
    case 'joint_review':
      return 'danger'
    case 'dispatched':
    case 'replied':
    case 'to_callback':
      return 'warning'
    default:
      return 'primary'
  }
}

/** Button type for a command button. */
export function commandButtonType(command) {
  if (['return', 'out-of-scope', 'transfer-emergency', 'escalate'].includes(command)) return 'danger'
  if (['close', 'reopen', 'supervise', 'request-extension', 'merge'].includes(command)) return 'warning'
  return 'primary'
}

// Forms for the ticket commands: which fields each command asks for, and how a
// filled form becomes the request body of POST /api/v1/tickets/{id}/{command}.
//
// Field kinds: text (textarea), radio (options), number, switch, unit (one unit
// from the tree below the user's own unit), units (several), anyUnit (one unit of
// the whole tree), area (a district, street or community), category (a taxonomy
// code), list (several names typed in one line, sent as an array), anyUnits (several units of
// the whole tree; `excludeField` names a field whose unit is left out), datetime (sent as seconds since 1970; a past time unless `future`), ticket (a ticket number or id;
// `candidates: true` also offers the related tickets that can be the main ticket,
// domain/mergeCandidates.js).
import {
  CONTACT_METHODS, DISSATISFACTIONS, EMERGENCY_NUMBERS, PAUSE_REASONS, REPLY_RESULTS, RETURN_KINDS, SATISFACTIONS,
  URGENCIES, label,
} from './labels.js'
import { limits } from '../api/limits.js'

const reason = { name: 'reason', kind: 'text', required: true }
// Levels 1..the server's highest, extension days 1..its maximum (read when shown).
const level = {
  name: 'level', kind: 'radio', optionTable: 'level', default: 1, required: true,
  get options() {
    return Array.from({ length: limits.level_max }, (_, i) => i + 1)
  },
}
// 督办 levels (issue 10): 1 街镇, 2 区县, 3 市级 — the server refuses a level above
// the supervisor's own unit's tier (level_above_tier), the form offers them all.
const supervisionLevel = {
  name: 'level', kind: 'radio', optionTable: 'supervisionLevel', options: [1, 2, 3], default: 1, required: true,
}
const days = {
  name: 'days', kind: 'number', min: 1, default: 3, required: true,
  get max() {
    return limits.extension_days_max
  },
}

/**
 * How many characters a text field takes: the server's byte limit for the field
 * (content, else reason) over 3, the bytes a Chinese character needs.
 */
export function textMaxLength(name, maxField = name) {
  return Math.floor((maxField === 'content' ? limits.content_max_bytes : limits.reason_max_bytes) / 3)
}

export const COMMAND_FORMS = {
  'to-dispatch': [],
  'answer-directly': [
    { name: 'content', kind: 'text', required: true },
    { name: 'kb_entry', kind: 'string', placeholder: 'dialog.kbEntryPlaceholder' },
  ],
  'out-of-scope': [reason],
  'transfer-emergency': [
    { name: 'number', kind: 'radio', options: EMERGENCY_NUMBERS, optionTable: 'emergency', required: true },
  ],
  merge: [{ name: 'main_ticket', kind: 'ticket', candidates: true, required: true }],
  dispatch: [
    { name: 'unit', kind: 'unit', required: true },
    { name: 'co_units', kind: 'units' },
    // 派单意见: what the receiving unit should know or do first.
    { name: 'content', kind: 'text', label: 'dialog.dispatchNote', maxField: 'reason', rows: 2 },
  ],
  sign: [],
  return: [
    { name: 'return_kind', kind: 'radio', options: RETURN_KINDS, optionTable: 'returnKind', required: true },
    reason,
    // The unit that should have it, when the returning unit knows.
    { name: 'suggested_unit', kind: 'anyUnit', placeholder: 'dialog.suggestedUnitPlaceholder' },
  ],
  'request-extension': [
    days,
    reason,
  ],
  'decide-extension': [
    { name: 'approve', kind: 'radio', options: [true, false], optionTable: 'approve', default: true, required: true },
    { name: 'reason', kind: 'text', requiredIf: (f) => f.approve === false },
  ],
  // The reply form: the answer and its result, how and when the citizen was reached,
  // and who handled it (the server takes the details as optional; the form asks for them).
  reply: [
    { name: 'content', kind: 'text', required: true, phrases: 'reply' },
    { name: 'result', kind: 'radio', options: REPLY_RESULTS, optionTable: 'result', default: 'resolved', required: true },
    { name: 'contact_method', kind: 'radio', options: CONTACT_METHODS, optionTable: 'contactMethod', default: 'phone', required: true },
    {
      name: 'contacted_at', kind: 'datetime', default: () => Date.now(), // now, unless the unit picks the time
      showIf: (f) => f.contact_method !== 'not_contacted', requiredIf: (f) => f.contact_method !== 'not_contacted',
    },
    { name: 'handler', kind: 'string', required: true },
    { name: 'handler_phone', kind: 'string', required: true },
  ],
  // 逐级审核: the unit that dispatched down decides on the reply that came up.
  'accept-reply': [{ name: 'reason', kind: 'text', label: 'dialog.reviewNote', rows: 2 }],
  'reject-reply': [reason],
  // 修正: what triage recorded, corrected by the dispatcher; only what is filled changes.
  edit: [
    { name: 'category', kind: 'category' },
    { name: 'area', kind: 'area' },
    // 紧急程度: sent only when chosen (the server still takes the old `urgent` flag).
    { name: 'urgency', kind: 'radio', options: URGENCIES, optionTable: 'urgency' },
    { name: 'reason', kind: 'text', label: 'dialog.editNote', rows: 2 },
  ],
  // 联系诉求人: the lead unit records how and when it reached the citizen (a company
  // appeal must be contacted within 2 hours); the time is now unless the unit picks one.
  contact: [
    {
      name: 'contact_method', kind: 'radio', options: CONTACT_METHODS.filter((m) => m !== 'not_contacted'),
      optionTable: 'contactMethod', default: 'phone', required: true,
    },
    { name: 'contacted_at', kind: 'datetime', default: () => Date.now() },
    { name: 'content', kind: 'text', label: 'dialog.contactNote', maxField: 'reason', rows: 2 },
  ],
  // 暂停计时: the clock stops while the unit waits (a reason from the list, what for in words).
  pause: [
    { name: 'reason', kind: 'radio', options: PAUSE_REASONS, optionTable: 'pauseReason', required: true },
    { name: 'content', kind: 'text', label: 'dialog.pauseNote', maxField: 'reason', rows: 2 },
  ],
  resume: [{ name: 'content', kind: 'text', label: 'dialog.resumeNote', maxField: 'reason', rows: 2 }],
  review: [
    { name: 'accept', kind: 'radio', options: [true, false], optionTable: 'accept', default: true, required: true },
    { name: 'reason', kind: 'text', showIf: (f) => f.accept === false, requiredIf: (f) => f.accept === false },
  ],
  callback: [
    { name: 'unreachable', kind: 'switch', default: false },
    {
      name: 'satisfaction', kind: 'radio', options: SATISFACTIONS, optionTable: 'satisfaction',
      showIf: (f) => !f.unreachable, requiredIf: (f) => !f.unreachable,
    },
    {
      name: 'resolved', kind: 'radio', options: [true, false], optionTable: 'yesno', default: true,
      showIf: (f) => !f.unreachable, requiredIf: (f) => !f.unreachable,
    },
    // Why not satisfied: counted by the assessment; the server requires it when unsatisfied.
    {
      name: 'dissatisfaction', kind: 'radio', options: DISSATISFACTIONS, optionTable: 'dissatisfaction',
      showIf: (f) => !f.unreachable && ['unsatisfied', 'basically_satisfied'].includes(f.satisfaction),
      requiredIf: (f) => !f.unreachable && f.satisfaction === 'unsatisfied',
    },
    // 回访意见: what the citizen said (or, when unreachable, a note of the attempt).
    { name: 'content', kind: 'text', label: 'dialog.callbackComment', maxField: 'reason' },
  ],
  reopen: [reason],
  close: [reason],
  // From 来电弹屏: what the caller said when asking again, or what they add.
  urge: [{ name: 'content', kind: 'text', label: 'dialog.urgeNote', maxField: 'reason', rows: 2 }],
  supplement: [{ name: 'content', kind: 'text', required: true, label: 'dialog.supplement' }],
  // 督办: the level, what the unit must do, who follows it (专人盯办) and by when it answers.
  supervise: [
    supervisionLevel,
    { name: 'instructions', kind: 'text', required: true, maxField: 'reason', rows: 3 },
    { name: 'assignee', kind: 'string', placeholder: 'dialog.assigneePlaceholder' },
    { name: 'due_at', kind: 'datetime', future: true, placeholder: 'dialog.supervisionDuePlaceholder' },
  ],
  // The lead unit's answer to the supervision (整改情况), and the supervisor's 销号.
  'answer-supervision': [{ name: 'content', kind: 'text', required: true, label: 'dialog.supervisionAnswer', maxField: 'reason' }],
  'close-supervision': [{ name: 'note', kind: 'text', required: true, label: 'dialog.closeSupervisionNote', maxField: 'reason', rows: 2 }],
  // 提级: to whom (the higher authority) and why.
  escalate: [level, { name: 'to', kind: 'string', required: true, placeholder: 'dialog.escalateToPlaceholder' }, reason],
  // 领导批示: the leader's words, tracked until the unit answers (like a city-level supervision).
  instruct: [{ name: 'content', kind: 'text', required: true, label: 'dialog.instruction', maxField: 'reason', rows: 3 }],
  // 协办: a co-unit signs for its part (one click) and gives its opinion to the lead unit.
  'co-sign': [],
  'co-reply': [{ name: 'content', kind: 'text', required: true, label: 'dialog.coReply', rows: 3 }],
  // 吹哨报到: the lead street calls in a unit above it; that unit adds co-units.
  whistle: [
    { name: 'to_unit', kind: 'anyUnit', required: true, placeholder: 'dialog.whistleToPlaceholder' },
    reason,
  ],
  'add-co-units': [
    { name: 'co_units', kind: 'anyUnits', required: true },
    { name: 'content', kind: 'text', label: 'dialog.coordinationNote', maxField: 'reason', rows: 2 },
  ],
  // 联席会议: sent there directly (ownership dispute, a long-running case), and its decision.
  'to-joint-review': [reason],
  'decide-joint-review': [
    { name: 'lead_unit', kind: 'anyUnit', required: true },
    { name: 'co_units', kind: 'anyUnits', excludeField: 'lead_unit' },
    { name: 'participants', kind: 'list', required: true, placeholder: 'dialog.participantsPlaceholder' },
    { name: 'minutes', kind: 'text', required: true, label: 'dialog.minutes', rows: 4 },
    { name: 'catalog_change', kind: 'radio', options: [false, true], optionTable: 'catalogChange', default: false },
  ],
}

/** The entries of a list field as typed: separated by commas, 、, ； or new lines. */
export function splitList(typed) {
  return String(typed).split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean)
}

/**
 * A ticket as the user typed it: the number they see (LC20261123000042, any case,
 * sent as the number) or an id (sent as a number); the server resolves both.
 */
export function ticketRef(typed) {
  const s = String(typed).trim()
  return /^\d+$/.test(s) ? Number(s) : s.toUpperCase()
}

/** Commands that need no input: one click (with no dialog) carries them out. */
export function isOneClick(command) {
  const form = COMMAND_FORMS[command]
  return Array.isArray(form) && form.length === 0
}

export function fieldsFor(command) {
  return COMMAND_FORMS[command] || []
}

export function visibleFields(command, form) {
  return fieldsFor(command).filter((f) => !f.showIf || f.showIf(form))
}

export function isRequired(field, form) {
  return !!field.required || (!!field.requiredIf && field.requiredIf(form))
}

/** A fresh form with each field's default. */
export function initialForm(command) {
  const form = {}
  for (const f of fieldsFor(command)) {
    if (typeof f.default === 'function') form[f.name] = f.default()
    else if (f.default !== undefined) form[f.name] = f.default
    else if (f.kind === 'units' || f.kind === 'anyUnits') form[f.name] = []
    else if (f.kind === 'switch') form[f.name] = false
    else if (f.kind === 'number') form[f.name] = undefined
    else form[f.name] = ''
  }
  return form
}

function isBlank(v) {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
}

/** Names of the required fields still empty in `form` (visible fields only). */
export function missingFields(command, form) {
  return visibleFields(command, form).filter((f) => isRequired(f, form) && isBlank(form[f.name])).map((f) => f.name)
}

/**
 * The request body for `command` from `form`: only visible fields, blanks
 * dropped, text trimmed, numbers as numbers.
 */
export function buildBody(command, form) {
  if (command === 'callback' && form.unreachable) {
    const note = typeof form.content === 'string' ? form.content.trim() : ''
    return note ? { unreachable: true, content: note } : { unreachable: true }
  }
  const body = {}
  for (const f of visibleFields(command, form)) {
    if (f.kind === 'switch') continue
    let v = form[f.name]
    if (isBlank(v)) continue
    if (typeof v === 'string') v = v.trim()
    if (f.kind === 'number' || f.name === 'level') v = Number(v)
    if (f.kind === 'ticket') v = ticketRef(v)
    if (f.kind === 'datetime') v = Math.floor(Number(v) / 1000) // the picker gives milliseconds
    if (f.kind === 'list') {
      v = splitList(v)
      if (!v.length) continue
    }
    body[f.name] = v
  }
  return body
}

const BOOL_LABELS = {
  approve: ['dialog.approve', 'dialog.refuse'],
  accept: ['dialog.accept', 'dialog.sendBack'],
  yesno: ['app.yes', 'app.no'],
  urgent: ['dialog.urgent', 'dialog.notUrgent'],
  catalogChange: ['dialog.catalogChangeYes', 'dialog.catalogChangeNo'],
}

/** Text shown for one option of a radio field. `t` is vue-i18n's translate function. */
export function optionLabel(field, value, t) {
  const table = field.optionTable
  if (BOOL_LABELS[table]) return t(BOOL_LABELS[table][value ? 0 : 1])
  if (table === 'level') return t('ticket.level', { n: value })
  return label(table, String(value))
}

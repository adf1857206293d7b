// 时限规则编辑 (admin, issue 10): the rules and working hours edited as the cells of
// data/policies/time_limits.csv (GET /policies gives each rule's `text`), checked here
// before saving, and saved whole with the version read (PUT /policies). The server
// checks again with the files' parser; its refusals are worded by refusalText.
import { APPEAL_TYPES, CHANNELS, URGENCIES } from './labels.js'

// The values a rule's conditions take (the server's vocabulary; open311 is a channel too).
export const APPEAL_TYPES_FOR_RULES = APPEAL_TYPES
export const URGENCIES_FOR_RULES = URGENCIES
export const CHANNELS_FOR_RULES = [...CHANNELS, 'open311']

export const RULE_COLUMNS = ['rule', 'appeal_type', 'category', 'urgency', 'channel', 'enterprise',
  'sign', 'contact', 'reply', 'handle', 'callback', 'note']
export const LIMIT_COLUMNS = ['sign', 'contact', 'reply', 'handle', 'callback']
export const LIMIT_UNITS = ['natural_hours', 'working_hours', 'working_days', 'natural_days']
// The server's (domain/time_limit.h kMaxLimitAmount, GET /policies limit_max_amount); this default until read.
export const MAX_LIMIT_AMOUNT = 10000
const ID = /^[A-Za-z0-9._-]+$/
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

let nextId = 1
/** An empty rule (a fresh local id). */
export function blankRule() {
  const row = { _id: nextId++ }
  for (const c of RULE_COLUMNS) row[c] = ''
  return row
}

/** The editable rows of GET /policies: each rule's text cells, with a local id. */
export function editableRules(policies) {
  return ((policies && policies.rules) || []).map((r) => {
    const row = blankRule()
    for (const c of RULE_COLUMNS) row[c] = String((r.text && r.text[c]) ?? '')
    return row
  })
}

/** The working hours as editable rows. */
export const editableHours = (policies) => ((policies && policies.working_hours) || []).map((p) => ({ start: p.start, end: p.end }))

/** "24 natural_hours" → { amount: 24, unit: 'natural_hours' }; null when not a limit. */
export function parseLimit(text, max = MAX_LIMIT_AMOUNT) {
  const m = /^\s*(\d+)\s+(\w+)\s*$/.exec(String(text || ''))
  if (!m || !LIMIT_UNITS.includes(m[2])) return null
  const amount = Number(m[1])
  return amount >= 1 && amount <= max ? { amount, unit: m[2] } : null
}
export const formatLimit = (amount, unit) => (amount ? `${amount} ${unit}` : '')

const conditionKey = (r) => ['appeal_type', 'category', 'urgency', 'channel', 'enterprise']
  .map((c) => (c === 'enterprise' && r[c] === 'any' ? '' : r[c] || '')).join('|')

/**
 * Problems of the whole edit, in list order: { list: 'rules'|'working_hours', index, field, key, params }.
 * The same checks the server makes (it remains the judge): an id of letters, digits
 * and - _ . used once; known values; limits as AMOUNT UNIT; at least one limit a
 * rule; no two rules with the same conditions; one rule without conditions giving
 * all five limits; working periods HH:MM, each starting before it ends, in order.
 */
export function validateTimeLimits(rules, hours, { maxAmount = MAX_LIMIT_AMOUNT } = {}) {
  const out = []
  const add = (list, index, field, key, params = {}) => out.push({ list, index, field, key, params })
  const ids = new Map()
  const conditions = new Map()
  rules.forEach((r, i) => {
    if (!r.rule) add('rules', i, 'rule', 'required')
    else if (!ID.test(r.rule)) add('rules', i, 'rule', 'idFormat')
    else if (ids.has(r.rule)) add('rules', i, 'rule', 'duplicateId', { m: ids.get(r.rule) + 1 })
    else ids.set(r.rule, i)
    if (r.appeal_type && !APPEAL_TYPES_FOR_RULES.includes(r.appeal_type)) add('rules', i, 'appeal_type', 'invalid')
    if (r.urgency && !URGENCIES_FOR_RULES.includes(r.urgency)) add('rules', i, 'urgency', 'invalid')
    if (r.channel && !CHANNELS_FOR_RULES.includes(r.channel)) add('rules', i, 'channel', 'invalid')
    if (r.enterprise && !['yes', 'no', 'any'].includes(r.enterprise)) add('rules', i, 'enterprise', 'invalid')
    if (r.category && !/^\d+$/.test(r.category)) add('rules', i, 'category', 'invalid')
    for (const c of LIMIT_COLUMNS) if (r[c] && !parseLimit(r[c], maxAmount)) add('rules', i, c, 'limitFormat', { max: maxAmount })
    if (!LIMIT_COLUMNS.some((c) => r[c])) add('rules', i, 'sign', 'noLimits')
    const key = conditionKey(r)
    if (conditions.has(key)) add('rules', i, 'rule', 'sameConditions', { m: conditions.get(key) + 1 })
    else conditions.set(key, i)
  })
  const base = rules.find((r) => conditionKey(r) === '||||')
  if (!base || !LIMIT_COLUMNS.every((c) => parseLimit(base[c], maxAmount))) add('rules', -1, 'rule', 'noDefault')
  if (!hours.length) add('working_hours', -1, 'start', 'noHours')
  let lastEnd = -1
  hours.forEach((p, i) => {
    if (!CLOCK.test(p.start || '')) return add('working_hours', i, 'start', 'clock')
    if (!CLOCK.test(p.end || '')) return add('working_hours', i, 'end', 'clock')
    const [start, end] = [minutes(p.start), minutes(p.end)]
    if (start >= end) add('working_hours', i, 'end', 'endBeforeStart')
    else if (start < lastEnd) add('working_hours', i, 'start', 'overlap')
    lastEnd = Math.max(lastEnd, end)
  })
  return out
}
const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))

/** The body of PUT /policies. */
export function changeBody(rules, hours, version) {
  return {
    version,
    rules: rules.map((r) => Object.fromEntries(RULE_COLUMNS.map((c) => [c, String(r[c] ?? '').trim()]))),
    working_hours: hours.map((p) => ({ start: String(p.start).trim(), end: String(p.end).trim() })),
  }
}

/** How many rules were added, removed or changed against the rules as loaded (by local id). */
export function countChanges(before, after, hoursBefore, hoursAfter) {
  const old = new Map(before.map((r) => [r._id, JSON.stringify(r)]))
  let n = 0
  for (const r of after) if (old.get(r._id) !== JSON.stringify(r)) n++
  const kept = new Set(after.map((r) => r._id))
  for (const r of before) if (!kept.has(r._id)) n++
  if (JSON.stringify(hoursBefore) !== JSON.stringify(hoursAfter)) n++
  return n
}

/**
 * A problem (local, or the server's refusal as one) in words. `t` is vue-i18n's
 * translate; the keys live under timeLimits.problem and timeLimits.field.
 */
export function problemText(p, t) {
  const where = p.index < 0 ? '' : p.list === 'rules' ? t('timeLimits.atRule', { n: p.index + 1 }) : t('timeLimits.atPeriod', { n: p.index + 1 })
  const field = t(`timeLimits.field.${p.field}`)
  return where + t(`timeLimits.problem.${p.key}`, { field, ...p.params })
}

/**
 * The server's refusal of a save as a problem: 409 stale_version (someone saved in
 * between), or 400 naming the list, line and field (params list, line, value); null
 * for anything else (the caller words it as any error).
 */
export function refusalProblem(err) {
  if (!err || typeof err !== 'object') return null
  if (err.status === 409) return { list: 'rules', index: -1, field: 'rule', key: 'stale', params: {} }
  if (err.status !== 400) return null
  const params = err.params || {}
  const line = Number(params.line)
  const list = params.list === 'working_hours' ? 'working_hours' : 'rules'
  const field = RULE_COLUMNS.includes(err.field) || ['start', 'end'].includes(err.field) ? err.field : 'rule'
  return {
    list,
    index: line >= 1 ? line - 1 : -1,
    field,
    // invalid_value names the value (worded here); other refusals (the set's own checks) carry the server's words.
    key: err.reason === 'invalid_value' && params.value !== undefined ? 'serverInvalid' : 'server',
    params: { message: err.message || '', value: params.value ?? '' },
  }
}

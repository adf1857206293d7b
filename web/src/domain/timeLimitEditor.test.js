import { describe, expect, it } from 'vitest'
import {
  blankRule, changeBody, countChanges, editableHours, editableRules, parseLimit, problemText, refusalProblem,
  validateTimeLimits,
} from './timeLimitEditor.js'

const text = (over = {}) => ({
  rule: 'default', appeal_type: '', category: '', urgency: '', channel: '', enterprise: '',
  sign: '24 natural_hours', contact: '1 working_days', reply: '7 natural_days', handle: '7 natural_days',
  callback: '2 working_days', note: '', ...over,
})
const policies = {
  version: 4,
  rules: [
    { rule: 'default', text: text() },
    { rule: 'ent', text: text({ rule: 'ent', enterprise: 'yes', sign: '', contact: '2 natural_hours', reply: '', handle: '', callback: '' }) },
  ],
  working_hours: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }],
}
const t = (key, params = {}) => `${key}${JSON.stringify(params)}`

describe('time-limit editor', () => {
  it('edits the text cells GET /policies gives and sends them back with the version', () => {
    const rules = editableRules(policies)
    const hours = editableHours(policies)
    expect(rules.map((r) => r.rule)).toEqual(['default', 'ent'])
    expect(rules[0]._id).not.toBe(rules[1]._id)
    const body = changeBody(rules, hours, policies.version)
    expect(body.version).toBe(4)
    expect(body.rules[1]).toEqual(policies.rules[1].text) // no local id, every column
    expect(body.working_hours).toEqual(policies.working_hours)
    expect(validateTimeLimits(rules, hours)).toEqual([])
  })

  it('reads limits as AMOUNT UNIT within the server\'s range', () => {
    expect(parseLimit('24 natural_hours')).toEqual({ amount: 24, unit: 'natural_hours' })
    expect(parseLimit(' 3  working_days ')).toEqual({ amount: 3, unit: 'working_days' })
    expect(parseLimit('3 fortnights')).toBeNull()
    expect(parseLimit('0 natural_days')).toBeNull()
    expect(parseLimit('10001 natural_days')).toBeNull()
    expect(parseLimit('10000 natural_days')).toEqual({ amount: 10000, unit: 'natural_days' })
  })

  it('finds what the server would refuse, naming the rule and the field', () => {
    const rules = editableRules(policies)
    const bad = [
      { ...rules[0] },
      { ...rules[1], rule: 'ent', handle: '3 fortnights', urgency: 'soon' },
      { ...blankRule(), rule: 'ent' },
      { ...blankRule(), rule: 'x y', enterprise: 'yes', contact: '1 natural_hours' },
    ]
    const found = validateTimeLimits(bad, [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '10:00' }])
    const keys = found.map((p) => `${p.list}:${p.index}:${p.field}:${p.key}`)
    expect(keys).toContain('rules:1:urgency:invalid')
    expect(keys).toContain('rules:1:handle:limitFormat')
    expect(keys).toContain('rules:2:rule:duplicateId')
    expect(keys).toContain('rules:2:sign:noLimits')
    expect(keys).toContain('rules:3:rule:idFormat')
    expect(keys).toContain('rules:2:rule:sameConditions') // no conditions, like the default rule
    expect(keys).toContain('working_hours:1:end:endBeforeStart')
    expect(problemText(found.find((p) => p.key === 'duplicateId'), t)).toBe(
      'timeLimits.atRule{"n":3}timeLimits.problem.duplicateId{"field":"timeLimits.field.rule{}","m":2}',
    )
  })

  it('needs a default rule with all five limits, and working hours', () => {
    const rules = editableRules(policies)
    const keys = (rs, hs) => validateTimeLimits(rs, hs).map((p) => p.key)
    expect(keys([rules[1]], editableHours(policies))).toContain('noDefault')
    expect(keys([{ ...rules[0], callback: '' }, rules[1]], editableHours(policies))).toContain('noDefault')
    expect(keys(rules, [])).toContain('noHours')
    expect(keys(rules, [{ start: '9:00', end: '12:00' }])).toContain('clock')
    expect(keys(rules, [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }])).toContain('overlap')
  })

  it('counts the changes against the rules as loaded', () => {
    const before = editableRules(policies)
    const hours = editableHours(policies)
    expect(countChanges(before, before.map((r) => ({ ...r })), hours, hours)).toBe(0)
    const after = [{ ...before[0], sign: '3 natural_hours' }, blankRule()]
    expect(countChanges(before, after, hours, hours)).toBe(3) // changed, added, removed
    expect(countChanges(before, before, hours, [{ start: '08:00', end: '12:00' }])).toBe(1)
  })

  it('turns the server\'s refusals into a problem at the line and field it names', () => {
    const err = { status: 400, field: 'handle', message: 'rule 2: handle …', params: { line: '2', list: 'rules', value: '3 fortnights' } }
    expect(refusalProblem(err)).toMatchObject({ list: 'rules', index: 1, field: 'handle', key: 'server' })
    expect(refusalProblem({ ...err, reason: 'invalid_value' })).toMatchObject({ key: 'serverInvalid', params: { value: '3 fortnights' } })
    const hours = { status: 400, field: 'working_hours[1]', message: 'period 2 …', params: { line: '2', list: 'working_hours' } }
    expect(refusalProblem(hours)).toMatchObject({ list: 'working_hours', index: 1 })
    expect(refusalProblem({ status: 409, reason: 'stale_version' })).toMatchObject({ key: 'stale', index: -1 })
    expect(refusalProblem({ status: 403 })).toBeNull()
  })
})

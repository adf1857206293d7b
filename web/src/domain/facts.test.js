import { describe, expect, it } from 'vitest'
import { commandFacts, extensionHistory } from './facts.js'

const unitName = (c) => ({ 'LC-D01-S01': '东华街道', 'LC-D01': '临川区' })[c] || c
const replied = {
  id: 7,
  state: 'to_callback',
  caller: { name: '张三', phone: '13800138000' },
  lead_unit: { code: 'LC-D01-S01', name: '东华街道' },
  reply: { content: '已协调供热公司，室温恢复', result: 'resolved' },
  callback_attempts: 1,
}
const events = [
  { command: 'intake', at: '2026-11-20T09:00:00+08:00', actor: { username: 'op1', role: 'operator', unit: '' } },
  { command: 'reply', at: '2026-11-21T10:30:00+08:00', actor: { username: 'ldh', display_name: '李东华', role: 'unit', unit: 'LC-D01-S01' } },
]
const value = (rows, key) => (rows.find((r) => r.key === key) || {}).value

describe('the facts a decision shows', () => {
  it('review shows the reply, its result and who replied when', () => {
    const rows = commandFacts('review', { ...replied, state: 'replied' }, events, unitName)
    expect(value(rows, 'reply')).toBe('已协调供热公司，室温恢复')
    expect(value(rows, 'result')).toBe('已解决')
    expect(value(rows, 'repliedBy')).toBe('东华街道 · 李东华 2026-11-21 10:30')
    expect(value(rows, 'callerPhone')).toBeUndefined() // the reviewer needs the reply, not the phone
  })

  it('callback shows the caller to dial and the reply to read back', () => {
    const rows = commandFacts('callback', replied, events, unitName)
    expect(rows.map((r) => r.key)).toEqual(['callerName', 'callerPhone', 'leadUnit', 'reply', 'result', 'repliedBy', 'callbackAttempts'])
    expect(rows.find((r) => r.key === 'callerPhone')).toEqual({ key: 'callerPhone', value: '13800138000', kind: 'phone' })
  })

  it('extension approval shows the days, the reason and who asked, only while pending', () => {
    const t = { ...replied, state: 'in_progress', extension: { pending: true, days: 5, reason: '需协调产权单位' }, due_at: '2026-11-27T09:00:00+08:00' }
    const asked = [...events, { command: 'request-extension', at: '2026-11-22T08:00:00+08:00', actor: { username: 'LC-D01-S01', role: 'unit', unit: 'LC-D01-S01' }, input: { days: 5, reason: '需协调产权单位' } }]
    const rows = commandFacts('decide-extension', t, asked, unitName)
    expect(value(rows, 'extensionDays')).toBe('5')
    expect(value(rows, 'extensionReason')).toBe('需协调产权单位')
    expect(value(rows, 'requestedBy')).toBe('东华街道 · LC-D01-S01 2026-11-22 08:00')
    expect(value(rows, 'dueAt')).toBe('2026-11-27 09:00')
    const settled = commandFacts('decide-extension', { ...t, extension: { pending: false, days: 0, reason: '' } }, asked, unitName)
    expect(value(settled, 'extensionDays')).toBeUndefined()
  })

  it('a returned ticket shows who sent it back and why when it is dispatched again', () => {
    const t = { id: 9, state: 'to_dispatch', return_count: 2, last_return: { unit: { code: 'LC-D01-S01', name: '东华街道' }, reason: '不属于本街道' } }
    const rows = commandFacts('dispatch', t, [], unitName)
    expect(rows.map((r) => [r.key, r.value])).toEqual([['returnedBy', '东华街道'], ['returnReason', '不属于本街道'], ['returnCount', '2']])
    // Once dispatched again, the old return is history, not a fact of this decision.
    expect(commandFacts('dispatch', { ...t, state: 'in_progress' }, [], unitName)).toEqual([])
  })

  it('reopen and close show what the citizen said', () => {
    const t = { ...replied, state: 'unsatisfied', satisfaction: 'unsatisfied', dissatisfaction: 'attitude', callback_comment: '接线态度差' }
    const rows = commandFacts('reopen', t, events, unitName)
    expect(value(rows, 'dissatisfaction')).toBe('工作态度')
    expect(value(rows, 'callbackComment')).toBe('接线态度差')
  })

  it('leaves out rows without a value and commands without facts', () => {
    expect(commandFacts('review', { id: 1, state: 'replied' }, [])).toEqual([])
    expect(commandFacts('sign', replied, events)).toEqual([])
    expect(commandFacts('review', null)).toEqual([])
  })
})

describe('the facts of 逐级审核 and of returns', () => {
  const reply = {
    content: '已上门协调', result: 'resolved', unit: { code: 'C1', name: '幸福里社区' }, contact_method: 'visit',
    contacted_at: '2026-11-20T09:30:00+08:00', handler: '李红', handler_phone: '0794-1234567', awaiting: true,
    from: { code: 'C1', name: '幸福里社区' },
  }
  it('accepting a lower reply shows where it came from, the reply and how the citizen was reached', () => {
    const rows = commandFacts('accept-reply', { reply, lead_unit: { code: 'S1', name: '东华街道' } })
    const by = Object.fromEntries(rows.map((r) => [r.key, r.value]))
    expect(by.replyFrom).toBe('幸福里社区')
    expect(by.reply).toBe('已上门协调')
    expect(by.repliedBy).toBe('幸福里社区')
    expect(by.contact).toContain('上门走访')
    expect(by.contact).toContain('2026-11-20')
    expect(by.handler).toBe('李红 0794-1234567')
  })
  it('dispatching a returned ticket shows the reason from the list and the unit suggested', () => {
    const ticket = {
      state: 'to_dispatch', return_count: 1,
      last_return: { unit: { code: 'S1', name: '东华街道' }, reason: '不在辖区', kind: 'outside_area', suggested_unit: { code: 'S3', name: '西湖街道' } },
    }
    const by = Object.fromEntries(commandFacts('dispatch', ticket).map((r) => [r.key, r.value]))
    expect(by.returnKind).toBe('不在本辖区')
    expect(by.suggestedUnit).toBe('西湖街道')
  })
  it('a unit signing or replying sees the dispatcher\'s note', () => {
    expect(commandFacts('reply', { dispatch_note: '请当天上门' })).toEqual([{ key: 'dispatchNote', value: '请当天上门', kind: 'text' }])
  })
  it('a unit contacting the citizen sees whom to call and the dispatcher\'s note', () => {
    const rows = commandFacts('contact', { ...replied, state: 'dispatched', dispatch_note: '企业诉求，2 小时内联系' })
    expect(rows.map((r) => r.key)).toEqual(['callerName', 'callerPhone', 'dispatchNote'])
    expect(value(rows, 'callerPhone')).toBe('13800138000')
  })
})

describe('extension history', () => {
  it('lists requests and decisions in order', () => {
    const h = extensionHistory([
      { command: 'request-extension', at: '2026-11-20T09:00:00+08:00', input: { days: 3, reason: '等材料' } },
      { command: 'decide-extension', at: '2026-11-20T11:00:00+08:00', input: { approve: false, reason: '理由不足' } },
      { command: 'reply', at: '2026-11-21T09:00:00+08:00', input: {} },
    ])
    expect(h).toEqual([
      { at: '2026-11-20 09:00', kind: 'request', days: 3, reason: '等材料' },
      { at: '2026-11-20 11:00', kind: 'refused', reason: '理由不足' },
    ])
  })
})
